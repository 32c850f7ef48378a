package io.grapholap.application.dataset;

import io.grapholap.application.graph.snapshot.ColumnSpec;
import java.util.List;

/**
 * One table of a bulk upload, decoded: typed columns and rows whose values are in the canonical
 * forms of the snapshot writer (see {@link io.grapholap.application.graph.snapshot.TableWriter}).
 * Decoders refuse a table wider than {@link #MAX_COLUMNS} before building it.
 */
public record UploadedTable(List<ColumnSpec> columns, List<Object[]> rows) {

    /** Columns of one table: each becomes a property of every vertex or edge it holds. */
    public static final int MAX_COLUMNS = 1000;

    public UploadedTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}
