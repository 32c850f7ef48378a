package io.grapholap.engine.cpu;

import io.grapholap.application.graph.AlgorithmResult;
import io.grapholap.application.graph.Column;
import io.grapholap.application.graph.ExecutionContext;
import io.grapholap.application.graph.GraphInstance;
import io.grapholap.application.graph.GraphStatistics;
import io.grapholap.application.graph.QueryLimits;
import io.grapholap.application.graph.QueryResult;
import io.grapholap.application.graph.Table;
import io.grapholap.application.graph.ValueType;
import io.grapholap.domain.error.ConflictException;
import io.grapholap.domain.error.NotFoundException;
import io.grapholap.domain.error.ValidationException;
import io.grapholap.engine.cpu.algo.CpuAlgorithms;
import io.grapholap.engine.cpu.graph.CsrGraph;
import io.grapholap.engine.cpu.graph.EdgeType;
import io.grapholap.engine.cpu.graph.VertexLabel;
import io.grapholap.engine.cpu.gremlin.GremlinExecutor;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A snapshot loaded by the CPU engine: a {@link CsrGraph} plus the parallelism setting. Reads are
 * thread-safe; {@link #close()} drops the graph so its memory can be reclaimed.
 */
public final class CpuGraphInstance implements GraphInstance {

    public static final String ENGINE = "cpu";

    private volatile CsrGraph graph;
    private volatile int parallelism;
    private volatile GremlinExecutor gremlin;

    public CpuGraphInstance(CsrGraph graph, int parallelism) {
        this.graph = graph;
        setParallelism(parallelism);
    }

    /** The loaded graph, for callers inside the CPU engine (bench, GPU upload). */
    public CsrGraph graph() {
        CsrGraph g = graph;
        if (g == null) {
            throw ConflictException.invalidState("graph instance is closed", Map.of());
        }
        return g;
    }

    @Override
    public String engine() {
        return ENGINE;
    }

    @Override
    public GraphStatistics statistics() {
        CsrGraph g = graph();
        Map<String, Long> perLabel = new LinkedHashMap<>();
        for (VertexLabel l : g.labels()) {
            perLabel.put(l.name(), (long) l.count());
        }
        Map<String, Long> perType = new LinkedHashMap<>();
        for (EdgeType t : g.edgeTypes()) {
            perType.put(t.name(), t.count());
        }
        return new GraphStatistics(g.vertexCount(), g.edgeCount(), g.isDirected(), perLabel, perType, g.bytesHeld(), 0);
    }

    @Override
    public AlgorithmResult runAlgorithm(String name, Map<String, Object> params, ExecutionContext ctx) {
        return CpuAlgorithms.run(graph(), name, params == null ? Map.of() : params,
                ctx == null ? ExecutionContext.of(parallelism) : ctx);
    }

    @Override
    public QueryResult gremlin(String query, Map<String, Object> bindings, QueryLimits limits) {
        GremlinExecutor executor = gremlin;
        if (executor == null) {
            synchronized (this) {
                executor = gremlin;
                if (executor == null) {
                    executor = new GremlinExecutor(graph());
                    gremlin = executor;
                }
            }
        }
        return executor.execute(query, bindings == null ? Map.of() : bindings,
                limits == null ? QueryLimits.defaults() : limits);
    }

    @Override
    public Table nodes(String label) {
        CsrGraph g = graph();
        VertexLabel l = g.label(label);
        if (l == null) {
            throw new NotFoundException("label", label);
        }
        Map<String, Column> columns = new LinkedHashMap<>();
        columns.put("id", l.keys().asColumn());
        columns.putAll(l.properties());
        return new Table(label, columns.keySet().stream().toList(), columns.values().stream().toList(), l.count());
    }

    @Override
    public Table edges(String type) {
        CsrGraph g = graph();
        EdgeType t = g.edgeType(type);
        if (t == null) {
            throw new NotFoundException("edge type", type);
        }
        int rows = Math.toIntExact(t.count());
        Object[] from = new Object[rows];
        Object[] to = new Object[rows];
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
                from[row] = g.vertexKey(v);
                to[row] = g.vertexKey(w);
            }
        }
        Map<String, Column> columns = new LinkedHashMap<>();
        columns.put("from", keyColumn(g, t.fromLabel(), from));
        columns.put("to", keyColumn(g, t.toLabel(), to));
        columns.putAll(t.properties());
        return new Table(type, columns.keySet().stream().toList(), columns.values().stream().toList(), rows);
    }

    private static Column keyColumn(CsrGraph g, String label, Object[] keys) {
        VertexLabel l = g.label(label);
        ValueType type = l == null ? ValueType.INT64 : l.keys().type();
        if (type.isLongBacked()) {
            long[] values = new long[keys.length];
            for (int i = 0; i < keys.length; i++) {
                values[i] = ((Number) keys[i]).longValue();
            }
            return new Column.Int64(type, values, null);
        }
        if (type.isIntBacked()) {
            int[] values = new int[keys.length];
            for (int i = 0; i < keys.length; i++) {
                values[i] = ((Number) keys[i]).intValue();
            }
            return new Column.Int32(type, values, null);
        }
        return Column.ofObjects(type, keys);
    }

    @Override
    public void setParallelism(int threads) {
        if (threads < 1) {
            throw new ValidationException("cpu_cores", "parallelism must be at least 1, got " + threads);
        }
        this.parallelism = threads;
    }

    @Override
    public int parallelism() {
        return parallelism;
    }

    @Override
    public void close() {
        graph = null;
        gremlin = null;
    }
}
