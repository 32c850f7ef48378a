package io.grapholap.persistence.dataset;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A row of {@code datasets}. */
@MappedEntity("datasets")
record DatasetRow(@Id @GeneratedValue @Nullable Long id, String name, String description, String owner, int currentVersion,
                  Instant createdAt, Instant updatedAt) {
}
