package io.grapholap.application.dataset;

import io.grapholap.domain.dataset.DatasetVersion;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A dataset as the API shows it, whether uploaded ({@code kind} "upload", id = its name) or a ready
 * snapshot ({@code kind} "snapshot", id {@code snapshot-<id>}, always version 1): counts and size of
 * its current version, and, on a single get, its versions (oldest first; empty in lists).
 */
public record DatasetView(String id, String name, String kind, String description, String owner, int currentVersion,
                          Map<String, Long> nodeCounts, Map<String, Long> edgeCounts, long sizeBytes,
                          Instant createdAt, Instant updatedAt, List<DatasetVersion> versions) {

    public static final String UPLOAD = "upload";
    public static final String SNAPSHOT = "snapshot";

    public DatasetView {
        nodeCounts = Map.copyOf(nodeCounts);
        edgeCounts = Map.copyOf(edgeCounts);
        versions = List.copyOf(versions);
    }
}
