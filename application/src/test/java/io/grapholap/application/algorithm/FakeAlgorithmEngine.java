package io.grapholap.application.algorithm;

import io.grapholap.application.graph.AlgorithmResult;
import io.grapholap.application.graph.CancellationToken;
import io.grapholap.application.graph.Column;
import io.grapholap.application.graph.EngineInfo;
import io.grapholap.application.graph.ExecutionContext;
import io.grapholap.application.graph.GraphEngine;
import io.grapholap.application.graph.GraphInstance;
import io.grapholap.application.graph.GraphSchema;
import io.grapholap.application.graph.GraphStatistics;
import io.grapholap.application.graph.LoadOptions;
import io.grapholap.application.graph.MemoryEstimate;
import io.grapholap.application.graph.ProgressListener;
import io.grapholap.application.graph.QueryLimits;
import io.grapholap.application.graph.QueryResult;
import io.grapholap.application.graph.Table;
import io.grapholap.application.graph.algo.AlgorithmParams;
import io.grapholap.application.graph.algo.ParamSpec;
import io.grapholap.domain.error.UnavailableException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An engine for the algorithm use-case tests: it runs the algorithms it is given, declares the options
 * it is given, and can run over the graphs of the engines it is told to. A run answers one row per
 * vertex (ids 0..n-1, value 1.0 each) and remembers its parameters and context; it blocks while
 * {@link #gate} is closed. Real kernels are covered by the engines' own tests.
 */
public final class FakeAlgorithmEngine implements GraphEngine {

    final String name;
    final Set<String> algorithms;
    final Map<String, List<ParamSpec>> options;
    final Set<String> runsOver;
    boolean available = true;
    public final List<String> ran = new ArrayList<>();
    volatile ExecutionContext lastContext;
    public final java.util.concurrent.Semaphore gate = new java.util.concurrent.Semaphore(Integer.MAX_VALUE);

    public FakeAlgorithmEngine(String name, Set<String> algorithms, Map<String, List<ParamSpec>> options,
                               Set<String> runsOver) {
        this.name = name;
        this.algorithms = algorithms;
        this.options = options;
        this.runsOver = runsOver;
    }

    @Override
    public EngineInfo info() {
        return new EngineInfo(name, available, available ? null : "switched off", 1, 0, Map.of(),
                List.copyOf(algorithms), options);
    }

    @Override
    public MemoryEstimate estimate(Path snapshotDir, LoadOptions options) {
        return new MemoryEstimate(1, 1, 0, Map.of());
    }

    @Override
    public GraphInstance load(Path snapshotDir, LoadOptions options, ProgressListener progress, CancellationToken cancel) {
        return graph(6);
    }

    public Graph graph(int vertices) {
        return new Graph(vertices);
    }

    @Override
    public boolean canRunOver(GraphInstance instance) {
        return instance instanceof Graph g && runsOver.contains(g.engine());
    }

    @Override
    public AlgorithmResult runOver(GraphInstance instance, AlgorithmParams params, ExecutionContext ctx) {
        return compute(((Graph) instance).vertices, params, ctx);
    }

    AlgorithmResult compute(int vertices, AlgorithmParams params, ExecutionContext ctx) {
        if (!algorithms.contains(params.algorithm())) {
            throw new UnavailableException("ALGORITHM_NOT_SUPPORTED_ON_ENGINE", name + " does not run "
                    + params.algorithm(), Map.of());
        }
        gate.acquireUninterruptibly();
        gate.release();
        ctx.cancel().throwIfCancelled(params.algorithm());
        lastContext = ctx;
        synchronized (ran) {
            ran.add(params.algorithm());
        }
        long[] ids = new long[vertices];
        double[] values = new double[vertices];
        for (int v = 0; v < vertices; v++) {
            ids[v] = v;
            values[v] = 1.0;
        }
        return new AlgorithmResult(params.algorithm(), name, List.of("id", params.definition().valueColumn()),
                List.of(Column.ofLongs(ids), Column.ofDoubles(values)), Map.of("params", params.toString()));
    }

    /** A graph of this engine: {@code vertices} vertices and as many edges, directed. */
    public final class Graph implements GraphInstance {
        final int vertices;
        final List<String> stored = new ArrayList<>();

        Graph(int vertices) {
            this.vertices = vertices;
        }

        @Override
        public String engine() {
            return name;
        }

        @Override
        public GraphStatistics statistics() {
            return new GraphStatistics(vertices, vertices, true, Map.of(), Map.of(), 0, 0);
        }

        @Override
        public GraphSchema schema() {
            throw new UnsupportedOperationException("not used by the algorithm use cases");
        }

        @Override
        public AlgorithmResult run(AlgorithmParams params, ExecutionContext ctx) {
            return compute(vertices, params, ctx);
        }

        @Override
        public QueryResult gremlin(String query, Map<String, Object> bindings, QueryLimits limits) {
            throw new UnsupportedOperationException("not used by the algorithm use cases");
        }

        @Override
        public Table nodes(String label) {
            throw new UnsupportedOperationException("not used by the algorithm use cases");
        }

        @Override
        public Table edges(String type) {
            throw new UnsupportedOperationException("not used by the algorithm use cases");
        }

        @Override
        public void storeVertexProperty(String property, AlgorithmResult result, String column) {
            stored.add(property);
        }

        @Override
        public void setParallelism(int threads) {
        }

        @Override
        public int parallelism() {
            return 2;
        }

        @Override
        public void close() {
        }
    }
}
