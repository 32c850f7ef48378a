package io.grapholap.application.graph;

import io.grapholap.domain.error.ValidationException;
import java.time.Duration;

/** Bounds of one query: wall-clock timeout and the most result rows returned. */
public record QueryLimits(Duration timeout, int maxRows) {

    public QueryLimits {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new ValidationException("timeout", "timeout must be positive, got " + timeout);
        }
        if (maxRows < 1) {
            throw new ValidationException("limit", "row limit must be at least 1, got " + maxRows);
        }
    }

    public static QueryLimits defaults() {
        return new QueryLimits(Duration.ofSeconds(60), 10_000);
    }
}
