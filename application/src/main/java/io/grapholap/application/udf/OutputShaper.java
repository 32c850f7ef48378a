package io.grapholap.application.udf;

import io.grapholap.application.common.FlatTable;
import io.grapholap.application.graph.Column;
import io.grapholap.application.graph.GraphInstance;
import io.grapholap.application.graph.GraphStatistics;
import io.grapholap.application.graph.Table;
import io.grapholap.domain.error.UnavailableException;
import io.grapholap.domain.error.ValidationException;
import io.grapholap.domain.udf.OutputFormat;
import io.grapholap.domain.udf.OutputType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns what {@code task} returned into the run's output (the function's {@code output_type}
 * and {@code format}). A returned graph gives: {@code all} (and {@code json}) {@code {"nodes": [...],
 * "edges": [...]}}; {@code nodes} one row per node ({@code label}, {@code id} the identity
 * {@code "Label:key"}, {@code key}, properties); {@code edges} one row per edge ({@code type},
 * {@code from}, {@code to} the endpoint identities, properties); {@code table}
 * the node rows; {@code shape} the counts per label and type. A returned list of records (maps) is a
 * table for {@code table}, {@code nodes}, {@code edges} and {@code all}, and {@code shape} gives its
 * row and column counts. Any other value is answered as it is, in JSON only. CSV, Parquet and Arrow
 * need rows; {@code all} has two tables and is JSON only. Sizes are bounded by {@code maxBytes}.
 */
final class OutputShaper {

    private final Map<OutputFormat, TableEncoder> encoders;
    private final JsonWriter jsonWriter;

    OutputShaper(Map<OutputFormat, TableEncoder> encoders, JsonWriter json) {
        this.encoders = Map.copyOf(encoders);
        this.jsonWriter = json;
    }

    boolean supports(OutputFormat format) {
        return format == OutputFormat.JSON || format == OutputFormat.CSV || encoders.containsKey(format);
    }

    /** A table for the binary and CSV formats: column names and rows of plain values. */
    record Rows(List<String> columns, List<List<Object>> rows) {

        List<Map<String, Object>> records() {
            List<Map<String, Object>> out = new ArrayList<>(rows.size());
            for (List<Object> row : rows) {
                Map<String, Object> m = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    m.put(columns.get(i), row.get(i));
                }
                out.add(m);
            }
            return out;
        }
    }

    RunResult shape(Object value, OutputType type, OutputFormat format, String engine, long maxBytes) {
        if (!supports(format)) {
            throw new UnavailableException("FORMAT_UNAVAILABLE", "output format " + format.wireName() + " is not available on this server",
                    Map.of("format", format.wireName()));
        }
        if (type == OutputType.SHAPE) {
            return json(shapeOf(value), type, format, engine, maxBytes);
        }
        Rows rows = null;
        Object plain = value;
        if (value instanceof GraphInstance graph) {
            switch (type) {
                case ALL, JSON -> {
                    if (format != OutputFormat.JSON) {
                        throw new ValidationException("output_type", "output_type " + type.wireName() + " of a graph has two tables and is "
                                + "answered in JSON only; use nodes or edges for " + format.wireName());
                    }
                    Map<String, Object> all = new LinkedHashMap<>();
                    all.put("nodes", nodeRows(graph, maxBytes).records());
                    all.put("edges", edgeRows(graph, maxBytes).records());
                    plain = all;
                }
                case NODES, TABLE -> rows = nodeRows(graph, maxBytes);
                case EDGES -> rows = edgeRows(graph, maxBytes);
                default -> throw new IllegalStateException(type.toString());
            }
        } else if (type != OutputType.JSON && records(value)) {
            rows = rowsOf((Collection<?>) value);
        } else if (format != OutputFormat.JSON) {
            if (records(value)) {
                rows = rowsOf((Collection<?>) value);
            } else {
                throw new ValidationException("format", "format " + format.wireName() + " needs a graph or a list of records; task returned "
                        + describe(value));
            }
        } else if (type != OutputType.JSON) {
            throw new ValidationException("output_type", "output_type " + type.wireName() + " needs a graph or a list of records; task returned "
                    + describe(value));
        }
        if (format == OutputFormat.JSON) {
            return json(rows == null ? plain : rows.records(), type, format, engine, maxBytes);
        }
        // the tabular formats get a column per key where a column holds maps, as query answers do
        FlatTable flat = FlatTable.of(rows.columns(), rows.rows());
        Rows table = new Rows(flat.columns(), flat.rows());
        if (format == OutputFormat.CSV) {
            byte[] body = csv(table, maxBytes).getBytes(StandardCharsets.UTF_8);
            return new RunResult(engine, type, format, "text/csv", body, null);
        }
        TableEncoder encoder = encoders.get(format);
        return new RunResult(engine, type, format, encoder.contentType(), encoder.encode(table.columns(), table.rows(), maxBytes), null);
    }

    private RunResult json(Object plain, OutputType type, OutputFormat format, String engine, long maxBytes) {
        byte[] body = jsonWriter.write(plain, maxBytes).getBytes(StandardCharsets.UTF_8);
        if (body.length > maxBytes) {
            throw new ValidationException("output", "the output is larger than the limit of " + maxBytes + " bytes");
        }
        return new RunResult(engine, type, format, "application/json", body, plain);
    }

    private static Object shapeOf(Object value) {
        Map<String, Object> shape = new LinkedHashMap<>();
        if (value instanceof GraphInstance graph) {
            GraphStatistics s = graph.statistics();
            shape.put("nodes", s.vertexCount());
            shape.put("edges", s.edgeCount());
            shape.put("node_labels", s.verticesPerLabel());
            shape.put("edge_types", s.edgesPerType());
        } else if (records(value)) {
            Rows rows = rowsOf((Collection<?>) value);
            shape.put("rows", rows.rows().size());
            shape.put("columns", rows.columns());
        } else if (value instanceof Collection<?> c) {
            shape.put("rows", c.size());
        } else {
            throw new ValidationException("output_type", "output_type shape needs a graph or a list; task returned " + describe(value));
        }
        return shape;
    }

    private static boolean records(Object value) {
        return value instanceof Collection<?> c && c.stream().allMatch(e -> e instanceof Map);
    }

    private static String describe(Object value) {
        return value == null ? "nothing" : value instanceof Map ? "an object" : value instanceof Collection ? "a list of non-records"
                : "a " + value.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }

    private static Rows rowsOf(Collection<?> records) {
        List<String> columns = new ArrayList<>();
        for (Object r : records) {
            for (Object k : ((Map<?, ?>) r).keySet()) {
                String name = String.valueOf(k);
                if (!columns.contains(name)) {
                    columns.add(name);
                }
            }
        }
        List<List<Object>> rows = new ArrayList<>(records.size());
        for (Object r : records) {
            Map<?, ?> m = (Map<?, ?>) r;
            List<Object> row = new ArrayList<>(columns.size());
            for (String c : columns) {
                row.add(m.get(c));
            }
            rows.add(row);
        }
        return new Rows(columns, rows);
    }

    private static Rows nodeRows(GraphInstance graph, long maxBytes) {
        List<Table> tables = new ArrayList<>();
        for (String label : graph.statistics().verticesPerLabel().keySet()) {
            tables.add(graph.nodes(label));
        }
        return union("label", tables, maxBytes);
    }

    private static Rows edgeRows(GraphInstance graph, long maxBytes) {
        List<Table> tables = new ArrayList<>();
        for (String type : graph.statistics().edgesPerType().keySet()) {
            tables.add(graph.edges(type));
        }
        return union("type", tables, maxBytes);
    }

    /**
     * One table from several: a first column naming each row's table, then every column of any table
     * (null where a table lacks it). Stops with an {@code output} error once the values pass
     * {@code maxBytes} (counted roughly as their text length).
     */
    private static Rows union(String nameColumn, List<Table> tables, long maxBytes) {
        List<String> columns = new ArrayList<>(List.of(nameColumn));
        for (Table t : tables) {
            for (String c : t.columnNames()) {
                if (!columns.contains(c)) {
                    columns.add(c);
                }
            }
        }
        long size = 0;
        List<List<Object>> rows = new ArrayList<>();
        for (Table t : tables) {
            List<Column> cols = new ArrayList<>();
            for (String c : columns.subList(1, columns.size())) {
                cols.add(t.columnNames().contains(c) ? t.column(c) : null);
            }
            for (int r = 0; r < t.rowCount(); r++) {
                List<Object> row = new ArrayList<>(columns.size());
                row.add(t.name());
                size += t.name().length() + 2;
                for (Column col : cols) {
                    Object v = col == null ? null : col.get(r);
                    row.add(v);
                    size += v == null ? 4 : String.valueOf(v).length() + 2;
                }
                if (size > maxBytes) {
                    throw new ValidationException("output", "the output is larger than the limit of " + maxBytes + " bytes");
                }
                rows.add(row);
            }
        }
        return new Rows(columns, rows);
    }

    private String csv(Rows rows, long maxBytes) {
        StringBuilder out = new StringBuilder();
        line(out, new ArrayList<>(rows.columns()));
        for (List<Object> row : rows.rows()) {
            line(out, row);
            if (out.length() > maxBytes) {
                throw new ValidationException("output", "the output is larger than the limit of " + maxBytes + " bytes");
            }
        }
        return out.toString();
    }

    private void line(StringBuilder out, List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Object v = values.get(i);
            String text = v == null ? "" : v instanceof Map || v instanceof Collection ? jsonWriter.write(v, Long.MAX_VALUE) : String.valueOf(v);
            if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
                out.append('"').append(text.replace("\"", "\"\"")).append('"');
            } else {
                out.append(text);
            }
        }
        out.append("\r\n");
    }
}
