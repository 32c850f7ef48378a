package io.grapholap.application.graph.snapshot;

import java.util.List;

/**
 * Writes one snapshot in a streaming way, table by table, into a temporary directory; only
 * {@link #finish()} makes it visible, by writing the manifest and renaming the directory in one
 * atomic step, so a crash never leaves a half-written snapshot that looks ready. {@link #close()}
 * without {@code finish()} discards everything written. One table at a time: close a table writer
 * before beginning the next.
 */
public interface SnapshotWriter extends AutoCloseable {

    /** Begins the node table of {@code label}; vertex keys must be unique and non-null. */
    TableWriter beginNodes(String label, ColumnSpec key, List<ColumnSpec> properties);

    /**
     * Begins the edge table of {@code type}, from vertices of {@code fromLabel} to vertices of
     * {@code toLabel}; endpoints must be keys of those labels (checked at load time).
     */
    TableWriter beginEdges(String type, String fromLabel, String toLabel, ColumnSpec fromKey, ColumnSpec toKey,
                           List<ColumnSpec> properties);

    /** Writes the manifest and publishes the snapshot directory atomically. */
    SnapshotSummary finish();

    /** Discards the snapshot unless {@link #finish()} succeeded. */
    @Override
    void close();
}
