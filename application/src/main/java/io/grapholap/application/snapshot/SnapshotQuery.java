package io.grapholap.application.snapshot;

import io.grapholap.domain.snapshot.SnapshotStatus;
import java.time.Instant;

/** Filters of the snapshot list; null means "any". {@code search} matches name or description. */
public record SnapshotQuery(Long mappingId, Integer mappingVersion, String owner, SnapshotStatus status, String search,
                            Instant createdAfter, Instant createdBefore) {

    public static final java.util.Set<String> SORTABLE = java.util.Set.of("created_at", "name", "status", "updated_at");
}
