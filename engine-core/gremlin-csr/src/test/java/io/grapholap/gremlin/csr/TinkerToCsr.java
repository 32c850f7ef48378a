package io.grapholap.gremlin.csr;

import io.grapholap.application.graph.Column;
import io.grapholap.application.graph.ValueType;
import io.grapholap.graph.csr.CsrGraph;
import io.grapholap.graph.csr.EdgeType;
import io.grapholap.graph.csr.VertexKeys;
import io.grapholap.graph.csr.VertexLabel;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.tinkerpop.gremlin.structure.Edge;
import org.apache.tinkerpop.gremlin.structure.Element;
import org.apache.tinkerpop.gremlin.structure.Graph;
import org.apache.tinkerpop.gremlin.structure.Vertex;
import org.apache.tinkerpop.gremlin.structure.VertexProperty;

/**
 * Test scaffolding: loads a TinkerGraph (the TinkerPop sample graphs) into a {@link CsrGraph} the way
 * the engine's loader lays a graph out — one contiguous id range per label, columnar properties,
 * per-arc type codes and edge rows — so that the Gremlin structure can be tested on the reference
 * data. Vertex ids become the keys; a key with several values on some vertex becomes a LIST column.
 */
final class TinkerToCsr {

    private TinkerToCsr() {
    }

    static CsrGraph convert(Graph source) {
        Map<String, List<Vertex>> byLabel = new TreeMap<>();
        source.vertices().forEachRemaining(v -> byLabel.computeIfAbsent(v.label(), k -> new ArrayList<>()).add(v));
        byLabel.values().forEach(list -> list.sort(Comparator.comparing(v -> String.valueOf(v.id()))));
        Map<Object, Integer> dense = new HashMap<>();
        List<VertexLabel> labels = new ArrayList<>();
        int next = 0;
        for (var entry : byLabel.entrySet()) {
            List<Vertex> vertices = entry.getValue();
            int start = next;
            for (Vertex v : vertices) {
                dense.put(v.id(), next++);
            }
            labels.add(new VertexLabel(labels.size(), entry.getKey(), start, vertices.size(), keys(vertices),
                    vertexColumns(vertices)));
        }
        int n = next;

        Map<String, List<Edge>> byType = new TreeMap<>();
        source.edges().forEachRemaining(e -> byType.computeIfAbsent(e.label(), k -> new ArrayList<>()).add(e));
        byType.values().forEach(list -> list.sort(Comparator.comparing(e -> String.valueOf(e.id()))));
        List<EdgeType> types = new ArrayList<>();
        List<Edge> rows = new ArrayList<>();
        boolean anyEdgeProperty = false;
        for (var entry : byType.entrySet()) {
            List<Edge> edges = entry.getValue();
            Map<String, Column> columns = edgeColumns(edges);
            anyEdgeProperty |= !columns.isEmpty();
            types.add(new EdgeType(types.size(), entry.getKey(), null, null, rows.size(), edges.size(), columns));
            rows.addAll(edges);
        }
        int m = rows.size();
        int[] offsets = new int[n + 1];
        for (Edge e : rows) {
            offsets[dense.get(e.outVertex().id()) + 1]++;
        }
        for (int v = 0; v < n; v++) {
            offsets[v + 1] += offsets[v];
        }
        int[] position = java.util.Arrays.copyOf(offsets, n);
        int[] targets = new int[m];
        byte[] codes = new byte[m];
        int[] edgeRows = new int[m];
        Map<String, Integer> typeCode = new HashMap<>();
        types.forEach(t -> typeCode.put(t.name(), t.code()));
        for (int row = 0; row < m; row++) {
            Edge e = rows.get(row);
            int at = position[dense.get(e.outVertex().id())]++;
            targets[at] = dense.get(e.inVertex().id());
            codes[at] = (byte) (int) typeCode.get(e.label());
            edgeRows[at] = row;
        }
        var builder = CsrGraph.builder(n, true).outAdjacency(offsets, targets).edgeCount(m);
        if (!labels.isEmpty()) {
            builder.labels(labels);
        }
        if (!types.isEmpty()) {
            builder.edgeTypes(types);
            if (types.size() > 1) {
                builder.edgeTypeCodes(codes, null);
            }
        }
        if (anyEdgeProperty) {
            builder.edgeRows(edgeRows, null);
        }
        return builder.build();
    }

    private static VertexKeys keys(List<Vertex> vertices) {
        boolean ints = vertices.stream().allMatch(v -> v.id() instanceof Integer);
        boolean longs = vertices.stream().allMatch(v -> v.id() instanceof Long);
        if (ints || longs) {
            long[] keys = vertices.stream().mapToLong(v -> ((Number) v.id()).longValue()).toArray();
            return VertexKeys.ofLongs(ints ? ValueType.INT32 : ValueType.INT64, keys);
        }
        return VertexKeys.ofObjects(ValueType.STRING, vertices.stream().map(v -> String.valueOf(v.id())).toArray());
    }

    private static Map<String, Column> vertexColumns(List<Vertex> vertices) {
        Set<String> keys = new LinkedHashSet<>();
        Map<String, Boolean> multiKeys = new HashMap<>();
        for (Vertex v : vertices) {
            Map<String, Integer> seen = new HashMap<>();
            v.properties().forEachRemaining(p -> {
                keys.add(p.key());
                if (seen.merge(p.key(), 1, Integer::sum) > 1) {
                    multiKeys.put(p.key(), true);
                }
            });
        }
        Map<String, Column> columns = new LinkedHashMap<>();
        for (String key : keys) {
            if (multiKeys.containsKey(key)) {
                Object[] values = new Object[vertices.size()];
                for (int i = 0; i < values.length; i++) {
                    List<Object> list = new ArrayList<>();
                    vertices.get(i).properties(key).forEachRemaining(p -> list.add(((VertexProperty<?>) p).value()));
                    values[i] = list.isEmpty() ? null : List.copyOf(list);
                }
                columns.put(key, Column.ofObjects(ValueType.LIST, values));
            } else {
                List<Object> values = new ArrayList<>();
                for (Vertex v : vertices) {
                    VertexProperty<?> p = v.property(key);
                    values.add(p.isPresent() ? p.value() : null);
                }
                columns.put(key, column(values));
            }
        }
        return columns;
    }

    private static Map<String, Column> edgeColumns(List<Edge> edges) {
        Set<String> keys = new LinkedHashSet<>();
        edges.forEach(e -> keys.addAll(e.keys()));
        Map<String, Column> columns = new LinkedHashMap<>();
        for (String key : keys) {
            List<Object> values = new ArrayList<>();
            for (Element e : edges) {
                var p = e.property(key);
                values.add(p.isPresent() ? p.value() : null);
            }
            columns.put(key, column(values));
        }
        return columns;
    }

    /** A typed column when every non-null value has one primitive type, otherwise boxed values. */
    private static Column column(List<Object> values) {
        Class<?> type = null;
        for (Object v : values) {
            if (v != null) {
                if (type == null) {
                    type = v.getClass();
                } else if (type != v.getClass()) {
                    type = Object.class;
                }
            }
        }
        int size = values.size();
        BitSet nulls = new BitSet(size);
        for (int i = 0; i < size; i++) {
            if (values.get(i) == null) {
                nulls.set(i);
            }
        }
        BitSet nullBits = nulls.isEmpty() ? null : nulls;
        if (type == Integer.class) {
            int[] a = new int[size];
            for (int i = 0; i < size; i++) {
                a[i] = values.get(i) == null ? 0 : (Integer) values.get(i);
            }
            return new Column.Int32(ValueType.INT32, a, nullBits);
        }
        if (type == Long.class) {
            long[] a = new long[size];
            for (int i = 0; i < size; i++) {
                a[i] = values.get(i) == null ? 0 : (Long) values.get(i);
            }
            return new Column.Int64(ValueType.INT64, a, nullBits);
        }
        if (type == Double.class) {
            double[] a = new double[size];
            for (int i = 0; i < size; i++) {
                a[i] = values.get(i) == null ? 0 : (Double) values.get(i);
            }
            return new Column.Float64(a, nullBits);
        }
        if (type == Float.class) {
            float[] a = new float[size];
            for (int i = 0; i < size; i++) {
                a[i] = values.get(i) == null ? 0 : (Float) values.get(i);
            }
            return new Column.Float32(a, nullBits);
        }
        if (type == Boolean.class) {
            BitSet bits = new BitSet(size);
            for (int i = 0; i < size; i++) {
                if (Boolean.TRUE.equals(values.get(i))) {
                    bits.set(i);
                }
            }
            return new Column.Bool(bits, size, nullBits);
        }
        return Column.ofObjects(ValueType.STRING, values.toArray());
    }
}
