package io.grapholap.domain.mapping;

import io.grapholap.domain.common.ResourceText;
import java.time.Instant;
import java.util.Objects;

/**
 * A mapping as clients see it: its header (name, owner, lifecycle) and the definition of its
 * current version.
 */
public record Mapping(MappingId id, String name, String description, String owner, int currentVersion,
                      MappingDefinition definition, Lifecycle lifecycle, Instant createdAt, Instant updatedAt) {

    public Mapping {
        Objects.requireNonNull(id, "id");
        ResourceText.requireName(name);
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
}
