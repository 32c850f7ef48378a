package io.grapholap.persistence.instance;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * A row of {@code instances}; durations as ISO-8601 text, status as the lower-case wire name, the
 * properties mutate runs stored as comma-separated names; {@code node_id} the node it is placed on.
 */
@MappedEntity("instances")
record InstanceRow(@Id @GeneratedValue @Nullable Long id, @Nullable Long snapshotId, @Nullable String datasetId,
                   @Nullable String dataDirectory, String name, String description, String owner, String status,
                   String engine, int cpuCores, long memoryBytes, @Nullable String errorMessage, @Nullable String ttl,
                   @Nullable String inactivityTimeout, @Nullable Instant expiresAt, @Nullable Instant lastActivityAt,
                   Instant createdAt, Instant updatedAt, @Nullable String mutateProperties, @Nullable String notice,
                   @Nullable String nodeId) {
}
