package io.grapholap.application.dataset;

/**
 * Bounds of uploads: vertices and edges per JSON upsert, rows per bulk table, vertices plus edges in
 * one dataset version (the whole version is merged in memory), and the versions of one dataset kept
 * on disk (the newest {@code keepVersions}, plus older ones a live instance loads from).
 */
public record UploadSettings(int maxVerticesPerCall, int maxEdgesPerCall, int maxRowsPerTable, long maxRowsPerVersion,
                             int keepVersions) {

    public UploadSettings {
        if (maxVerticesPerCall < 1 || maxEdgesPerCall < 1 || maxRowsPerTable < 1 || maxRowsPerVersion < 1) {
            throw new IllegalArgumentException("upload limits must be positive");
        }
        if (keepVersions < 1) {
            throw new IllegalArgumentException("grapholap.datasets.keep-versions must be at least 1, got " + keepVersions);
        }
    }
}
