package io.grapholap.domain.dataset;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One immutable version of an uploaded dataset: the name of its snapshot directory (unique per
 * upload, so a writer that loses the race to publish never touches the winner's files), rows per node label and edge type, bytes on disk,
 * who wrote it and when. Versions count from 1.
 */
public record DatasetVersion(long datasetId, int version, String directory, Map<String, Long> nodeCounts, Map<String, Long> edgeCounts,
                             long sizeBytes, String createdBy, Instant createdAt) {

    public DatasetVersion {
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1: " + version);
        }
        if (directory == null || directory.isBlank() || directory.contains("/") || directory.contains("\\")
                || directory.startsWith(".")) {
            throw new IllegalArgumentException("directory must be a plain directory name: " + directory);
        }
        nodeCounts = Collections.unmodifiableMap(new LinkedHashMap<>(nodeCounts));
        edgeCounts = Collections.unmodifiableMap(new LinkedHashMap<>(edgeCounts));
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
