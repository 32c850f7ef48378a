package io.grapholap.application.snapshot;

import io.grapholap.domain.snapshot.Snapshot;
import io.grapholap.domain.snapshot.SnapshotStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Export claims in memory over a {@link SnapshotRepository}, for use-case tests: the same claimable
 * rule as the JDBC one (pending and unclaimed, or unfinished with a lease that ran out).
 */
final class InMemoryExportClaims implements ExportClaims {

    private final SnapshotRepository snapshots;
    private final Map<Long, ClaimState> claims = new HashMap<>();

    InMemoryExportClaims(SnapshotRepository snapshots) {
        this.snapshots = snapshots;
    }

    @Override
    public synchronized Optional<Claim> claim(long snapshotId, String node, Instant now, Instant leaseUntil) {
        Optional<Snapshot> snapshot = snapshots.find(snapshotId);
        if (snapshot.isEmpty() || !claimable(snapshot.get(), now)) {
            return Optional.empty();
        }
        if (snapshot.get().status() == SnapshotStatus.CREATING) {
            snapshots.transition(snapshotId, SnapshotStatus.CREATING, SnapshotStatus.PENDING, null, now);
        }
        ClaimState before = claims.get(snapshotId);
        int attempts = before == null ? 1 : before.attempts() + 1;
        claims.put(snapshotId, new ClaimState(node, leaseUntil, attempts));
        return Optional.of(new Claim(snapshotId, attempts, before == null ? null : before.node()));
    }

    @Override
    public synchronized Optional<Claim> claimNext(String node, Instant now, Instant leaseUntil) {
        return snapshots.withStatus(EnumSet.of(SnapshotStatus.PENDING, SnapshotStatus.CREATING)).stream()
                .sorted(Comparator.comparingLong(Snapshot::id))
                .filter(s -> claimable(s, now))
                .findFirst()
                .flatMap(s -> claim(s.id(), node, now, leaseUntil));
    }

    private boolean claimable(Snapshot s, Instant now) {
        ClaimState c = claims.get(s.id());
        boolean lapsed = c == null || c.leaseExpiresAt() == null || c.leaseExpiresAt().isBefore(now);
        return switch (s.status()) {
            case PENDING -> c == null || c.node() == null || lapsed;
            case CREATING -> lapsed;
            default -> false;
        };
    }

    @Override
    public synchronized Set<Long> renew(Set<Long> snapshotIds, String node, Instant leaseUntil) {
        Set<Long> held = new LinkedHashSet<>();
        for (long id : snapshotIds) {
            ClaimState c = claims.get(id);
            Optional<Snapshot> s = snapshots.find(id);
            if (c != null && node.equals(c.node()) && s.isPresent()
                    && EnumSet.of(SnapshotStatus.PENDING, SnapshotStatus.CREATING).contains(s.get().status())) {
                claims.put(id, new ClaimState(node, leaseUntil, c.attempts()));
                held.add(id);
            }
        }
        return held;
    }

    @Override
    public synchronized int expireAll(Instant now) {
        int expired = 0;
        for (Map.Entry<Long, ClaimState> e : claims.entrySet()) {
            if (e.getValue().node() != null) {
                e.setValue(new ClaimState(e.getValue().node(), now.minusMillis(1), e.getValue().attempts()));
                expired++;
            }
        }
        return expired;
    }

    @Override
    public synchronized Map<Long, ClaimState> states(Collection<Long> snapshotIds) {
        Map<Long, ClaimState> states = new HashMap<>();
        for (long id : snapshotIds) {
            if (snapshots.find(id).isPresent()) {
                states.put(id, claims.getOrDefault(id, new ClaimState(null, null, 0)));
            }
        }
        return states;
    }
}
