package io.grapholap.application.dataset;

/**
 * Bounds of uploads: vertices and edges per JSON upsert, rows per bulk table, and vertices plus
 * edges in one dataset version (the whole version is merged in memory).
 */
public record UploadSettings(int maxVerticesPerCall, int maxEdgesPerCall, int maxRowsPerTable, long maxRowsPerVersion) {

    public UploadSettings {
        if (maxVerticesPerCall < 1 || maxEdgesPerCall < 1 || maxRowsPerTable < 1 || maxRowsPerVersion < 1) {
            throw new IllegalArgumentException("upload limits must be positive");
        }
    }
}
