package io.grapholap.persistence.mapping;

import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** One immutable version in {@code mapping_versions}; definitions as the JSON text of {@link DefinitionJson}. */
@MappedEntity("mapping_versions")
record MappingVersionRow(@EmbeddedId VersionKey id, String nodeDefinitions, String edgeDefinitions,
                         String changeDescription, String createdBy, Instant createdAt) {
}
