package io.grapholap.persistence.snapshot;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A row of {@code snapshots}; counts and progress as JSON text, durations as ISO-8601 text. */
@MappedEntity("snapshots")
record SnapshotRow(@Id @GeneratedValue @Nullable Long id, long mappingId, int mappingVersion, String name, String description,
                   String owner, String status, @Nullable String errorMessage, String nodeCounts, String edgeCounts,
                   long sizeBytes, @Nullable String ttl, @Nullable String inactivityTimeout, @Nullable String progress,
                   Instant createdAt, Instant updatedAt) {
}
