package io.grapholap.application.snapshot;

import io.grapholap.domain.snapshot.SnapshotStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;

/**
 * This node's share of the export work on a metadata database that several nodes may share. An
 * export runs only under a claim ({@link ExportClaims}): a snapshot created or retried here is
 * claimed at once; {@link #poll} claims further work (unclaimed snapshots and those whose lease ran
 * out) while this node has free export slots; {@link #heartbeat} renews the leases of the exports
 * it holds and marks those it no longer holds as lost, which the export notices at its next
 * progress write and then stops without touching the snapshot or its files (the new holder owns
 * them). A claim whose earlier attempt was abandoned is exported again from scratch, unless that
 * made more than {@code maxAttempts} attempts or {@code resumeAbandoned} is off: then the snapshot
 * is marked failed with the reason.
 */
public final class ClaimedExports implements ExportJobs {

    private static final System.Logger LOG = System.getLogger(ClaimedExports.class.getName());

    /**
     * {@code node}: this node's id, recorded on its claims; {@code lease}: how long a claim holds
     * without renewal; {@code slots}: exports this node runs at once; {@code maxAttempts}: claims of
     * one export before it is failed; {@code resumeAbandoned}: whether abandoned exports run again.
     */
    public record Settings(String node, Duration lease, int slots, int maxAttempts, boolean resumeAbandoned) {
        public Settings {
            if (node == null || node.isBlank() || lease.isNegative() || lease.isZero() || slots < 1 || maxAttempts < 1) {
                throw new IllegalArgumentException("invalid export claim settings " + node + ", " + lease + ", " + slots
                        + ", " + maxAttempts);
            }
        }
    }

    /** What one {@link #poll} did: exports claimed and started, and abandoned ones marked failed. */
    public record Outcome(int resumed, int failed) {
    }

    private final ExportClaims claims;
    private final SnapshotRepository snapshots;
    private final SnapshotDirectories directories;
    private final ExportJobs pool;
    private final Settings settings;
    private final Clock clock;
    private final Set<Long> held = ConcurrentHashMap.newKeySet();
    private final Set<Long> lost = ConcurrentHashMap.newKeySet();

    public ClaimedExports(ExportClaims claims, SnapshotRepository snapshots, SnapshotDirectories directories, ExportJobs pool,
                          Settings settings, Clock clock) {
        this.claims = claims;
        this.snapshots = snapshots;
        this.directories = directories;
        this.pool = pool;
        this.settings = settings;
        this.clock = clock;
    }

    public Settings settings() {
        return settings;
    }

    /** Claims {@code snapshotId} and runs {@code job} on the pool if the claim is won; otherwise another node has it. */
    @Override
    public void submit(long snapshotId, Runnable job) {
        Instant now = clock.instant();
        claims.claim(snapshotId, settings.node(), now, now.plus(settings.lease())).ifPresent(claim -> start(claim, job));
    }

    /**
     * Claims work while this node has free slots, each claim's export made by {@code jobOf}; abandoned
     * exports past their attempts (or with resuming off) are failed instead of started.
     */
    public Outcome poll(LongFunction<Runnable> jobOf) {
        int resumed = 0;
        int failed = 0;
        while (held.size() < settings.slots() && !pool.stopping()) {
            Instant now = clock.instant();
            Optional<ExportClaims.Claim> claim = claims.claimNext(settings.node(), now, now.plus(settings.lease()));
            if (claim.isEmpty()) {
                break;
            }
            if (start(claim.get(), jobOf.apply(claim.get().snapshotId()))) {
                resumed++;
            } else {
                failed++;
            }
        }
        return new Outcome(resumed, failed);
    }

    /** Renews the leases of the exports this node holds; those another node took over are marked lost. */
    public void heartbeat() {
        Set<Long> mine = new HashSet<>(held);
        mine.removeAll(lost);
        if (mine.isEmpty()) {
            return;
        }
        Set<Long> renewed = claims.renew(mine, settings.node(), clock.instant().plus(settings.lease()));
        for (long id : mine) {
            if (!renewed.contains(id) && held.contains(id)) {
                lost.add(id);
                LOG.log(System.Logger.Level.WARNING, "node {0} lost its claim on the export of snapshot {1}",
                        settings.node(), Long.toString(id));
            }
        }
    }

    /** Whether this node still holds the claim on {@code snapshotId} (as far as the last heartbeat knows). */
    @Override
    public boolean holds(long snapshotId) {
        return held.contains(snapshotId) && !lost.contains(snapshotId);
    }

    /** Renews the claim now: true when this node holds it for another lease, so it may publish the export. */
    @Override
    public boolean confirm(long snapshotId) {
        if (!holds(snapshotId)) {
            return false;
        }
        if (claims.renew(Set.of(snapshotId), settings.node(), clock.instant().plus(settings.lease())).contains(snapshotId)) {
            return true;
        }
        lost.add(snapshotId);
        return false;
    }

    @Override
    public boolean stopping() {
        return pool.stopping();
    }

    /** Exports under {@code claim}, or fails it when it may not run again; true when started. */
    private boolean start(ExportClaims.Claim claim, Runnable job) {
        long id = claim.snapshotId();
        String reason = null;
        if (claim.attempts() > settings.maxAttempts()) {
            reason = "the export was claimed " + settings.maxAttempts() + " times and never finished (last by node "
                    + claim.previousNode() + "); retry it";
        } else if (claim.lapsed() && !settings.resumeAbandoned()) {
            reason = "the server stopped while this snapshot was being exported (node " + claim.previousNode() + "); retry it";
        }
        if (reason != null) {
            directories.removeAll(id);
            snapshots.transition(id, SnapshotStatus.PENDING, SnapshotStatus.FAILED, reason, clock.instant());
            LOG.log(System.Logger.Level.WARNING, "export of snapshot {0} failed: {1}", Long.toString(id), reason);
            return false;
        }
        if (claim.lapsed()) {
            LOG.log(System.Logger.Level.INFO, "node {0} resumes the export of snapshot {1} abandoned by node {2} (attempt {3})",
                    settings.node(), Long.toString(id), claim.previousNode(), Integer.toString(claim.attempts()));
        }
        held.add(id);
        try {
            pool.submit(id, () -> {
                try {
                    job.run();
                } finally {
                    held.remove(id);
                    lost.remove(id);
                }
            });
        } catch (RuntimeException e) {
            held.remove(id);
            throw e;
        }
        return true;
    }
}
