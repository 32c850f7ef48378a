package io.grapholap.application.udf;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Bounds of UDF runs: the timeout a run gets when it asks for none and the most it may ask for; the
 * output size likewise; how many loaded datasets are kept for later runs and how much memory they
 * may hold together ({@code memoryBudgetBytes}, checked against each engine's estimate before a
 * load); the most nodes plus edges a graph built from lists may have; where such graphs are written
 * before they are loaded.
 */
public record RunSettings(Duration defaultTimeout, Duration maxTimeout, long defaultOutputBytes, long maxOutputBytes,
                          int cachedDatasets, long memoryBudgetBytes, int maxBuiltRows, Path workDir) {

    public RunSettings {
        Objects.requireNonNull(defaultTimeout, "defaultTimeout");
        Objects.requireNonNull(maxTimeout, "maxTimeout");
        Objects.requireNonNull(workDir, "workDir");
        if (defaultTimeout.isNegative() || defaultTimeout.isZero() || maxTimeout.compareTo(defaultTimeout) < 0) {
            throw new IllegalArgumentException("UDF timeouts: need 0 < default <= max, got " + defaultTimeout + " and " + maxTimeout);
        }
        if (defaultOutputBytes < 1 || maxOutputBytes < defaultOutputBytes) {
            throw new IllegalArgumentException("UDF output limits: need 0 < default <= max, got " + defaultOutputBytes + " and "
                    + maxOutputBytes);
        }
        if (cachedDatasets < 0 || memoryBudgetBytes < 1 || maxBuiltRows < 1) {
            throw new IllegalArgumentException("UDF cache size, memory budget and built-graph rows must be positive");
        }
    }
}
