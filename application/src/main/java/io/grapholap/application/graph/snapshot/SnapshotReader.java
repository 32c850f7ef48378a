package io.grapholap.application.graph.snapshot;

import java.nio.file.Path;

/**
 * Reads a published snapshot back into memory, table by table (port; the CPU engine reads its Arrow
 * files after checking them against the manifest). Used to copy a dataset version forward.
 */
public interface SnapshotReader {

    /**
     * Every node and edge table of the snapshot at {@code directory}, with values in the canonical
     * forms {@link TableWriter} accepts (String, Long, Integer, Double, Float, Boolean, Integer days,
     * Long micros, UUID; null for a missing property).
     *
     * @throws io.grapholap.domain.error.SnapshotCorruptException when a file disagrees with the manifest
     * @throws io.grapholap.domain.error.ValidationException      (field {@code dataset}) when the
     *                                                            snapshot holds more than {@code maxRows} rows
     */
    StoredGraph read(Path directory, long maxRows);
}
