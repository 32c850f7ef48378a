package io.grapholap.domain.mapping;

import io.grapholap.domain.error.ValidationException;
import java.time.Instant;
import java.util.Objects;

/**
 * A mapping as clients see it: its header (name, owner, lifecycle) and the definition of its
 * current version.
 */
public record Mapping(MappingId id, String name, String description, String owner, int currentVersion,
                      MappingDefinition definition, Lifecycle lifecycle, Instant createdAt, Instant updatedAt) {

    public static final int MAX_NAME = 255;
    public static final int MAX_DESCRIPTION = 4000;

    public Mapping {
        Objects.requireNonNull(id, "id");
        requireName(name);
        description = description == null ? "" : description;
        Objects.requireNonNull(owner, "owner");
        if (currentVersion < 1) {
            throw new IllegalArgumentException("versions start at 1");
        }
        Objects.requireNonNull(definition, "definition");
        lifecycle = lifecycle == null ? Lifecycle.NONE : lifecycle;
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** Checks a mapping name as given by a client. */
    public static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new ValidationException("name", "name is required");
        }
        if (name.length() > MAX_NAME) {
            throw new ValidationException("name", "name must be at most " + MAX_NAME + " characters, got " + name.length());
        }
        return name;
    }

    /** Checks a description as given by a client; null means empty. */
    public static String checkDescription(String description) {
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw new ValidationException("description",
                    "description must be at most " + MAX_DESCRIPTION + " characters, got " + description.length());
        }
        return description == null ? "" : description;
    }
}
