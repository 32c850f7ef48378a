package io.grapholap.application.schema;

import java.util.List;

/** Out-port: the source database's own description of its tables and columns. */
public interface SourceCatalog {

    /** Every user table and view with its columns in ordinal order; system schemas left out. */
    List<TableEntry> read();

    record TableEntry(String catalog, String schema, String table, String type, List<ColumnEntry> columns) {
        public TableEntry {
            columns = List.copyOf(columns);
        }
    }

    record ColumnEntry(String name, String dataType, int ordinalPosition, boolean nullable) {
    }
}
