package io.grapholap.cypher.csr;

import io.grapholap.application.graph.Column;
import io.grapholap.application.graph.ValueType;
import io.grapholap.cypher.eval.CypherGraph;
import io.grapholap.graph.csr.CsrGraph;
import io.grapholap.graph.csr.EdgeType;
import io.grapholap.graph.csr.PropertyIndexes;
import io.grapholap.graph.csr.VertexLabel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * A loaded {@link CsrGraph} as the Cypher executor reads it, in place: nothing is copied.
 *
 * <p>Nodes are dense vertex ids; each has its one label, and its identity ({@code id()}) is
 * {@code "Label:key"} (docs/identity.md). Relationships are handles {@code source << 32 | arc}, where
 * {@code arc} is the edge's out-arc at its source, so both ends of an edge name it alike; its identity is
 * the Gremlin edge id (its edge row when edges carry properties, else that out-arc). As in Gremlin, an
 * undirected graph shows each edge once, directed from the smaller dense id to the larger.
 *
 * <p>Property values read in the query's value model: integers as {@link Long}, floats as
 * {@link Double}, DATE as an ISO date string, TIMESTAMP as an ISO instant string.
 *
 * <p>Walking incoming relationships needs each in-arc's out-arc; that map (4 bytes per arc) is built on
 * the first such walk and kept. Thread-safe: everything else is immutable.
 */
public final class CsrCypherGraph implements CypherGraph {

    private final CsrGraph csr;
    private final PropertyIndexes indexes;
    private final List<List<String>> labelLists = new ArrayList<>();
    private final Map<String, Integer> typeCodes = new HashMap<>();
    private final String[] typeNames;
    private final EdgeType[] types;
    private volatile int[] canonicalArcs;

    public CsrCypherGraph(CsrGraph csr, PropertyIndexes indexes) {
        this.csr = Objects.requireNonNull(csr, "csr");
        this.indexes = Objects.requireNonNull(indexes, "indexes");
        for (VertexLabel l : csr.labels()) {
            labelLists.add(List.of(l.name()));
        }
        List<EdgeType> all = csr.edgeTypes();
        typeNames = new String[all.size()];
        types = new EdgeType[all.size()];
        for (EdgeType t : all) {
            typeNames[t.code()] = t.name();
            types[t.code()] = t;
            typeCodes.put(t.name(), t.code());
        }
    }

    public CsrGraph csr() {
        return csr;
    }

    // ---- nodes ----

    @Override
    public List<String> labels(long node) {
        return labelLists.get(csr.vertexLabel((int) node));
    }

    @Override
    public Object nodeProperty(long node, String key) {
        VertexLabel l = csr.labels().get(csr.vertexLabel((int) node));
        Column c = l.properties().get(key);
        return c == null ? null : value(c, (int) node - l.start());
    }

    @Override
    public Map<String, Object> nodeProperties(long node) {
        VertexLabel l = csr.labels().get(csr.vertexLabel((int) node));
        Map<String, Object> out = new LinkedHashMap<>();
        int row = (int) node - l.start();
        l.properties().forEach((name, c) -> {
            Object v = value(c, row);
            if (v != null) {
                out.put(name, v);
            }
        });
        return out;
    }

    @Override
    public Object nodeIdentity(long node) {
        return csr.vertexIdentity((int) node);
    }

    @Override
    public void forEachNode(LongConsumer node) {
        for (int v = 0, n = csr.vertexCount(); v < n; v++) {
            node.accept(v);
        }
    }

    @Override
    public void forEachNodeWithLabel(String label, LongConsumer node) {
        VertexLabel l = csr.label(label);
        if (l != null) {
            for (int v = l.start(), end = l.end(); v < end; v++) {
                node.accept(v);
            }
        }
    }

    /**
     * The nodes of {@code label} whose property {@code key} equals {@code value}, from the equality index
     * (none when the label or property does not exist); {@code null} when the property cannot be looked
     * up that way (its type has no index, or the value is of another numeric kind than the column, where
     * Cypher's equality is wider than the index's) and the label must be scanned.
     */
    @Override
    public long[] nodesWithProperty(String label, String key, Object value) {
        VertexLabel l = csr.label(label);
        if (l == null) {
            return new long[0];
        }
        Column c = l.properties().get(key);
        if (c == null) {
            return new long[0];
        }
        boolean indexable = switch (c.type()) {
            case INT32, INT64 -> value instanceof Long;
            case DOUBLE -> value instanceof Double;
            case STRING -> value instanceof String;
            default -> false;
        };
        if (!indexable) {
            return null;
        }
        int[] rows = indexes.rows(c, value);
        if (rows == null) {
            return null;
        }
        long[] nodes = new long[rows.length];
        for (int i = 0; i < rows.length; i++) {
            nodes[i] = l.start() + rows[i];
        }
        return nodes;
    }

    /**
     * Scans a numeric property column of {@code label} with a primitive comparison (INT32, INT64, DOUBLE
     * and FLOAT columns against a number): null rows and rows that fail are skipped; NaN fails every
     * comparison, as in Cypher. Other columns and values are left to the caller's scan.
     */
    @Override
    public boolean forEachNodeWithLabelWhere(String label, String key, Comparison op, Object value, LongConsumer node) {
        VertexLabel l = csr.label(label);
        if (l == null || !(value instanceof Number number)) {
            return false;
        }
        Column c = l.properties().get(key);
        double bound = number.doubleValue();
        int start = l.start();
        switch (c) {
            case Column.Float64 d -> {
                double[] values = d.values();
                for (int row = 0; row < values.length; row++) {
                    if (passes(values[row], op, bound) && !d.isNull(row)) {
                        node.accept(start + row);
                    }
                }
            }
            case Column.Int64 i when value instanceof Long && i.type() == ValueType.INT64 -> {
                long[] values = i.values();
                long exact = (Long) value;
                for (int row = 0; row < values.length; row++) {
                    if (passes(Long.compare(values[row], exact), op) && !i.isNull(row)) {
                        node.accept(start + row);
                    }
                }
            }
            case Column.Int32 i when value instanceof Long && (i.type() == ValueType.INT32) -> {
                int[] values = i.values();
                long exact = (Long) value;
                for (int row = 0; row < values.length; row++) {
                    if (passes(Long.compare(values[row], exact), op) && !i.isNull(row)) {
                        node.accept(start + row);
                    }
                }
            }
            case null, default -> {
                return false;
            }
        }
        return true;
    }

    private static boolean passes(double v, Comparison op, double bound) {
        return switch (op) {
            case LT -> v < bound;
            case LTE -> v <= bound;
            case GT -> v > bound;
            case GTE -> v >= bound;
        };
    }

    private static boolean passes(int compared, Comparison op) {
        return switch (op) {
            case LT -> compared < 0;
            case LTE -> compared <= 0;
            case GT -> compared > 0;
            case GTE -> compared >= 0;
        };
    }

    /** The node whose identity ({@code "Label:key"}, docs/identity.md) is {@code identity}, through the key index; or -1. */
    @Override
    public long nodeWithIdentity(Object identity) {
        if (!(identity instanceof String s)) {
            return -1;
        }
        int v = csr.find(s).vertex();
        return v >= 0 && csr.vertexIdentity(v).equals(s) ? v : -1;
    }

    // ---- relationships ----

    private static int arcOf(long relationship) {
        return (int) relationship;
    }

    private static long handle(int source, int arc) {
        return ((long) source << 32) | (arc & 0xFFFFFFFFL);
    }

    @Override
    public String type(long relationship) {
        return typeNames[csr.outEdgeType(arcOf(relationship))];
    }

    @Override
    public Object relationshipProperty(long relationship, String key) {
        int arc = arcOf(relationship);
        EdgeType t = types[csr.outEdgeType(arc)];
        Column c = t.properties().get(key);
        int[] rows = csr.outEdgeRows();
        return c == null || rows == null ? null : value(c, (int) (rows[arc] - t.rowBase()));
    }

    @Override
    public Map<String, Object> relationshipProperties(long relationship) {
        int arc = arcOf(relationship);
        EdgeType t = types[csr.outEdgeType(arc)];
        int[] rows = csr.outEdgeRows();
        Map<String, Object> out = new LinkedHashMap<>();
        if (rows != null) {
            int row = (int) (rows[arc] - t.rowBase());
            t.properties().forEach((name, c) -> {
                Object v = value(c, row);
                if (v != null) {
                    out.put(name, v);
                }
            });
        }
        return out;
    }

    @Override
    public Object relationshipIdentity(long relationship) {
        int[] rows = csr.outEdgeRows();
        int arc = arcOf(relationship);
        return rows == null ? (long) arc : (long) rows[arc];
    }

    @Override
    public long startNode(long relationship) {
        return relationship >>> 32;
    }

    @Override
    public long endNode(long relationship) {
        return csr.outTarget(arcOf(relationship));
    }

    /** The edge type code of {@code name}, or -1 when the graph has no such type. */
    private int typeCode(String name) {
        Integer code = typeCodes.get(name);
        return code == null ? -1 : code;
    }

    @Override
    public void forEachRelationship(long node, boolean outgoing, boolean incoming, List<String> types,
                                    RelationshipConsumer consumer) {
        boolean[] accepted = null;
        if (!types.isEmpty()) {
            accepted = new boolean[typeNames.length];
            boolean any = false;
            for (String t : types) {
                int code = typeCode(t);
                if (code >= 0) {
                    accepted[code] = true;
                    any = true;
                }
            }
            if (!any) {
                return;
            }
        }
        int v = (int) node;
        boolean directed = csr.isDirected();
        if (outgoing) {
            for (int arc = csr.outStart(v), end = csr.outEnd(v); arc < end; arc++) {
                int w = csr.outTarget(arc);
                if ((directed || w >= v) && (accepted == null || accepted[csr.outEdgeType(arc)])) {
                    consumer.accept(handle(v, arc), w);
                }
            }
        }
        if (!incoming) {
            return;
        }
        int[] canonical = canonicalArcs();
        if (directed) {
            for (int in = csr.inStart(v), end = csr.inEnd(v); in < end; in++) {
                int u = csr.inSource(in);
                if ((outgoing && u == v) || (accepted != null && !accepted[csr.inEdgeType(in)])) {
                    continue;
                }
                consumer.accept(handle(u, canonical[in]), u);
            }
        } else {
            for (int arc = csr.outStart(v), end = csr.outEnd(v); arc < end; arc++) {
                int u = csr.outTarget(arc);
                if (u > v || (outgoing && u == v) || (accepted != null && !accepted[csr.outEdgeType(arc)])) {
                    continue;
                }
                consumer.accept(u == v ? handle(v, arc) : handle(u, canonical[arc]), u);
            }
        }
    }

    /**
     * For a directed graph, the out-arc of every in-arc; for an undirected one, the arc at the smaller end
     * of every arc that points to a smaller vertex. Built once, on first use.
     */
    private int[] canonicalArcs() {
        int[] map = canonicalArcs;
        if (map == null) {
            synchronized (this) {
                map = canonicalArcs;
                if (map == null) {
                    map = pairArcs();
                    canonicalArcs = map;
                }
            }
        }
        return map;
    }

    /**
     * Pairs the two arcs of each edge in O(arcs log degree). The far arcs (directed: every out-arc
     * {@code u → w}; undirected: those with {@code w > u}) are bucketed by {@code w}, in ascending
     * {@code u}; the near arcs of each {@code w} (its in-arcs; or its arcs to smaller vertices) are sorted
     * by their other end; the two are zipped. Within one pair of vertices, arcs pair by edge row when
     * edges have rows, else the arcs of each type in order (parallel edges without rows differ only by
     * id, so that is exact up to swapping indistinguishable edges).
     */
    private int[] pairArcs() {
        boolean directed = csr.isDirected();
        int n = csr.vertexCount();
        int[] start = new int[n + 1];
        for (int u = 0; u < n; u++) {
            for (int arc = csr.outStart(u), end = csr.outEnd(u); arc < end; arc++) {
                int w = csr.outTarget(arc);
                if (directed || w > u) {
                    start[w + 1]++;
                }
            }
        }
        for (int w = 0; w < n; w++) {
            start[w + 1] += start[w];
        }
        int[] far = new int[start[n]];
        int[] farSource = new int[start[n]];
        int[] fill = java.util.Arrays.copyOf(start, n);
        for (int u = 0; u < n; u++) {
            for (int arc = csr.outStart(u), end = csr.outEnd(u); arc < end; arc++) {
                int w = csr.outTarget(arc);
                if (directed || w > u) {
                    farSource[fill[w]] = u;
                    far[fill[w]++] = arc;
                }
            }
        }
        int[] map = new int[csr.arcCount()];
        int[] outRows = csr.outEdgeRows();
        int[] nearRows = directed ? csr.inEdgeRows() : outRows;
        boolean byRow = outRows != null && nearRows != null;
        long[] near = new long[16];
        for (int w = 0; w < n; w++) {
            int from = directed ? csr.inStart(w) : csr.outStart(w);
            int to = directed ? csr.inEnd(w) : csr.outEnd(w);
            int count = 0;
            for (int a = from; a < to; a++) {
                int u = directed ? csr.inSource(a) : csr.outTarget(a);
                if (directed || u < w) {
                    if (count == near.length) {
                        near = java.util.Arrays.copyOf(near, count * 2);
                    }
                    near[count++] = ((long) u << 32) | (a - from);
                }
            }
            java.util.Arrays.sort(near, 0, count);
            int f = start[w];
            int i = 0;
            while (i < count) {
                int u = (int) (near[i] >>> 32);
                int j = i;
                while (j < count && (int) (near[j] >>> 32) == u) {
                    j++;
                }
                while (f < start[w + 1] && farSource[f] < u) {
                    f++;
                }
                int g = f;
                while (g < start[w + 1] && farSource[g] == u) {
                    g++;
                }
                for (int k = i; k < j; k++) {
                    int a = from + (int) near[k];
                    int type = directed ? csr.inEdgeType(a) : csr.outEdgeType(a);
                    for (int x = f; x < g; x++) {
                        if (far[x] >= 0 && (byRow ? outRows[far[x]] == nearRows[a] : csr.outEdgeType(far[x]) == type)) {
                            map[a] = far[x];
                            far[x] = -1;
                            break;
                        }
                    }
                }
                f = g;
                i = j;
            }
        }
        return map;
    }

    // ---- values ----

    /** Row {@code row} of {@code c} in the query's value model (see the class note). */
    static Object value(Column c, int row) {
        Object v = c.get(row);
        if (v == null) {
            return null;
        }
        ValueType type = c.type();
        return switch (type) {
            case DATE -> LocalDate.ofEpochDay(((Number) v).longValue()).toString();
            case TIMESTAMP -> Instant.EPOCH.plusNanos(Math.multiplyExact(((Number) v).longValue(), 1000L)).toString();
            default -> io.grapholap.cypher.eval.Values.of(v);
        };
    }
}
