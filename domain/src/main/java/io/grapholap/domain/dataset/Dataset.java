package io.grapholap.domain.dataset;

import io.grapholap.domain.common.ResourceText;
import java.time.Instant;
import java.util.Objects;

/**
 * A graph created by upload. Every upload adds an immutable version; {@code currentVersion} is the
 * newest published one (0 only while the first upload is being written).
 */
public record Dataset(long id, DatasetName name, String description, String owner, int currentVersion,
                      Instant createdAt, Instant updatedAt) {

    public Dataset {
        Objects.requireNonNull(name, "name");
        description = ResourceText.checkDescription(description);
        Objects.requireNonNull(owner, "owner");
        if (currentVersion < 0) {
            throw new IllegalArgumentException("currentVersion must be >= 0: " + currentVersion);
        }
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
