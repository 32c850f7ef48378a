package io.grapholap.application.graph;

import java.util.List;

/**
 * Result of a Gremlin query: column names and rows of JSON-like values (strings, numbers, booleans,
 * lists, maps, null), {@code truncated} when the row limit cut it short, and the execution time.
 */
public record QueryResult(List<String> columns, List<List<Object>> rows, boolean truncated, long executionMillis) {

    public QueryResult {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}
