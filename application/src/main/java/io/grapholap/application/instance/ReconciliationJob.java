package io.grapholap.application.instance;

import io.grapholap.application.ops.BackgroundJob;
import io.grapholap.application.snapshot.SnapshotDirectories;
import io.grapholap.application.snapshot.SnapshotRepository;
import io.grapholap.domain.instance.Instance;
import io.grapholap.domain.instance.InstanceStatus;
import io.grapholap.domain.snapshot.Snapshot;
import io.grapholap.domain.snapshot.SnapshotStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * The {@code reconciliation} job (seed 001): instances, snapshots and snapshot files checked against
 * their rows while the server runs, fixing what is safe and saying what it did.
 * <ul>
 *   <li>an instance {@code running} in the metadata, placed on the node running the job, that this
 *       node neither holds nor is loading (its graph was lost) is loaded again from its snapshot or
 *       dataset, or fails saying its source is gone, as at start-up (instances of other nodes are
 *       theirs to hold);</li>
 *   <li>a {@code ready} snapshot whose files are gone is reported by id (a ready snapshot is final,
 *       so the job does not change it: deleting it, or exporting its mapping again, is the user's
 *       call; an instance started from it fails saying the files are missing);</li>
 *   <li>a snapshot folder that no snapshot row owns, unchanged for the grace period, is removed.</li>
 * </ul>
 * Everything younger than the grace period is left alone, so that work in flight is never touched.
 */
public final class ReconciliationJob implements BackgroundJob {

    public static final String NAME = "reconciliation";
    public static final String LOST = "the instance was running without a graph on this server";

    private final InstanceRepository instances;
    private final InstanceRegistry registry;
    private final InstanceUseCases useCases;
    private final SnapshotRepository snapshots;
    private final SnapshotDirectories directories;
    private final Duration interval;
    private final Duration grace;
    private final Clock clock;

    public ReconciliationJob(InstanceRepository instances, InstanceRegistry registry, InstanceUseCases useCases,
                             SnapshotRepository snapshots, SnapshotDirectories directories, Duration interval, Duration grace,
                             Clock clock) {
        this.instances = instances;
        this.registry = registry;
        this.useCases = useCases;
        this.snapshots = snapshots;
        this.directories = directories;
        this.interval = interval;
        this.grace = grace;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "reloads running instances that lost their graph, removes orphan snapshot folders, reports ready snapshots whose files are gone";
    }

    @Override
    public boolean onePerCluster() {
        return true;
    }

    @Override
    public Duration interval() {
        return interval;
    }

    @Override
    public String run() {
        Instant cutoff = clock.instant().minus(grace);
        int reloaded = 0;
        int failed = 0;
        for (Instance i : instances.withStatus(EnumSet.of(InstanceStatus.RUNNING))) {
            if (!useCases.nodeId().equals(i.nodeId()) || registry.holds(i.id()) || !i.updatedAt().isBefore(cutoff)) {
                continue;
            }
            if (useCases.reload(i, LOST)) {
                reloaded++;
            } else {
                failed++;
            }
        }
        List<Long> missing = new ArrayList<>();
        for (Snapshot s : snapshots.withStatus(EnumSet.of(SnapshotStatus.READY))) {
            if (!directories.exists(s.id())) {
                missing.add(s.id());
            }
        }
        int orphans = removeOrphans(cutoff);
        return String.format("instances: %d reloaded, %d failed (running without a graph); %d orphan snapshot folder(s) removed; "
                + "ready snapshots without files: %s", reloaded, failed, orphans, missing.isEmpty() ? "none" : missing);
    }

    /** Published snapshot folders (named by the snapshot id) whose snapshot row is gone. */
    private int removeOrphans(Instant cutoff) {
        int removed = 0;
        for (long id : directories.ids()) {
            if (snapshots.find(id).isPresent()) {
                continue;
            }
            Instant modified = directories.modifiedAt(id);
            if (modified != null && modified.isBefore(cutoff)) {
                directories.removeAll(id);
                removed++;
            }
        }
        return removed;
    }
}
