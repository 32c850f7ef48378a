package io.grapholap.application.dataplane;

import io.grapholap.domain.error.ValidationException;
import java.time.Duration;
import java.util.Objects;

/**
 * Bounds of the data plane. Queries: the timeout used when a request names none, the most a request
 * may ask for, the most rows a response carries, and the most rows an intermediate result of a Cypher
 * query may hold ({@code maxHeldRows}). Algorithms: the same two timeouts, how long a
 * request waits for its run before answering with an execution id instead, and how many finished
 * executions are kept, for how long (running ones are never dropped; each keeps at most
 * {@code maxRows} result rows).
 */
public record DataPlaneSettings(Duration defaultQueryTimeout, Duration maxQueryTimeout, int maxRows, long maxHeldRows,
                                Duration defaultAlgorithmTimeout, Duration maxAlgorithmTimeout, Duration syncWait,
                                int maxExecutions, Duration executionRetention) {

    public DataPlaneSettings {
        positive("defaultQueryTimeout", defaultQueryTimeout);
        positive("maxQueryTimeout", maxQueryTimeout);
        positive("defaultAlgorithmTimeout", defaultAlgorithmTimeout);
        positive("maxAlgorithmTimeout", maxAlgorithmTimeout);
        positive("executionRetention", executionRetention);
        Objects.requireNonNull(syncWait, "syncWait");
        if (syncWait.isNegative()) {
            throw new IllegalArgumentException("syncWait must not be negative: " + syncWait);
        }
        if (defaultQueryTimeout.compareTo(maxQueryTimeout) > 0 || defaultAlgorithmTimeout.compareTo(maxAlgorithmTimeout) > 0) {
            throw new IllegalArgumentException("a default timeout is above its maximum");
        }
        if (maxRows < 1 || maxExecutions < 1) {
            throw new IllegalArgumentException("maxRows and maxExecutions must be at least 1");
        }
        if (maxHeldRows < maxRows) {
            throw new IllegalArgumentException("maxHeldRows (" + maxHeldRows + ") must be at least maxRows (" + maxRows + ")");
        }
    }

    /** Queries: 60 s default, 10 min at most, 100 000 rows, 1 000 000 held by a Cypher clause; algorithms: 30 min default, 2 h at most, answered
     * within 30 s or else by execution id; 100 executions kept for an hour. */
    public static DataPlaneSettings defaults() {
        return new DataPlaneSettings(Duration.ofSeconds(60), Duration.ofMinutes(10), 100_000, 1_000_000,
                Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofSeconds(30), 100, Duration.ofHours(1));
    }

    /** The timeout of a request: {@code timeoutMs}, or the default when absent; over the maximum is a 400. */
    public static Duration timeout(Long timeoutMs, Duration byDefault, Duration max) {
        if (timeoutMs == null) {
            return byDefault;
        }
        if (timeoutMs < 1 || timeoutMs > max.toMillis()) {
            throw new ValidationException("timeout_ms", "timeout_ms must be between 1 and " + max.toMillis() + ", got "
                    + timeoutMs, java.util.Map.of("max_timeout_ms", max.toMillis()));
        }
        return Duration.ofMillis(timeoutMs);
    }

    private static void positive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }
}
