package io.grapholap.application.snapshot;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Out-port: snapshot exports as work that any server node sharing the metadata database may claim.
 * A snapshot is claimable while it is {@code pending} and unclaimed, or {@code pending}/{@code creating}
 * with a lease that ran out (its node stopped renewing it). Claiming is atomic across nodes (two
 * nodes never both win a snapshot), moves the snapshot to {@code pending} (the claimer's export then
 * takes it to {@code creating}), records the claiming node and lease end, and counts the attempt.
 */
public interface ExportClaims {

    /**
     * A claim won. {@code attempts} counts this claim; {@code previousNode} is the node whose claim
     * ran out before this one, null when nobody had claimed the export since it was created or retried.
     */
    record Claim(long snapshotId, int attempts, String previousNode) {

        /** Whether an earlier attempt was claimed and abandoned (its node stopped or was cut off). */
        public boolean lapsed() {
            return previousNode != null;
        }
    }

    /** Who holds (or last held) a snapshot's export: node, lease end and attempts so far. */
    record ClaimState(String node, Instant leaseExpiresAt, int attempts) {
    }

    /** Claims {@code snapshotId} for {@code node} until {@code leaseUntil}, if it is claimable at {@code now}. */
    Optional<Claim> claim(long snapshotId, String node, Instant now, Instant leaseUntil);

    /** Claims the oldest claimable snapshot not being claimed by another node at this moment, if any. */
    Optional<Claim> claimNext(String node, Instant now, Instant leaseUntil);

    /** Extends the leases {@code node} still holds on {@code snapshotIds}; returns those it still holds. */
    Set<Long> renew(Set<Long> snapshotIds, String node, Instant leaseUntil);

    /**
     * Ends every unfinished export's lease at {@code now}: for a node that knows it is alone on the
     * database (embedded H2), whose predecessor's claims are all abandoned.
     */
    int expireAll(Instant now);

    /** The claims of those of {@code snapshotIds} that exist, by id (at most a page of ids at a time). */
    Map<Long, ClaimState> states(Collection<Long> snapshotIds);

    default Optional<ClaimState> state(long snapshotId) {
        return Optional.ofNullable(states(List.of(snapshotId)).get(snapshotId));
    }
}
