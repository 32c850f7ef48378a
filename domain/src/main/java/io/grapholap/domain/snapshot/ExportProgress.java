package io.grapholap.domain.snapshot;

import java.util.List;
import java.util.Objects;

/**
 * How far an export got: one step per node and edge definition (nodes first, in mapping order),
 * each with the rows written so far. {@code startedAt} is null until the export began.
 */
public record ExportProgress(List<Step> steps, java.time.Instant startedAt) {

    public ExportProgress {
        steps = List.copyOf(steps);
    }

    public enum StepStatus { PENDING, RUNNING, COMPLETED, FAILED }

    /** One definition: its name ({@code node:Label} or {@code edge:TYPE}), status and rows written. */
    public record Step(String name, StepStatus status, long rows) {
        public Step {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(status, "status");
        }
    }

    public ExportProgress withStep(int index, Step step) {
        var copy = new java.util.ArrayList<>(steps);
        copy.set(index, step);
        return new ExportProgress(copy, startedAt);
    }

    public long completedSteps() {
        return steps.stream().filter(s -> s.status() == StepStatus.COMPLETED).count();
    }
}
