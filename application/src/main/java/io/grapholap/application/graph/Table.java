package io.grapholap.application.graph;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A plain columnar table: named, typed columns of equal length. Used for the node and edge tables
 * an instance hands to UDF outputs and for algorithm results.
 */
public record Table(String name, List<String> columnNames, List<Column> columns, int rowCount) {

    public Table {
        Objects.requireNonNull(name, "name");
        columnNames = List.copyOf(columnNames);
        columns = List.copyOf(columns);
        if (columnNames.size() != columns.size()) {
            throw new IllegalArgumentException("table " + name + ": " + columnNames.size() + " names for "
                    + columns.size() + " columns");
        }
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).size() != rowCount) {
                throw new IllegalArgumentException("table " + name + ": column " + columnNames.get(i) + " has "
                        + columns.get(i).size() + " rows, expected " + rowCount);
            }
        }
    }

    /** Builds a table from an ordered name → column map; the row count is taken from the columns. */
    public static Table of(String name, Map<String, Column> columns) {
        int rows = columns.isEmpty() ? 0 : columns.values().iterator().next().size();
        return new Table(name, List.copyOf(columns.keySet()), List.copyOf(columns.values()), rows);
    }

    public Column column(String columnName) {
        int i = columnNames.indexOf(columnName);
        if (i < 0) {
            throw new IllegalArgumentException("table " + name + " has no column " + columnName);
        }
        return columns.get(i);
    }

    public List<ValueType> columnTypes() {
        return columns.stream().map(Column::type).toList();
    }

    /** Column name → column, in column order. */
    public Map<String, Column> asMap() {
        var map = new LinkedHashMap<String, Column>();
        for (int i = 0; i < columns.size(); i++) {
            map.put(columnNames.get(i), columns.get(i));
        }
        return map;
    }
}
