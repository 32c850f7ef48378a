package io.grapholap.domain.mapping;

import java.time.Instant;
import java.util.Objects;

/** One immutable version of a mapping's definition, with who made it and why. */
public record MappingVersion(MappingId mappingId, int version, MappingDefinition definition,
                             String changeDescription, String createdBy, Instant createdAt) {

    public MappingVersion {
        Objects.requireNonNull(mappingId, "mappingId");
        if (version < 1) {
            throw new IllegalArgumentException("versions start at 1");
        }
        Objects.requireNonNull(definition, "definition");
        changeDescription = changeDescription == null ? "" : changeDescription;
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
