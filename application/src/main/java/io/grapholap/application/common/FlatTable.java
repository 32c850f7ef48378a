package io.grapholap.application.common;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A table of plain values made flat for the tabular formats (CSV, Arrow, Parquet): a column whose
 * values are all maps ({@code project()}, {@code valueMap()}, {@code elementMap()}, a vertex) becomes
 * one column per key, nested maps one per key path ({@code properties.name}), so every column holds
 * scalars that a format can type. Rules, so the same answer always gives the same columns:
 * <ul>
 *   <li>keys are taken in the order they first appear, row by row; a row without a key has null there;</li>
 *   <li>an expanded column is named by its key alone when the table has that one column, else
 *       {@code column.key}; a name already taken gets {@code _2}, {@code _3}, ...;</li>
 *   <li>a column made from a key whose values are all lists of at most one value (what
 *       {@code valueMap()} gives) holds that value, or null for an empty list;</li>
 *   <li>other columns (scalars, lists) are kept as they are: a list stays one cell.</li>
 * </ul>
 */
public record FlatTable(List<String> columns, List<List<Object>> rows) {

    public FlatTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** {@code rows} under {@code columns}, flattened as the type says. */
    public static FlatTable of(List<String> columns, List<List<Object>> rows) {
        List<Column> out = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            List<Object> values = new ArrayList<>(rows.size());
            for (List<Object> row : rows) {
                values.add(c < row.size() ? row.get(c) : null);
            }
            String prefix = columns.size() == 1 ? "" : columns.get(c) + ".";
            expand(columns.get(c), prefix, values, false, out);
        }
        Set<String> names = new LinkedHashSet<>();
        List<String> unique = new ArrayList<>(out.size());
        for (Column column : out) {
            String name = column.name;
            for (int n = 2; !names.add(name); n++) {
                name = column.name + "_" + n;
            }
            unique.add(name);
        }
        List<List<Object>> flat = new ArrayList<>(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            List<Object> row = new ArrayList<>(out.size());
            for (Column column : out) {
                row.add(column.values.get(r));
            }
            flat.add(row);
        }
        return new FlatTable(unique, flat);
    }

    private record Column(String name, List<Object> values) {
    }

    /**
     * Adds {@code values} as one column, or as the columns of its keys when they are maps;
     * {@code fromKey} says the column is a key of an expanded map (where one-value lists unwrap).
     */
    private static void expand(String name, String prefix, List<Object> values, boolean fromKey, List<Column> out) {
        if (!allMaps(values)) {
            out.add(new Column(name, fromKey ? unwrapSingletons(values) : values));
            return;
        }
        Map<String, List<Object>> byKey = new LinkedHashMap<>();
        for (int r = 0; r < values.size(); r++) {
            if (values.get(r) instanceof Map<?, ?> map) {
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    List<Object> column = byKey.computeIfAbsent(String.valueOf(e.getKey()), k -> nulls(values.size()));
                    column.set(r, e.getValue());
                }
            }
        }
        byKey.forEach((key, column) -> expand(prefix + key, prefix + key + ".", column, true, out));
    }

    private static boolean allMaps(List<Object> values) {
        boolean any = false;
        for (Object v : values) {
            if (v == null) {
                continue;
            }
            if (!(v instanceof Map<?, ?>)) {
                return false;
            }
            any = true;
        }
        return any;
    }

    private static List<Object> unwrapSingletons(List<Object> values) {
        boolean anyList = false;
        for (Object v : values) {
            if (v instanceof Collection<?> c) {
                if (c.size() > 1) {
                    return values;
                }
                anyList = true;
            } else if (v != null) {
                return values;
            }
        }
        if (!anyList) {
            return values;
        }
        List<Object> out = new ArrayList<>(values.size());
        for (Object v : values) {
            out.add(v instanceof Collection<?> c && !c.isEmpty() ? c.iterator().next() : null);
        }
        return out;
    }

    private static List<Object> nulls(int n) {
        List<Object> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(null);
        }
        return out;
    }
}
