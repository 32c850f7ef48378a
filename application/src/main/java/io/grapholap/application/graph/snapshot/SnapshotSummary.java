package io.grapholap.application.graph.snapshot;

import java.nio.file.Path;
import java.util.Map;

/** What a finished snapshot holds: its directory, rows per label and per type, total bytes on disk. */
public record SnapshotSummary(Path directory, Map<String, Long> nodeCounts, Map<String, Long> edgeCounts,
                              long sizeBytes) {

    public SnapshotSummary {
        nodeCounts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(nodeCounts));
        edgeCounts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(edgeCounts));
    }
}
