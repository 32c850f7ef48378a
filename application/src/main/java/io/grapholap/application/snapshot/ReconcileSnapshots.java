package io.grapholap.application.snapshot;

import io.grapholap.domain.snapshot.Snapshot;
import io.grapholap.domain.snapshot.SnapshotStatus;
import java.time.Clock;
import java.util.EnumSet;
import java.util.function.Predicate;

/**
 * Start-up step: snapshots left {@code pending} or {@code creating} by a server that stopped are
 * either exported again from scratch (their temporary and any unregistered published files are
 * removed first) or marked {@code failed} with a reason saying the server stopped during the
 * export, as {@link ExportSettings#resumeAfterRestart()} says. Assumes this server is the only one
 * running exports against the metadata database.
 */
public final class ReconcileSnapshots {

    public static final String STOPPED = "the server stopped while this snapshot was being exported; retry it";

    private final SnapshotRepository snapshots;
    private final SnapshotExporter exporter;
    private final SnapshotDirectories directories;
    private final Clock clock;

    public ReconcileSnapshots(SnapshotRepository snapshots, SnapshotExporter exporter, SnapshotDirectories directories,
                              Clock clock) {
        this.snapshots = snapshots;
        this.exporter = exporter;
        this.directories = directories;
        this.clock = clock;
    }

    public record Outcome(int resumed, int failed) {
    }

    public Outcome reconcile() {
        return reconcile(s -> true);
    }

    /**
     * The same for only the unfinished snapshots {@code abandoned} accepts: the periodic pass,
     * which must leave alone the exports this server has queued or is running.
     */
    public Outcome reconcile(Predicate<Snapshot> abandoned) {
        int resumed = 0;
        int failed = 0;
        for (Snapshot s : snapshots.withStatus(EnumSet.of(SnapshotStatus.PENDING, SnapshotStatus.CREATING))) {
            if (!abandoned.test(s)) {
                continue;
            }
            directories.removeAll(s.id());
            if (exporter.settings().resumeAfterRestart()) {
                if (s.status() == SnapshotStatus.PENDING
                        || snapshots.transition(s.id(), SnapshotStatus.CREATING, SnapshotStatus.PENDING, null, clock.instant())) {
                    exporter.schedule(s.id());
                    resumed++;
                }
            } else if (snapshots.transition(s.id(), s.status(), SnapshotStatus.FAILED, STOPPED, clock.instant())) {
                failed++;
            }
        }
        return new Outcome(resumed, failed);
    }
}
