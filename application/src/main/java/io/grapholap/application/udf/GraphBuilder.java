package io.grapholap.application.udf;

import io.grapholap.application.graph.CancellationToken;
import io.grapholap.application.graph.GraphEngine;
import io.grapholap.application.graph.GraphInstance;
import io.grapholap.application.graph.LoadOptions;
import io.grapholap.application.graph.ProgressListener;
import io.grapholap.application.graph.ValueType;
import io.grapholap.application.graph.snapshot.ColumnSpec;
import io.grapholap.application.graph.snapshot.SnapshotSource;
import io.grapholap.application.graph.snapshot.SnapshotWriter;
import io.grapholap.application.graph.snapshot.SnapshotWriterFactory;
import io.grapholap.application.graph.snapshot.TableWriter;
import io.grapholap.domain.error.ValidationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Builds a graph from plain node and edge lists (what {@code load_data} code returns, or
 * {@code session.graph(nodes, edges)}): writes a small snapshot through the snapshot writer port into
 * a private directory, loads it on the engine and removes the files (a loaded graph no longer needs
 * them). Nodes are {@code {"id", "label"?, …}} (label default {@code node}), edges
 * {@code {"source", "target", "type"?, …}} (type default {@code edge}); keys are INT64 when every id
 * is an integer, else STRING; property types are inferred per label or type (booleans BOOL,
 * integers INT64, other numbers DOUBLE, the rest STRING; integers and decimals mixed give DOUBLE,
 * other mixes are refused naming the property). At most {@code maxRows} nodes plus edges.
 */
final class GraphBuilder {

    private static final String NODES = "nodes";
    private static final String EDGES = "edges";

    private final SnapshotWriterFactory writers;
    private final Path workDir;
    private final int maxRows;

    GraphBuilder(SnapshotWriterFactory writers, Path workDir, int maxRows) {
        this.writers = writers;
        this.workDir = workDir;
        this.maxRows = maxRows;
    }

    GraphInstance build(GraphEngine engine, List<Map<String, Object>> nodes, List<Map<String, Object>> edges) {
        nodes = nodes == null ? List.of() : nodes;
        edges = edges == null ? List.of() : edges;
        if ((long) nodes.size() + edges.size() > maxRows) {
            throw new ValidationException(NODES, "a graph built from lists may have at most " + maxRows + " nodes and edges together, got "
                    + ((long) nodes.size() + edges.size()));
        }
        boolean intKeys = nodes.stream().allMatch(n -> integral(n.get("id")));
        Map<String, List<Map<String, Object>>> byLabel = new LinkedHashMap<>();
        Map<Object, String> labelOf = new HashMap<>();
        for (Map<String, Object> node : nodes) {
            Object id = node.get("id");
            if (id == null || id instanceof Map || id instanceof List) {
                throw new ValidationException(NODES, "every node needs a scalar id, got " + node);
            }
            String label = text(node.getOrDefault("label", "node"), NODES, "label");
            Object key = key(id, intKeys);
            String previous = labelOf.putIfAbsent(key, label);
            if (previous != null) {
                throw new ValidationException(NODES, "node id " + id + " appears more than once");
            }
            byLabel.computeIfAbsent(label, l -> new ArrayList<>()).add(node);
        }
        record EdgeGroup(String from, String to, List<Map<String, Object>> rows) {
        }
        Map<String, EdgeGroup> byType = new LinkedHashMap<>();
        for (Map<String, Object> edge : edges) {
            String type = text(edge.getOrDefault("type", "edge"), EDGES, "type");
            String from = endpointLabel(labelOf, edge.get("source"), intKeys, "source");
            String to = endpointLabel(labelOf, edge.get("target"), intKeys, "target");
            EdgeGroup group = byType.computeIfAbsent(type, t -> new EdgeGroup(from, to, new ArrayList<>()));
            if (!group.from().equals(from) || !group.to().equals(to)) {
                throw new ValidationException(EDGES, "edge type " + type + " links " + group.from() + "→" + group.to() + " and "
                        + from + "→" + to + "; give each pair of labels its own type");
            }
            group.rows().add(edge);
        }
        ColumnSpec keySpec = ColumnSpec.of("id", intKeys ? ValueType.INT64 : ValueType.STRING);
        Path dir = workDir.resolve("graph-" + UUID.randomUUID());
        try {
            Files.createDirectories(workDir);
            try (SnapshotWriter writer = writers.create(dir, SnapshotSource.dataset("udf-built-graph"))) {
                for (var e : byLabel.entrySet()) {
                    List<String> props = propertyNames(e.getValue(), List.of("id", "label"));
                    List<ColumnSpec> specs = specs(e.getValue(), props, NODES);
                    try (TableWriter t = writer.beginNodes(e.getKey(), keySpec, specs)) {
                        for (Map<String, Object> node : e.getValue()) {
                            t.append(row(key(node.get("id"), intKeys), null, node, specs));
                        }
                    }
                }
                for (var e : byType.entrySet()) {
                    List<String> props = propertyNames(e.getValue().rows(), List.of("source", "target", "type"));
                    List<ColumnSpec> specs = specs(e.getValue().rows(), props, EDGES);
                    try (TableWriter t = writer.beginEdges(e.getKey(), e.getValue().from(), e.getValue().to(),
                            ColumnSpec.of("source", keySpec.type()), ColumnSpec.of("target", keySpec.type()), specs)) {
                        for (Map<String, Object> edge : e.getValue().rows()) {
                            t.append(row(key(edge.get("source"), intKeys), key(edge.get("target"), intKeys), edge, specs));
                        }
                    }
                }
                writer.finish();
            }
            return engine.load(dir, LoadOptions.defaults().withParallelism(1).withVerifyChecksums(false), ProgressListener.NONE,
                    CancellationToken.create());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a built graph under " + workDir, e);
        } finally {
            delete(dir);
        }
    }

    private static String endpointLabel(Map<Object, String> labelOf, Object id, boolean intKeys, String field) {
        if (id == null || id instanceof Map || id instanceof List) {
            throw new ValidationException(EDGES, "every edge needs a scalar " + field);
        }
        String label = (intKeys && !integral(id)) ? null : labelOf.get(key(id, intKeys));
        if (label == null) {
            throw new ValidationException(EDGES, "edge " + field + " " + id + " is not the id of a node");
        }
        return label;
    }

    private static Object[] row(Object key, Object second, Map<String, Object> values, List<ColumnSpec> specs) {
        int fixed = second == null ? 1 : 2;
        Object[] row = new Object[fixed + specs.size()];
        row[0] = key;
        if (second != null) {
            row[1] = second;
        }
        for (int i = 0; i < specs.size(); i++) {
            row[fixed + i] = convert(values.get(specs.get(i).name()), specs.get(i).type());
        }
        return row;
    }

    private static Object convert(Object value, ValueType type) {
        if (value == null) {
            return null;
        }
        return switch (type) {
            case INT64 -> ((Number) value).longValue();
            case DOUBLE -> ((Number) value).doubleValue();
            case BOOL -> value;
            default -> String.valueOf(value);
        };
    }

    private static List<String> propertyNames(List<Map<String, Object>> rows, List<String> reserved) {
        List<String> names = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            for (String name : row.keySet()) {
                if (!reserved.contains(name) && !names.contains(name)) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    private static List<ColumnSpec> specs(List<Map<String, Object>> rows, List<String> names, String field) {
        List<ColumnSpec> specs = new ArrayList<>();
        for (String name : names) {
            ValueType type = null;
            for (Map<String, Object> row : rows) {
                Object v = row.get(name);
                if (v == null) {
                    continue;
                }
                ValueType t = v instanceof Boolean ? ValueType.BOOL : integral(v) ? ValueType.INT64
                        : v instanceof Number ? ValueType.DOUBLE : v instanceof String ? ValueType.STRING : null;
                if (t == null) {
                    throw new ValidationException(field, "property " + name + " holds a " + v.getClass().getSimpleName()
                            + "; properties must be numbers, strings or booleans");
                }
                type = type == null ? t : merge(type, t, name, field);
            }
            specs.add(ColumnSpec.of(name, type == null ? ValueType.STRING : type));
        }
        return specs;
    }

    private static ValueType merge(ValueType a, ValueType b, String name, String field) {
        if (a == b) {
            return a;
        }
        if ((a == ValueType.INT64 || a == ValueType.DOUBLE) && (b == ValueType.INT64 || b == ValueType.DOUBLE)) {
            return ValueType.DOUBLE;
        }
        throw new ValidationException(field, "property " + name + " mixes " + a + " and " + b + " values");
    }

    private static boolean integral(Object v) {
        return v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte
                || (v instanceof Number n && !(v instanceof Double) && !(v instanceof Float)
                    && n.toString().matches("-?\\d{1,18}"))
                || (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 9.0e15 && !d.isInfinite());
    }

    private static Object key(Object id, boolean intKeys) {
        return intKeys ? (Object) ((Number) id).longValue() : String.valueOf(id);
    }

    private static String text(Object value, String field, String what) {
        if (!(value instanceof String s) || s.isBlank() || s.length() > 255) {
            throw new ValidationException(field, what + " must be a string of 1-255 characters, got " + value);
        }
        return s;
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the built graph files " + dir, e);
        }
    }
}
