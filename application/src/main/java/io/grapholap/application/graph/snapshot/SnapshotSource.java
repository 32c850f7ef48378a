package io.grapholap.application.graph.snapshot;

/**
 * Where a snapshot's data came from, recorded in its manifest: a mapping id and version (export from
 * SQL), or a dataset name (upload). At least one of {@code mappingId} and {@code dataset} is set.
 */
public record SnapshotSource(String mappingId, Integer mappingVersion, String dataset) {

    public SnapshotSource {
        if ((mappingId == null || mappingId.isBlank()) && (dataset == null || dataset.isBlank())) {
            throw new IllegalArgumentException("a snapshot source needs a mapping id or a dataset name");
        }
    }

    public static SnapshotSource mapping(String mappingId, int version) {
        return new SnapshotSource(mappingId, version, null);
    }

    public static SnapshotSource dataset(String name) {
        return new SnapshotSource(null, null, name);
    }
}
