package io.grapholap.domain.error;

import java.util.Map;

/**
 * The request conflicts with the current state. Codes in use: {@code CONFLICT},
 * {@code RESOURCE_LOCKED}, {@code CONCURRENCY_LIMIT_EXCEEDED}, {@code RESOURCE_HAS_DEPENDENCIES},
 * {@code INVALID_STATE}, {@code MEMORY_LIMIT_EXCEEDED}.
 */
public final class ConflictException extends DomainException {

    public ConflictException(String code, String message, Map<String, ?> details) {
        super(code, message, details);
    }

    public ConflictException(String message) {
        this("CONFLICT", message, Map.of());
    }

    public static ConflictException invalidState(String message, Map<String, ?> details) {
        return new ConflictException("INVALID_STATE", message, details);
    }
}
