package io.grapholap.domain.error;

import java.util.Map;

/** The caller is known but its roles or ownership do not allow the call. */
public final class PermissionDeniedException extends DomainException {

    public PermissionDeniedException(String message) {
        super("PERMISSION_DENIED", message, Map.of());
    }
}
