package io.grapholap.application.graph;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Columnar result of one algorithm run. {@code columns} names the columns and {@code data} holds
 * them, all of the same length; the first columns name each row's vertex: {@code id} (its identity
 * {@code "Label:key"}), {@code label} and {@code key} (its original key), one row per vertex or, for
 * results that are not per vertex, one row per vertex they list (for example {@code shortest_path},
 * a row per vertex on a path). {@code stats} carries scalar outcomes (iterations run, modularity, run time in ms, …).
 * {@code engine} names the engine that ran it.
 */
public record AlgorithmResult(String algorithm, String engine, List<String> columns, List<Column> data,
                              Map<String, Object> stats) {

    public AlgorithmResult {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(engine, "engine");
        columns = List.copyOf(columns);
        data = List.copyOf(data);
        stats = stats == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stats));
        if (columns.size() != data.size()) {
            throw new IllegalArgumentException(columns.size() + " column names for " + data.size() + " columns");
        }
        for (int i = 1; i < data.size(); i++) {
            if (data.get(i).size() != data.get(0).size()) {
                throw new IllegalArgumentException("column " + columns.get(i) + " has " + data.get(i).size()
                        + " rows, expected " + data.get(0).size());
            }
        }
    }

    public int rowCount() {
        return data.isEmpty() ? 0 : data.get(0).size();
    }

    public Column column(String name) {
        int i = columns.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("result of " + algorithm + " has no column " + name);
        }
        return data.get(i);
    }

    public Table asTable() {
        return new Table(algorithm, columns, data, rowCount());
    }
}
