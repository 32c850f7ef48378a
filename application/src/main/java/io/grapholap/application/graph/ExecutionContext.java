package io.grapholap.application.graph;

import java.util.Objects;

/**
 * What every engine call that may run long receives: the termination flag to poll, where to report
 * progress, and how many threads it may use (the instance's {@code cpu_cores}).
 */
public record ExecutionContext(CancellationToken cancel, ProgressListener progress, int parallelism) {

    public ExecutionContext {
        Objects.requireNonNull(cancel, "cancel");
        Objects.requireNonNull(progress, "progress");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1: " + parallelism);
        }
    }

    /** No cancellation, no progress, all available processors. */
    public static ExecutionContext defaults() {
        return new ExecutionContext(CancellationToken.create(), ProgressListener.NONE,
                Runtime.getRuntime().availableProcessors());
    }

    public static ExecutionContext of(int parallelism) {
        return new ExecutionContext(CancellationToken.create(), ProgressListener.NONE, parallelism);
    }
}
