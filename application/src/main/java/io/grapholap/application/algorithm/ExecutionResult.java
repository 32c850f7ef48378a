package io.grapholap.application.algorithm;

import io.grapholap.application.graph.Column;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a finished run produced. Stream: {@code columns} and the first rows of the result in
 * {@code data} (at most the row limit; {@code truncated} when {@code rowCount} is more), read row by
 * row through {@link #rows()}. Stats: {@code stats} holds the summary and the algorithm's figures.
 * Mutate: {@code mutateProperty} and the number of vertices written, with the algorithm's figures in
 * {@code stats}. A run from UDF code keeps only the algorithm's figures. Kept rows stay in their typed
 * columns (8 bytes a number) until a caller reads them.
 */
public record ExecutionResult(String engine, List<String> columns, List<Column> data, long rowCount, boolean truncated,
                              Map<String, Object> stats, String mutateProperty, long verticesWritten) {

    public ExecutionResult {
        columns = List.copyOf(columns);
        data = List.copyOf(data);
        stats = Collections.unmodifiableMap(new LinkedHashMap<>(stats));
    }

    /** A result without rows: the row count and {@code stats}. */
    static ExecutionResult figures(String engine, long rowCount, Map<String, Object> stats) {
        return new ExecutionResult(engine, List.of(), List.of(), rowCount, false, stats, null, 0);
    }

    /** The kept rows as JSON-like values (UUIDs as text). */
    public List<List<Object>> rows() {
        int n = data.isEmpty() ? 0 : data.get(0).size();
        List<List<Object>> rows = new ArrayList<>(n);
        for (int row = 0; row < n; row++) {
            List<Object> values = new ArrayList<>(data.size());
            for (Column column : data) {
                Object v = column.get(row);
                values.add(v instanceof UUID u ? u.toString() : v);
            }
            rows.add(Collections.unmodifiableList(values));
        }
        return Collections.unmodifiableList(rows);
    }
}
