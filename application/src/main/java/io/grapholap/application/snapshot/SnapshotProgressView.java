package io.grapholap.application.snapshot;

import io.grapholap.domain.snapshot.ExportProgress;
import io.grapholap.domain.snapshot.Snapshot;
import io.grapholap.domain.snapshot.SnapshotStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The progress of a snapshot as clients see it: phase {@code queued}, {@code exporting},
 * {@code ready} or {@code failed}; the steps; the running step; percent of steps done; and an
 * estimate of the remaining seconds from the mean time of the completed steps (null until one is).
 */
public record SnapshotProgressView(long id, String status, String phase, Instant startedAt, List<ExportProgress.Step> steps,
                                   String currentStep, int progressPercent, Long estimatedRemainingSeconds,
                                   String errorMessage) {

    public static SnapshotProgressView of(Snapshot snapshot, ExportProgress progress, Clock clock) {
        List<ExportProgress.Step> steps = progress == null ? List.of() : progress.steps();
        Instant started = progress == null ? null : progress.startedAt();
        String phase = switch (snapshot.status()) {
            case PENDING -> "queued";
            case CREATING -> "exporting";
            case READY -> "ready";
            case FAILED -> "failed";
        };
        String current = steps.stream().filter(s -> s.status() == ExportProgress.StepStatus.RUNNING)
                .map(ExportProgress.Step::name).findFirst().orElse(null);
        long done = progress == null ? 0 : progress.completedSteps();
        int percent = snapshot.status() == SnapshotStatus.READY ? 100
                : steps.isEmpty() ? 0 : (int) (done * 100 / (steps.size() + 1));
        Long remaining = null;
        if (snapshot.status() == SnapshotStatus.CREATING && started != null && done > 0) {
            long elapsed = Duration.between(started, clock.instant()).toSeconds();
            remaining = Math.max(0, elapsed * (steps.size() - done) / done);
        } else if (snapshot.status() == SnapshotStatus.READY) {
            remaining = 0L;
        }
        return new SnapshotProgressView(snapshot.id(), snapshot.status().wire(), phase, started, steps, current, percent,
                remaining, snapshot.errorMessage());
    }
}
