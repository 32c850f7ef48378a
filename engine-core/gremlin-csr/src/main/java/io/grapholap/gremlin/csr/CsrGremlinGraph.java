package io.grapholap.gremlin.csr;

import io.grapholap.application.graph.Column;
import io.grapholap.application.graph.ValueType;
import io.grapholap.application.graph.algo.VertexRef;
import io.grapholap.graph.csr.CsrGraph;
import io.grapholap.graph.csr.EdgeType;
import io.grapholap.graph.csr.PropertyIndexes;
import io.grapholap.graph.csr.ResultColumns;
import io.grapholap.graph.csr.VertexLabel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

import org.apache.commons.configuration2.BaseConfiguration;
import org.apache.commons.configuration2.Configuration;
import org.apache.tinkerpop.gremlin.process.computer.GraphComputer;
import org.apache.tinkerpop.gremlin.process.traversal.TraversalStrategies;
import org.apache.tinkerpop.gremlin.structure.Direction;
import org.apache.tinkerpop.gremlin.structure.Edge;
import org.apache.tinkerpop.gremlin.structure.Graph;
import org.apache.tinkerpop.gremlin.structure.Transaction;
import org.apache.tinkerpop.gremlin.structure.Vertex;
import org.apache.tinkerpop.gremlin.structure.util.StringFactory;

/**
 * A read-only Apache TinkerPop {@link Graph} over a loaded {@link CsrGraph}, read in place: nothing
 * is copied. Vertices and edges are flyweights made while a traversal walks the CSR arrays.
 *
 * <p>Ids: a vertex's id is its identity {@code "Label:key"} (docs/identity.md). {@code g.V(id)}
 * takes the identity, a map {@code {label, key}} or a bare key (integer keys also match decimal
 * strings) that one label holds, and yields at most one vertex per id; a key that several labels
 * hold is refused, naming them. An edge's id is a {@code Long}: its edge row id when edges carry
 * properties, otherwise the index of its out-arc.
 *
 * <p>Undirected graphs show each edge once, directed from the smaller dense vertex id to the larger;
 * {@code both()} therefore gives every neighbour once per edge.
 *
 * <p>Property columns of type LIST are multi-properties (list cardinality): each element is one
 * vertex property. DATE values read as {@link LocalDate}, TIMESTAMP values as {@link Date}.
 *
 * <p>Every mutation (adding or removing elements or properties, variables, transactions) throws
 * the standard TinkerPop "not supported" exception.
 *
 * <p>Safe for concurrent traversals: the engine graph is immutable and the only lazily built state
 * (the edge-row index used by {@code g.E(id)}) is published through a volatile field.
 */
public final class CsrGremlinGraph implements Graph {

    static {
        TraversalStrategies.GlobalCache.registerStrategies(CsrGremlinGraph.class,
                TraversalStrategies.GlobalCache.getStrategies(Graph.class).clone()
                        .addStrategies(CsrGraphStepStrategy.instance(), CsrCountStrategy.instance()));
    }

    private final CsrGraph csr;
    private final CsrFeatures features = new CsrFeatures(this);
    private final Configuration configuration = new BaseConfiguration();
    private final String[] labelNames;
    private final int[] labelStarts;
    private final String[] typeNames;
    private final Map<String, Integer> typeCodes = new HashMap<>();
    private final String[] vertexColumnNames;
    private final Map<String, Integer> vertexColumnIndex = new HashMap<>();
    private final Column[][] vertexColumns;
    private final boolean[] listColumns;
    private final boolean anyListColumn;
    private final String[] edgeColumnNames;
    private final Map<String, Integer> edgeColumnIndex = new HashMap<>();
    private final Column[][] edgeColumns;
    private final long[] typeRowBases;
    private volatile int[] rowToArc;
    private final PropertyIndexes indexes;

    public CsrGremlinGraph(CsrGraph csr) {
        this(csr, new PropertyIndexes());
    }

    /** A graph over {@code csr} whose property lookups use (and fill) {@code indexes}. */
    public CsrGremlinGraph(CsrGraph csr, PropertyIndexes indexes) {
        this.csr = Objects.requireNonNull(csr, "csr");
        this.indexes = Objects.requireNonNull(indexes, "indexes");
        List<VertexLabel> labels = csr.labels();
        labelNames = new String[labels.size()];
        labelStarts = new int[labels.size()];
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (VertexLabel l : labels) {
            labelNames[l.code()] = l.name();
            labelStarts[l.code()] = l.start();
            l.properties().keySet().forEach(k -> columns.putIfAbsent(k, columns.size()));
        }
        vertexColumnNames = columns.keySet().toArray(String[]::new);
        vertexColumnIndex.putAll(columns);
        vertexColumns = new Column[labels.size()][vertexColumnNames.length];
        listColumns = new boolean[vertexColumnNames.length];
        boolean anyList = false;
        for (VertexLabel l : labels) {
            for (var e : l.properties().entrySet()) {
                int c = columns.get(e.getKey());
                vertexColumns[l.code()][c] = e.getValue();
                if (e.getValue().type() == ValueType.LIST) {
                    listColumns[c] = true;
                    anyList = true;
                }
            }
        }
        anyListColumn = anyList;

        List<EdgeType> types = csr.edgeTypes();
        typeNames = new String[types.size()];
        typeRowBases = new long[types.size()];
        Map<String, Integer> edgeKeys = new LinkedHashMap<>();
        for (EdgeType t : types) {
            typeNames[t.code()] = t.name();
            typeCodes.put(t.name(), t.code());
            typeRowBases[t.code()] = t.rowBase();
            t.properties().keySet().forEach(k -> edgeKeys.putIfAbsent(k, edgeKeys.size()));
        }
        edgeColumnNames = edgeKeys.keySet().toArray(String[]::new);
        edgeColumnIndex.putAll(edgeKeys);
        edgeColumns = new Column[types.size()][edgeColumnNames.length];
        for (EdgeType t : types) {
            for (var e : t.properties().entrySet()) {
                edgeColumns[t.code()][edgeKeys.get(e.getKey())] = e.getValue();
            }
        }
    }

    /** The engine graph this structure reads. */
    public CsrGraph csr() {
        return csr;
    }

    // ---- Graph ----

    @Override
    public Vertex addVertex(Object... keyValues) {
        throw Graph.Exceptions.vertexAdditionsNotSupported();
    }

    @Override
    public <C extends GraphComputer> C compute(Class<C> graphComputerClass) {
        throw Graph.Exceptions.graphComputerNotSupported();
    }

    @Override
    public GraphComputer compute() {
        throw Graph.Exceptions.graphComputerNotSupported();
    }

    @Override
    public Iterator<Vertex> vertices(Object... vertexIds) {
        if (vertexIds.length == 0) {
            return new RangeVertexIterator(this, 0, csr.vertexCount());
        }
        List<Vertex> found = new ArrayList<>();
        for (Object id : vertexIds) {
            addVerticesWithId(found, id);
        }
        return found.iterator();
    }

    /**
     * Adds the vertex {@code id} names (docs/identity.md): a vertex, its identity {@code "Label:key"},
     * a map {@code {label, key}}, or a key that one label holds; nothing when none. A key that several
     * labels hold is a validation error on {@code query} listing them, never several vertices.
     */
    private void addVerticesWithId(List<Vertex> out, Object id) {
        if (id instanceof CsrVertex v && v.graph() == this) {
            out.add(v);
            return;
        }
        Object ref = id instanceof Vertex v ? v.id() : id instanceof Map<?, ?> m ? VertexRef.of("query", m) : id;
        if (ref == null) {
            return;
        }
        CsrGraph.Found found = csr.find(ref);
        if (found.isAmbiguous()) {
            throw ResultColumns.ambiguous("query", "vertex id " + ref, ref, found.ambiguous());
        }
        if (found.vertex() >= 0) {
            out.add(new CsrVertex(this, found.vertex()));
        }
    }

    @Override
    public Iterator<Edge> edges(Object... edgeIds) {
        if (edgeIds.length == 0) {
            return allEdges();
        }
        List<Edge> found = new ArrayList<>();
        for (Object id : edgeIds) {
            Object key = id instanceof Edge e ? e.id() : id;
            CsrEdge edge = edgeById(key);
            if (edge != null) {
                found.add(edge);
            }
        }
        return found.iterator();
    }

    @Override
    public <I extends org.apache.tinkerpop.gremlin.structure.io.Io> I io(
            org.apache.tinkerpop.gremlin.structure.io.Io.Builder<I> builder) {
        throw new UnsupportedOperationException("a loaded graph is read-only: io() is not supported");
    }

    @Override
    public Transaction tx() {
        throw Graph.Exceptions.transactionsNotSupported();
    }

    @Override
    public Variables variables() {
        throw Graph.Exceptions.variablesNotSupported();
    }

    @Override
    public Configuration configuration() {
        return configuration;
    }

    @Override
    public Features features() {
        return features;
    }

    @Override
    public void close() {
        // The engine graph belongs to the engine instance; closing this view releases nothing.
    }

    @Override
    public String toString() {
        return StringFactory.graphString(this, "vertices:" + csr.vertexCount() + " edges:" + csr.edgeCount());
    }

    // ---- vertices: labels, keys and properties ----

    int vertexCount() {
        return csr.vertexCount();
    }

    String vertexIdentity(int v) {
        return csr.vertexIdentity(v);
    }

    String vertexLabel(int v) {
        return labelNames[csr.vertexLabel(v)];
    }

    int labelCount() {
        return labelNames.length;
    }

    String labelName(int code) {
        return labelNames[code];
    }

    int labelStart(int code) {
        return labelStarts[code];
    }

    VertexLabel label(int code) {
        return csr.labels().get(code);
    }

    int vertexColumnCount() {
        return vertexColumnNames.length;
    }

    String vertexColumnName(int column) {
        return vertexColumnNames[column];
    }

    /** Index of the vertex property {@code key} over all labels, or -1. */
    int vertexColumn(String key) {
        Integer c = vertexColumnIndex.get(key);
        return c == null ? -1 : c;
    }

    /** The column of {@code label} for property index {@code column}, or {@code null}. */
    Column vertexColumn(int label, int column) {
        return vertexColumns[label][column];
    }

    /**
     * Ascending local rows of {@code label} whose property index {@code column} equals {@code value},
     * from the graph's {@link PropertyIndexes}; {@code null} when the column has no index and must be
     * scanned.
     */
    int[] equalityRows(int label, int column, Object value) {
        return indexes.rows(vertexColumns[label][column], value);
    }

    /** Bytes held by the equality indexes built so far (they are never dropped; the graph is read-only). */
    public long equalityIndexBytes() {
        return indexes.bytes();
    }

    boolean hasListVertexColumns() {
        return anyListColumn;
    }

    boolean isListVertexColumn(String key) {
        int c = vertexColumn(key);
        return c >= 0 && listColumns[c];
    }

    /** The values of property index {@code column} on vertex {@code v}: none, one, or (LIST) many. */
    List<Object> vertexValues(int v, int column) {
        int label = csr.vertexLabel(v);
        Column c = vertexColumns[label][column];
        if (c == null) {
            return List.of();
        }
        Object value = c.get(v - labelStarts[label]);
        if (value == null) {
            return List.of();
        }
        if (c.type() == ValueType.LIST) {
            List<Object> values = new ArrayList<>();
            for (Object element : (List<?>) value) {
                if (element != null) {
                    values.add(element);
                }
            }
            return values;
        }
        return List.of(toGremlin(c.type(), value));
    }

    /** A single column value as Gremlin sees it: DATE as LocalDate, TIMESTAMP as Date. */
    static Object toGremlin(ValueType type, Object value) {
        if (value == null) {
            return null;
        }
        return switch (type) {
            case DATE -> LocalDate.ofEpochDay((Integer) value);
            case TIMESTAMP -> new Date(Math.floorDiv((Long) value, 1000L));
            default -> value;
        };
    }

    // ---- edges: types, properties, ids ----

    String edgeTypeName(int code) {
        return typeNames[code];
    }

    int edgeTypeCount() {
        return typeNames.length;
    }

    /** A mask over edge type codes for {@code labels}; {@code null} means every type. */
    boolean[] edgeTypeFilter(String... labels) {
        if (labels.length == 0) {
            return null;
        }
        boolean[] mask = new boolean[typeNames.length];
        for (String label : labels) {
            Integer code = typeCodes.get(label);
            if (code != null) {
                mask[code] = true;
            }
        }
        return mask;
    }

    int edgeColumnCount() {
        return edgeColumnNames.length;
    }

    String edgeColumnName(int column) {
        return edgeColumnNames[column];
    }

    int edgeColumn(String key) {
        Integer c = edgeColumnIndex.get(key);
        return c == null ? -1 : c;
    }

    /** Value of edge property index {@code column} for the edge with global row {@code row} of type {@code type}. */
    Object edgeValue(int row, int type, int column) {
        if (row < 0) {
            return null;
        }
        Column c = edgeColumns[type][column];
        if (c == null) {
            return null;
        }
        return toGremlin(c.type(), c.get((int) (row - typeRowBases[type])));
    }

    /** The edge id of out-arc {@code arc}: its row when rows exist, otherwise the arc index. */
    long edgeIdOfOutArc(int arc) {
        int[] rows = csr.outEdgeRows();
        return rows == null ? arc : rows[arc];
    }

    /** Global edge row of out-arc {@code arc}, or -1 when edges have no rows. */
    int rowOfOutArc(int arc) {
        int[] rows = csr.outEdgeRows();
        return rows == null ? -1 : rows[arc];
    }

    CsrEdge edgeOfOutArc(int source, int arc) {
        return new CsrEdge(this, edgeIdOfOutArc(arc), rowOfOutArc(arc), source, csr.outTarget(arc), csr.outEdgeType(arc));
    }

    private CsrEdge edgeById(Object id) {
        long key;
        if (id instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            key = n.longValue();
        } else if (id instanceof String s) {
            try {
                key = Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        } else {
            return null;
        }
        int arc;
        if (csr.outEdgeRows() == null) {
            if (key < 0 || key >= csr.arcCount()) {
                return null;
            }
            arc = (int) key;
        } else {
            int[] index = rowIndex();
            if (key < 0 || key >= index.length || index[(int) key] < 0) {
                return null;
            }
            arc = index[(int) key];
        }
        int source = sourceOfArc(arc);
        if (!csr.isDirected() && csr.outTarget(arc) < source) {
            return null;
        }
        return edgeOfOutArc(source, arc);
    }

    /** Edge row → canonical out-arc, built on first lookup by edge id. */
    private int[] rowIndex() {
        int[] index = rowToArc;
        if (index == null) {
            int[] rows = csr.outEdgeRows();
            int max = -1;
            for (int r : rows) {
                max = Math.max(max, r);
            }
            index = new int[max + 1];
            Arrays.fill(index, -1);
            int[] offsets = csr.outOffsets();
            int[] targets = csr.outTargets();
            for (int v = 0; v < csr.vertexCount(); v++) {
                for (int arc = offsets[v]; arc < offsets[v + 1]; arc++) {
                    if (csr.isDirected() || targets[arc] >= v) {
                        index[rows[arc]] = arc;
                    }
                }
            }
            rowToArc = index;
        }
        return index;
    }

    private int sourceOfArc(int arc) {
        int[] offsets = csr.outOffsets();
        int lo = 0;
        int hi = csr.vertexCount() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (offsets[mid] <= arc) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        while (offsets[lo + 1] <= arc) {
            lo++;
        }
        return lo;
    }

    /**
     * The out-arc that stores in-arc {@code inArc} of vertex {@code v}, for graphs without edge rows:
     * the k-th arc from its source to {@code v} with the same type, where k counts the earlier
     * in-arcs of {@code v} from that source with that type. Parallel edges without rows differ only
     * by id, so the pairing is exact up to swapping indistinguishable edges.
     */
    private int outArcOfInArc(int v, int inArc) {
        int source = csr.inSource(inArc);
        int type = csr.inEdgeType(inArc);
        int k = 0;
        for (int a = csr.inStart(v); a < inArc; a++) {
            if (csr.inSource(a) == source && csr.inEdgeType(a) == type) {
                k++;
            }
        }
        for (int a = csr.outStart(source), end = csr.outEnd(source); a < end; a++) {
            if (csr.outTarget(a) == v && csr.outEdgeType(a) == type && k-- == 0) {
                return a;
            }
        }
        throw new IllegalStateException("in-arc " + inArc + " of vertex " + v + " has no matching out-arc");
    }

    // ---- adjacency iteration ----

    Iterator<Edge> incidentEdges(int v, Direction direction, boolean[] types) {
        return new ArcIterator<>(v, direction, types) {
            @Override
            Edge make(boolean out, int arc) {
                if (out) {
                    return edgeOfOutArc(v, arc);
                }
                int source = csr.inSource(arc);
                int[] inRows = csr.inEdgeRows();
                if (inRows != null) {
                    int row = inRows[arc];
                    return new CsrEdge(CsrGremlinGraph.this, row, row, source, v, csr.inEdgeType(arc));
                }
                return edgeOfOutArc(source, csr.isDirected() || source != v ? outArcOfInArc(v, arc) : arc);
            }
        };
    }

    Iterator<Vertex> adjacentVertices(int v, Direction direction, boolean[] types) {
        return new ArcIterator<>(v, direction, types) {
            @Override
            Vertex make(boolean out, int arc) {
                return new CsrVertex(CsrGremlinGraph.this, out ? csr.outTarget(arc) : csr.inSource(arc));
            }
        };
    }

    /**
     * Walks the out-arcs and then the in-arcs of one vertex lazily (so {@code limit} and early exits
     * stop reading), keeping the arcs that are edges in the asked direction with an accepted type.
     */
    private abstract class ArcIterator<T> implements Iterator<T> {
        private final int vertex;
        private final boolean[] types;
        private final boolean wantIn;
        private boolean inPhase;
        private int arc;
        private int end;
        private int found = -1;
        private boolean foundOut;

        ArcIterator(int vertex, Direction direction, boolean[] types) {
            this.vertex = vertex;
            this.types = types;
            this.wantIn = direction != Direction.OUT;
            if (direction == Direction.IN) {
                inPhase = true;
                arc = csr.inStart(vertex);
                end = csr.inEnd(vertex);
            } else {
                arc = csr.outStart(vertex);
                end = csr.outEnd(vertex);
            }
        }

        abstract T make(boolean out, int arc);

        private boolean advance() {
            while (true) {
                while (arc < end) {
                    int a = arc++;
                    if (!inPhase) {
                        if (isOutEdge(vertex, a) && (types == null || types[csr.outEdgeType(a)])) {
                            found = a;
                            foundOut = true;
                            return true;
                        }
                    } else if (isInEdge(vertex, csr.inSource(a)) && (types == null || types[csr.inEdgeType(a)])) {
                        found = a;
                        foundOut = false;
                        return true;
                    }
                }
                if (inPhase || !wantIn) {
                    return false;
                }
                inPhase = true;
                arc = csr.inStart(vertex);
                end = csr.inEnd(vertex);
            }
        }

        @Override
        public boolean hasNext() {
            return found >= 0 || advance();
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            int a = found;
            found = -1;
            return make(foundOut, a);
        }
    }

    /** Whether out-arc {@code arc} of {@code v} is an out-edge as Gremlin sees it (see the class note). */
    private boolean isOutEdge(int v, int arc) {
        return csr.isDirected() || csr.outTarget(arc) >= v;
    }

    private boolean isInEdge(int v, int source) {
        return csr.isDirected() || source <= v;
    }

    private Iterator<Edge> allEdges() {
        return new Iterator<>() {
            private int vertex = 0;
            private int arc = 0;
            private CsrEdge next = advance();

            private CsrEdge advance() {
                int n = csr.vertexCount();
                while (vertex < n) {
                    if (arc < csr.outEnd(vertex)) {
                        int a = arc++;
                        if (isOutEdge(vertex, a)) {
                            return edgeOfOutArc(vertex, a);
                        }
                    } else {
                        vertex++;
                    }
                }
                return null;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Edge next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                CsrEdge e = next;
                next = advance();
                return e;
            }
        };
    }

    /** Vertices of the dense id range {@code [from, to)}, made as they are read. */
    static final class RangeVertexIterator implements Iterator<Vertex> {
        private final CsrGremlinGraph graph;
        private final int to;
        private int next;

        RangeVertexIterator(CsrGremlinGraph graph, int from, int to) {
            this.graph = graph;
            this.next = from;
            this.to = to;
        }

        @Override
        public boolean hasNext() {
            return next < to;
        }

        @Override
        public Vertex next() {
            if (next >= to) {
                throw new NoSuchElementException();
            }
            return new CsrVertex(graph, next++);
        }
    }
}
