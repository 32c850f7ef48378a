package io.grapholap.application.udf;

import io.grapholap.application.graph.CancellationToken;
import io.grapholap.application.graph.GraphEngine;
import io.grapholap.application.graph.GraphInstance;
import io.grapholap.application.graph.LoadOptions;
import io.grapholap.application.graph.ProgressListener;
import io.grapholap.application.graph.ValueType;
import io.grapholap.application.graph.algo.VertexRef;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Builds a graph from plain node and edge lists (what {@code load_data} code returns, or
 * {@code session.graph(nodes, edges)}): writes a small snapshot through the snapshot writer port into
 * a private directory, loads it on the engine and removes the files (a loaded graph no longer needs
 * them). Nodes are {@code {"id", "label"?, …}} (label default {@code node}; ids unique within a
 * label), edges {@code {"source", "target", "type"?, …}} (type default {@code edge}) whose endpoints
 * are a node's identity {@code "Label:id"} or an id that one label holds (docs/identity.md); keys
 * are INT64 when every id is an integer, else STRING; property types are inferred per label or type (booleans BOOL,
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
        Map<String, Set<Object>> keysOf = new HashMap<>();
        Map<Object, List<String>> labelsOf = new HashMap<>();
        for (Map<String, Object> node : nodes) {
            Object id = node.get("id");
            if (id == null || id instanceof Map || id instanceof List) {
                throw new ValidationException(NODES, "every node needs a scalar id, got " + node);
            }
            String label = text(node.getOrDefault("label", "node"), NODES, "label");
            Object key = key(id, intKeys);
            if (!keysOf.computeIfAbsent(label, l -> new HashSet<>()).add(key)) {
                throw new ValidationException(NODES, "node id " + id + " appears more than once in label " + label);
            }
            labelsOf.computeIfAbsent(key, k -> new ArrayList<>()).add(label);
            byLabel.computeIfAbsent(label, l -> new ArrayList<>()).add(node);
        }
        record Edge(Endpoint from, Endpoint to, Map<String, Object> values) {
        }
        record EdgeGroup(String from, String to, List<Edge> rows) {
        }
        Map<String, EdgeGroup> byType = new LinkedHashMap<>();
        for (Map<String, Object> edge : edges) {
            String type = text(edge.getOrDefault("type", "edge"), EDGES, "type");
            Endpoint from = endpoint(keysOf, labelsOf, edge.get("source"), intKeys, "source");
            Endpoint to = endpoint(keysOf, labelsOf, edge.get("target"), intKeys, "target");
            EdgeGroup group = byType.computeIfAbsent(type, t -> new EdgeGroup(from.label(), to.label(), new ArrayList<>()));
            if (!group.from().equals(from.label()) || !group.to().equals(to.label())) {
                throw new ValidationException(EDGES, "edge type " + type + " links " + group.from() + "→" + group.to() + " and "
                        + from.label() + "→" + to.label() + "; give each pair of labels its own type");
            }
            group.rows().add(new Edge(from, to, edge));
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
                    List<Map<String, Object>> values = e.getValue().rows().stream().map(Edge::values).toList();
                    List<String> props = propertyNames(values, List.of("source", "target", "type"));
                    List<ColumnSpec> specs = specs(values, props, EDGES);
                    try (TableWriter t = writer.beginEdges(e.getKey(), e.getValue().from(), e.getValue().to(),
                            ColumnSpec.of("source", keySpec.type()), ColumnSpec.of("target", keySpec.type()), specs)) {
                        for (Edge edge : e.getValue().rows()) {
                            t.append(row(edge.from().key(), edge.to().key(), edge.values(), specs));
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

    /** The node an edge's source or target names: its label and key. */
    private record Endpoint(String label, Object key) {
    }

    /**
     * The node {@code id} names: the identity {@code "Label:id"} of a node, else an id that one label
     * holds; an id several labels hold is refused listing them.
     */
    private static Endpoint endpoint(Map<String, Set<Object>> keysOf, Map<Object, List<String>> labelsOf, Object id,
                                     boolean intKeys, String field) {
        if (id == null || id instanceof Map || id instanceof List) {
            throw new ValidationException(EDGES, "every edge needs a scalar " + field);
        }
        if (id instanceof String s) {
            for (var e : keysOf.entrySet()) {
                String label = e.getKey();
                if (s.length() > label.length() && s.startsWith(label) && s.charAt(label.length()) == VertexRef.SEPARATOR) {
                    Object key = parsedKey(s.substring(label.length() + 1), intKeys);
                    if (key != null && e.getValue().contains(key)) {
                        return new Endpoint(label, key);
                    }
                }
            }
        }
        List<String> labels = intKeys && !integral(id) ? null : labelsOf.get(key(id, intKeys));
        if (labels == null) {
            throw new ValidationException(EDGES, "edge " + field + " " + id + " is not the id of a node");
        }
        if (labels.size() > 1) {
            throw new ValidationException(EDGES, "edge " + field + " " + id + " is the id of nodes of " + labels.size()
                    + " labels " + labels + "; name one as \"" + VertexRef.identity(labels.getFirst(), id) + "\"",
                    Map.of("labels", labels));
        }
        return new Endpoint(labels.getFirst(), key(id, intKeys));
    }

    /** The key written after a label in an identity, or {@code null} when it cannot be a key of this graph. */
    private static Object parsedKey(String text, boolean intKeys) {
        if (!intKeys) {
            return text;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
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
