package io.grapholap.domain.error;

import java.util.Map;

/**
 * The caller asked for something too soon after the last time (a manual job trigger, for one), code
 * {@code RATE_LIMITED}, or while a shared capacity is used up (every function run slot busy, for one),
 * code {@code CONCURRENCY_LIMIT_EXCEEDED}; {@link #retryAfterSeconds()} says when to try again.
 */
public final class RateLimitedException extends DomainException {

    private final long retryAfterSeconds;

    public RateLimitedException(String message, long retryAfterSeconds) {
        this("RATE_LIMITED", message, retryAfterSeconds);
    }

    public RateLimitedException(String code, String message, long retryAfterSeconds) {
        super(code, message, Map.of("retry_after_seconds", Math.max(1, retryAfterSeconds)));
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
