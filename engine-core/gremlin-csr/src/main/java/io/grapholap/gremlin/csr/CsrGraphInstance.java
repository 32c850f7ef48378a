package io.grapholap.gremlin.csr;

import io.grapholap.application.graph.AlgorithmCalls;
import io.grapholap.application.graph.AlgorithmResult;
import io.grapholap.application.graph.Column;
import io.grapholap.application.graph.GraphInstance;
import io.grapholap.application.graph.GraphSchema;
import io.grapholap.application.graph.GraphStatistics;
import io.grapholap.application.graph.QueryLimits;
import io.grapholap.application.graph.QueryResult;
import io.grapholap.application.graph.Table;
import io.grapholap.application.graph.algo.AlgorithmDefinition;
import io.grapholap.domain.error.ConflictException;
import io.grapholap.domain.error.NotFoundException;
import io.grapholap.domain.error.ValidationException;
import io.grapholap.graph.csr.ComputePool;
import io.grapholap.graph.csr.CsrBacked;
import io.grapholap.graph.csr.CsrGraph;
import io.grapholap.cypher.csr.CypherRunner;
import io.grapholap.graph.csr.EdgeType;
import io.grapholap.graph.csr.PropertyIndexes;
import io.grapholap.graph.csr.VertexLabel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The host side of a loaded snapshot that every engine shares: a {@link CsrGraph} serving the
 * schema, statistics, node and edge tables, read-only Gremlin and stored algorithm properties, and
 * the {@link ComputePool} of the instance (its {@code cpu_cores}), on which its queries and its
 * kernels run. Engines extend it with their algorithms. Reads are thread-safe; {@link #storeVertexProperty}
 * publishes a new graph view (sharing the CSR arrays) that later calls read while running queries
 * finish on the old one; {@link #close()} drops the graph so its memory can be reclaimed.
 */
public abstract class CsrGraphInstance implements GraphInstance, CsrBacked {

    /** Most vertex properties {@link #storeVertexProperty} keeps per instance (each costs a column per label). */
    public static final int MAX_STORED_PROPERTIES = 16;

    private static final Pattern PROPERTY_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    private static final Set<String> RESERVED = Set.of("id", "label", "key");

    /**
     * The graph and its Gremlin executor, replaced together when a property is stored: a running
     * query keeps the view it started with, later calls see the new columns.
     */
    private record View(CsrGraph graph, GremlinExecutor gremlin, CypherRunner cypher) {
    }

    private volatile View view;
    private final ComputePool threads;
    /** Equality indexes of the property columns, shared by Gremlin and Cypher and by every view. */
    private final PropertyIndexes indexes = new PropertyIndexes();
    private final Set<String> snapshotProperties;
    private final Set<String> storedProperties = new LinkedHashSet<>();

    /** An instance over {@code graph} that owns {@code threads} (closed with it). */
    protected CsrGraphInstance(CsrGraph graph, ComputePool threads) {
        this.view = new View(graph, null, null);
        this.threads = threads;
        Set<String> names = new HashSet<>();
        for (VertexLabel l : graph.labels()) {
            names.addAll(l.properties().keySet());
        }
        this.snapshotProperties = Set.copyOf(names);
    }

    /** The threads of this instance: its kernels' loops and its queries run there. */
    public ComputePool threads() {
        return threads;
    }

    /** The loaded graph, as the last stored property left it. */
    public CsrGraph graph() {
        return open().graph();
    }

    /** {@link #graph()}, for another engine that runs an algorithm over it. */
    @Override
    public CsrGraph hostGraph() {
        return graph();
    }

    @Override
    public ComputePool hostThreads() {
        return threads;
    }

    private View open() {
        View v = view;
        if (v == null) {
            throw ConflictException.invalidState("graph instance is closed", Map.of());
        }
        return v;
    }

    @Override
    public GraphStatistics statistics() {
        return graph().statistics();
    }

    @Override
    public GraphSchema schema() {
        CsrGraph g = graph();
        List<GraphSchema.Label> labels = new ArrayList<>();
        for (VertexLabel l : g.labels()) {
            labels.add(new GraphSchema.Label(l.name(), l.count(), l.keys().type(), properties(l.properties())));
        }
        List<GraphSchema.EdgeType> types = new ArrayList<>();
        for (EdgeType t : g.edgeTypes()) {
            types.add(new GraphSchema.EdgeType(t.name(), t.fromLabel(), t.toLabel(), t.count(), properties(t.properties())));
        }
        return new GraphSchema(labels, types);
    }

    private static List<GraphSchema.Property> properties(Map<String, Column> columns) {
        List<GraphSchema.Property> out = new ArrayList<>();
        columns.forEach((name, c) -> out.add(new GraphSchema.Property(name, c.type())));
        return out;
    }

    @Override
    public QueryResult gremlin(String query, Map<String, Object> bindings, QueryLimits limits) {
        return executor().execute(query, bindings == null ? Map.of() : bindings,
                limits == null ? QueryLimits.defaults() : limits);
    }

    /**
     * The TinkerPop graph over the current view, the one HTTP queries read too (so both share its
     * equality indexes); Gremlin driver requests traverse it on {@link #threads()}.
     */
    public CsrGremlinGraph gremlinGraph() {
        return executor().graph();
    }

    private GremlinExecutor executor() {
        GremlinExecutor executor = open().gremlin();
        if (executor == null) {
            synchronized (this) {
                View v = open();
                executor = v.gremlin();
                if (executor == null) {
                    executor = new GremlinExecutor(new CsrGremlinGraph(v.graph(), indexes), threads.queries());
                    view = new View(v.graph(), executor, v.cypher());
                }
            }
        }
        return executor;
    }

    @Override
    public QueryResult cypher(String query, Map<String, Object> parameters, QueryLimits limits, AlgorithmCalls calls) {
        CypherRunner runner = open().cypher();
        if (runner == null) {
            synchronized (this) {
                View v = open();
                runner = v.cypher();
                if (runner == null) {
                    runner = new CypherRunner(v.graph(), indexes, threads.queries());
                    view = new View(v.graph(), v.gremlin(), runner);
                }
            }
        }
        return runner.execute(query, parameters, limits, calls);
    }

    @Override
    public synchronized void storeVertexProperty(String property, AlgorithmResult result, String column) {
        if (property == null || !PROPERTY_NAME.matcher(property).matches() || RESERVED.contains(property)) {
            throw new ValidationException("mutate_property", "property name must be a letter or '_' followed by up to 63 "
                    + "letters, digits or '_' (not id, label or key), got '" + property + "'");
        }
        if (snapshotProperties.contains(property)) {
            throw new ValidationException("mutate_property", "'" + property + "' is a vertex property of the snapshot; "
                    + "choose another name");
        }
        if (!storedProperties.contains(property) && storedProperties.size() >= MAX_STORED_PROPERTIES) {
            throw new ValidationException("mutate_property", "this instance already stores " + MAX_STORED_PROPERTIES
                    + " algorithm properties " + storedProperties + "; overwrite one of them");
        }
        View v = open();
        CsrGraph g = v.graph();
        if (!result.columns().contains(column) || AlgorithmDefinition.VERTEX_COLUMNS.contains(column)) {
            throw new ValidationException("mode", "result of " + result.algorithm() + " has no value column '" + column + "'");
        }
        if (result.rowCount() != g.vertexCount() || !result.columns().getFirst().equals("id")) {
            throw new ValidationException("mode", "result of " + result.algorithm() + " has " + result.rowCount()
                    + " rows for " + g.vertexCount() + " vertices: only a result with one row per vertex can be stored");
        }
        Column values = result.column(column);
        List<VertexLabel> labels = new ArrayList<>();
        for (VertexLabel l : g.labels()) {
            Map<String, Column> properties = new LinkedHashMap<>(l.properties());
            properties.put(property, slice(values, l.start(), l.count()));
            labels.add(new VertexLabel(l.code(), l.name(), l.start(), l.count(), l.keys(), properties));
        }
        view = new View(g.withLabels(labels), null, null);
        storedProperties.add(property);
    }

    /** Rows {@code from .. from+count-1} of {@code c} as a column of their own (the column itself when it is all of it). */
    public static Column slice(Column c, int from, int count) {
        if (from == 0 && count == c.size()) {
            return c;
        }
        int to = from + count;
        return switch (c) {
            case Column.Int64 l -> new Column.Int64(l.type(), Arrays.copyOfRange(l.values(), from, to), slice(l.nulls(), from, to));
            case Column.Int32 i -> new Column.Int32(i.type(), Arrays.copyOfRange(i.values(), from, to), slice(i.nulls(), from, to));
            case Column.Float64 d -> new Column.Float64(Arrays.copyOfRange(d.values(), from, to), slice(d.nulls(), from, to));
            case Column.Float32 f -> new Column.Float32(Arrays.copyOfRange(f.values(), from, to), slice(f.nulls(), from, to));
            case Column.Bool b -> new Column.Bool(b.values().get(from, to), count, slice(b.nulls(), from, to));
            case Column.Boxed o -> new Column.Boxed(o.type(), Arrays.copyOfRange(o.values(), from, to));
            case Column.OfVertices v -> v.materialize(from, to);
        };
    }

    private static BitSet slice(BitSet nulls, int from, int to) {
        return nulls == null ? null : nulls.get(from, to);
    }

    /**
     * The vertices of {@code label}: {@code id} (identity {@code "Label:key"}), {@code key} (the original
     * key in its own type), then the properties.
     */
    @Override
    public Table nodes(String label) {
        CsrGraph g = graph();
        VertexLabel l = g.label(label);
        if (l == null) {
            throw new NotFoundException("label", label);
        }
        int start = l.start();
        Map<String, Column> columns = new LinkedHashMap<>();
        columns.put("id", new Column.OfVertices(local -> g.vertexIdentity(start + local), null, l.count()));
        columns.put("key", l.keys().asColumn());
        columns.putAll(l.properties());
        return new Table(label, columns.keySet().stream().toList(), columns.values().stream().toList(), l.count());
    }

    /** The edges of {@code type}: {@code from} and {@code to} (endpoint identities), then the properties. */
    @Override
    public Table edges(String type) {
        CsrGraph g = graph();
        EdgeType t = g.edgeType(type);
        if (t == null) {
            throw new NotFoundException("edge type", type);
        }
        int rows = Math.toIntExact(t.count());
        int[] from = new int[rows];
        int[] to = new int[rows];
        int[] edgeRows = g.outEdgeRows();
        BitSet seen = g.isDirected() || edgeRows == null ? null : new BitSet(rows);
        int next = 0;
        for (int v = 0; v < g.vertexCount(); v++) {
            for (int arc = g.outStart(v), end = g.outEnd(v); arc < end; arc++) {
                if (g.outEdgeType(arc) != t.code()) {
                    continue;
                }
                int w = g.outTarget(arc);
                int row;
                if (edgeRows != null) {
                    row = (int) (edgeRows[arc] - t.rowBase());
                    if (seen != null) {
                        if (seen.get(row)) {
                            continue;
                        }
                        seen.set(row);
                    }
                } else {
                    if (!g.isDirected() && w < v) {
                        continue;
                    }
                    row = next++;
                }
                from[row] = v;
                to[row] = w;
            }
        }
        Map<String, Column> columns = new LinkedHashMap<>();
        columns.put("from", new Column.OfVertices(g::vertexIdentity, from, rows));
        columns.put("to", new Column.OfVertices(g::vertexIdentity, to, rows));
        columns.putAll(t.properties());
        return new Table(type, columns.keySet().stream().toList(), columns.values().stream().toList(), rows);
    }

    @Override
    public void setParallelism(int cores) {
        if (cores < 1) {
            throw new ValidationException("cpu_cores", "parallelism must be at least 1, got " + cores);
        }
        threads.resize(cores);
    }

    @Override
    public int parallelism() {
        return threads.threads();
    }

    /** Drops the graph and stops this instance's threads (queries still running are interrupted). */
    @Override
    public void close() {
        view = null;
        threads.close();
    }
}
