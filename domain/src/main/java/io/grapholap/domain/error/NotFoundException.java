package io.grapholap.domain.error;

import java.util.Map;

/** The named resource does not exist, or is not visible to the caller. */
public final class NotFoundException extends DomainException {

    public NotFoundException(String resourceType, Object id) {
        super("NOT_FOUND", resourceType + " " + id + " not found",
                Map.of("resource_type", resourceType, "id", String.valueOf(id)));
    }
}
