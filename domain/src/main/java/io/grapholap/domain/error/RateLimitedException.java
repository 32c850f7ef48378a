package io.grapholap.domain.error;

import java.util.Map;

/**
 * The caller asked for something too soon after the last time (a manual job trigger, for one);
 * {@link #retryAfterSeconds()} says when it will be accepted again. Code {@code RATE_LIMITED}.
 */
public final class RateLimitedException extends DomainException {

    private final long retryAfterSeconds;

    public RateLimitedException(String message, long retryAfterSeconds) {
        super("RATE_LIMITED", message, Map.of("retry_after_seconds", Math.max(1, retryAfterSeconds)));
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
