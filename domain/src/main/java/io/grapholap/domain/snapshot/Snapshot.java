package io.grapholap.domain.snapshot;

import io.grapholap.domain.common.ResourceText;
import io.grapholap.domain.mapping.Lifecycle;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A graph exported from one version of a mapping. Counts and size are known once it is
 * {@code ready}; {@code errorMessage} is set only when it {@code failed}.
 */
public record Snapshot(long id, long mappingId, int mappingVersion, String name, String description, String owner,
                       SnapshotStatus status, String errorMessage, Map<String, Long> nodeCounts,
                       Map<String, Long> edgeCounts, long sizeBytes, Lifecycle lifecycle,
                       Instant createdAt, Instant updatedAt) {

    public Snapshot {
        ResourceText.requireName(name);
        description = description == null ? "" : description;
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(status, "status");
        nodeCounts = Collections.unmodifiableMap(new LinkedHashMap<>(nodeCounts == null ? Map.of() : nodeCounts));
        edgeCounts = Collections.unmodifiableMap(new LinkedHashMap<>(edgeCounts == null ? Map.of() : edgeCounts));
        lifecycle = lifecycle == null ? Lifecycle.NONE : lifecycle;
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
