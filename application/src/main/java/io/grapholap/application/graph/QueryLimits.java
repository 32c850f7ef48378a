package io.grapholap.application.graph;

import io.grapholap.domain.error.ValidationException;
import java.time.Duration;

/**
 * Bounds of one query: wall-clock timeout, the most result rows returned (more are cut and the result
 * says {@code truncated}), and the most rows any intermediate result of a Cypher query may hold (more
 * is an error naming the limit, never a heap exhausted).
 */
public record QueryLimits(Duration timeout, int maxRows, long maxHeldRows) {

    /** Intermediate rows a query may hold when no limit is configured. */
    public static final long DEFAULT_MAX_HELD_ROWS = 1_000_000;

    public QueryLimits {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new ValidationException("timeout", "timeout must be positive, got " + timeout);
        }
        if (maxRows < 1) {
            throw new ValidationException("limit", "row limit must be at least 1, got " + maxRows);
        }
        if (maxHeldRows < maxRows) {
            throw new ValidationException("limit", "the intermediate row limit (" + maxHeldRows
                    + ") must be at least the row limit (" + maxRows + ")");
        }
    }

    public QueryLimits(Duration timeout, int maxRows) {
        this(timeout, maxRows, Math.max(DEFAULT_MAX_HELD_ROWS, maxRows));
    }

    public static QueryLimits defaults() {
        return new QueryLimits(Duration.ofSeconds(60), 10_000);
    }
}
