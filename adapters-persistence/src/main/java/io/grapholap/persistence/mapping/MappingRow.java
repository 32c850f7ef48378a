package io.grapholap.persistence.mapping;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** The header row of a mapping in {@code mappings}; lifecycle durations as ISO-8601 text. */
@MappedEntity("mappings")
record MappingRow(@Id @GeneratedValue @Nullable Long id, String name, String description, String owner, int currentVersion,
                  @Nullable String ttl, @Nullable String inactivityTimeout, Instant createdAt, Instant updatedAt) {
}
