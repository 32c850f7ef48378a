package io.grapholap.domain.snapshot;

import io.grapholap.domain.error.ValidationException;
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

    public static final int MAX_NAME = 255;
    public static final int MAX_DESCRIPTION = 4000;

    public Snapshot {
        requireName(name);
        description = description == null ? "" : description;
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(status, "status");
        nodeCounts = Collections.unmodifiableMap(new LinkedHashMap<>(nodeCounts == null ? Map.of() : nodeCounts));
        edgeCounts = Collections.unmodifiableMap(new LinkedHashMap<>(edgeCounts == null ? Map.of() : edgeCounts));
        lifecycle = lifecycle == null ? Lifecycle.NONE : lifecycle;
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new ValidationException("name", "name is required");
        }
        if (name.length() > MAX_NAME) {
            throw new ValidationException("name", "name must be at most " + MAX_NAME + " characters, got " + name.length());
        }
        return name;
    }

    public static String checkDescription(String description) {
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw new ValidationException("description",
                    "description must be at most " + MAX_DESCRIPTION + " characters, got " + description.length());
        }
        return description == null ? "" : description;
    }
}
