package io.grapholap.application.dataset;

import io.grapholap.application.graph.snapshot.ColumnSpec;
import java.util.List;

/**
 * One table of a bulk upload, decoded: typed columns and rows whose values are in the canonical
 * forms of the snapshot writer (see {@link io.grapholap.application.graph.snapshot.TableWriter}).
 */
public record UploadedTable(List<ColumnSpec> columns, List<Object[]> rows) {

    public UploadedTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}
