package io.grapholap.application.snapshot;

import io.grapholap.domain.snapshot.Snapshot;
import io.grapholap.domain.snapshot.SnapshotStatus;
import java.time.Clock;
import java.util.EnumSet;

/**
 * Start-up step: snapshots left {@code pending} or {@code creating} by a server that stopped are
 * either exported again from scratch (their temporary and any unregistered published files are
 * removed first) or marked {@code failed} with a reason saying the server stopped during the
 * export, as {@link ExportSettings#resumeAfterRestart()} says. Only for a server alone on its
 * metadata database (embedded H2), after it ended its predecessor's claims ({@link ExportClaims#expireAll});
 * nodes sharing a database take over each other's exports when the claims run out ({@link ClaimedExports}).
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
        int resumed = 0;
        int failed = 0;
        for (Snapshot s : snapshots.withStatus(EnumSet.of(SnapshotStatus.PENDING, SnapshotStatus.CREATING))) {
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
