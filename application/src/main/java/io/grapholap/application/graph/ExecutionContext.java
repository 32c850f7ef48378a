package io.grapholap.application.graph;

import java.util.Map;
import java.util.Objects;

/**
 * What every engine call that may run long receives: the termination flag to poll, where to report
 * progress, how many threads it may use (the instance's {@code cpu_cores}) and the engine's own
 * options for this run ({@code precision}), already checked against what the engine declares in
 * {@link EngineInfo#options()}.
 */
public record ExecutionContext(CancellationToken cancel, ProgressListener progress, int parallelism,
                               Map<String, Object> engineOptions) {

    public ExecutionContext {
        Objects.requireNonNull(cancel, "cancel");
        Objects.requireNonNull(progress, "progress");
        engineOptions = engineOptions == null ? Map.of() : Map.copyOf(engineOptions);
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1: " + parallelism);
        }
    }

    /** A context without engine options. */
    public ExecutionContext(CancellationToken cancel, ProgressListener progress, int parallelism) {
        this(cancel, progress, parallelism, Map.of());
    }

    /** No cancellation, no progress, all available processors. */
    public static ExecutionContext defaults() {
        return new ExecutionContext(CancellationToken.create(), ProgressListener.NONE,
                Runtime.getRuntime().availableProcessors());
    }

    public static ExecutionContext of(int parallelism) {
        return new ExecutionContext(CancellationToken.create(), ProgressListener.NONE, parallelism);
    }

    /** This context with {@code options} as the engine's options. */
    public ExecutionContext withEngineOptions(Map<String, Object> options) {
        return new ExecutionContext(cancel, progress, parallelism, options);
    }

    /** The engine option {@code name}, or {@code null} when the run did not set it. */
    public Object engineOption(String name) {
        return engineOptions.get(name);
    }
}
