package io.grapholap.application.snapshot;

import java.time.Duration;
import java.util.Objects;

/**
 * How exports run: the time limit of one export, the JDBC fetch size, how often progress is
 * written (every {@code progressRows} rows or {@code progressInterval}, whichever comes first),
 * and whether exports interrupted by a server stop are resumed (else they are marked failed).
 */
public record ExportSettings(Duration timeLimit, int fetchSize, long progressRows, Duration progressInterval,
                             boolean resumeAfterRestart) {

    public static final ExportSettings DEFAULTS = new ExportSettings(Duration.ofHours(1), 10_000, 100_000,
            Duration.ofSeconds(1), true);

    public ExportSettings {
        Objects.requireNonNull(timeLimit, "timeLimit");
        Objects.requireNonNull(progressInterval, "progressInterval");
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("the export time limit must be positive, got " + timeLimit);
        }
        if (fetchSize < 1 || progressRows < 1) {
            throw new IllegalArgumentException("fetch size and progress rows must be positive");
        }
    }
}
