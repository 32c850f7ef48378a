package io.grapholap.application.graph;

import java.util.Objects;

/**
 * What every engine call that may run long receives: the termination flag to poll, where to report
 * progress, and how many threads it may use (the instance's {@code cpu_cores}).
 * {@code allowCpuFallback} is the request's {@code engine=auto}: an engine that lacks the algorithm
 * (the GPU engine) may then run it on the CPU instead of failing with
 * {@code ALGORITHM_NOT_SUPPORTED_ON_ENGINE}; the result's {@code engine} says which one ran.
 */
public record ExecutionContext(CancellationToken cancel, ProgressListener progress, int parallelism,
                               boolean allowCpuFallback) {

    public ExecutionContext {
        Objects.requireNonNull(cancel, "cancel");
        Objects.requireNonNull(progress, "progress");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1: " + parallelism);
        }
    }

    /** A context that does not allow a CPU fallback. */
    public ExecutionContext(CancellationToken cancel, ProgressListener progress, int parallelism) {
        this(cancel, progress, parallelism, false);
    }

    /** No cancellation, no progress, all available processors. */
    public static ExecutionContext defaults() {
        return new ExecutionContext(CancellationToken.create(), ProgressListener.NONE,
                Runtime.getRuntime().availableProcessors());
    }

    public static ExecutionContext of(int parallelism) {
        return new ExecutionContext(CancellationToken.create(), ProgressListener.NONE, parallelism);
    }

    /** This context with {@code engine=auto} switched on or off. */
    public ExecutionContext withCpuFallback(boolean allow) {
        return new ExecutionContext(cancel, progress, parallelism, allow);
    }
}
