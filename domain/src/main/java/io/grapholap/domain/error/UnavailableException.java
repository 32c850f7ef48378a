package io.grapholap.domain.error;

import java.util.Map;

/**
 * A capability the request needs cannot be used now: an engine with no device, maintenance mode, a
 * down dependency. Codes in use: {@code ENGINE_UNAVAILABLE}, {@code MAINTENANCE_MODE},
 * {@code SERVICE_UNAVAILABLE}.
 */
public final class UnavailableException extends DomainException {

    public UnavailableException(String code, String message, Map<String, ?> details) {
        super(code, message, details);
    }
}
