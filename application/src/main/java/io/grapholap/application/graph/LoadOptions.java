package io.grapholap.application.graph;

import io.grapholap.domain.error.ValidationException;

/**
 * How to load a snapshot: {@code directed} (an undirected load stores each edge both ways),
 * {@code weightProperty} (numeric edge property copied into per-arc weights, or {@code null}),
 * {@code parallelism} (threads for the load; the instance's {@code cpu_cores}) and
 * {@code verifyChecksums} (hash every file against the manifest before reading it).
 */
public record LoadOptions(boolean directed, String weightProperty, int parallelism, boolean verifyChecksums) {

    public LoadOptions {
        if (parallelism < 1) {
            throw new ValidationException("cpu_cores", "parallelism must be at least 1, got " + parallelism);
        }
        if (weightProperty != null && weightProperty.isBlank()) {
            weightProperty = null;
        }
    }

    /** Directed, unweighted, all processors, checksums verified. */
    public static LoadOptions defaults() {
        return new LoadOptions(true, null, Runtime.getRuntime().availableProcessors(), true);
    }

    public LoadOptions withDirected(boolean value) {
        return new LoadOptions(value, weightProperty, parallelism, verifyChecksums);
    }

    public LoadOptions withWeightProperty(String value) {
        return new LoadOptions(directed, value, parallelism, verifyChecksums);
    }

    public LoadOptions withParallelism(int value) {
        return new LoadOptions(directed, weightProperty, value, verifyChecksums);
    }

    public LoadOptions withVerifyChecksums(boolean value) {
        return new LoadOptions(directed, weightProperty, parallelism, value);
    }
}
