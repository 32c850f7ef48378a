package io.grapholap.engine.gpu;

import io.grapholap.application.graph.AlgorithmResult;
import io.grapholap.application.graph.ExecutionContext;
import io.grapholap.application.graph.algo.AlgorithmParams;
import io.grapholap.application.graph.GraphInstance;
import io.grapholap.application.graph.GraphSchema;
import io.grapholap.application.graph.GraphStatistics;
import io.grapholap.application.graph.QueryLimits;
import io.grapholap.application.graph.QueryResult;
import io.grapholap.application.graph.Table;
import io.grapholap.engine.cpu.algo.CpuAlgorithms;
import io.grapholap.application.graph.ValueType;
import io.grapholap.graph.csr.Adjacency;
import io.grapholap.graph.csr.ComputePool;
import io.grapholap.graph.csr.CsrBacked;
import io.grapholap.graph.csr.CsrGraph;
import io.grapholap.graph.csr.VertexKeys;
import io.grapholap.graph.csr.VertexLabel;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Host graphs for the GPU tests: a minimal CPU instance over a {@link CsrGraph} (algorithms through
 * {@link CpuAlgorithms}; Gremlin and tables are not needed here), and random graphs.
 */
final class HostGraphs {

    private HostGraphs() {
    }

    static HostGraphLoader.HostGraph of(CsrGraph g) {
        return new HostGraphLoader.HostGraph(g, new CpuInstance(g));
    }

    /** A random graph with {@code n} vertices and {@code m} edges (duplicates and self-loops allowed), weights in [0, 10). */
    static CsrGraph random(long seed, int n, int m, boolean directed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[][] edges = new int[m][];
        double[] w = new double[m];
        for (int i = 0; i < m; i++) {
            edges[i] = new int[] {r.nextInt(n), r.nextInt(n)};
            w[i] = r.nextDouble() * 10.0;
        }
        return CsrGraph.fromEdges(n, directed, edges, w);
    }

    /**
     * A random graph whose vertex {@code i} has an original key: shuffled longs when {@code stringKeys}
     * is false (so key order differs from dense-id order), otherwise strings.
     */
    static CsrGraph randomKeyed(long seed, int n, int m, boolean directed, boolean stringKeys) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] src = new int[m];
        int[] dst = new int[m];
        double[] w = new double[m];
        for (int i = 0; i < m; i++) {
            src[i] = r.nextInt(n);
            dst[i] = r.nextInt(n);
            w[i] = r.nextDouble() * 10.0;
        }
        Adjacency.FromEdges adj = Adjacency.fromEdges(n, src, dst, !directed);
        double[] arcWeights = new double[adj.targets().length];
        for (int a = 0; a < arcWeights.length; a++) {
            arcWeights[a] = w[adj.edgeIndex()[a]];
        }
        VertexKeys keys;
        if (stringKeys) {
            Object[] names = new Object[n];
            for (int v = 0; v < n; v++) {
                names[v] = "v" + Integer.toString((v * 7919) % n, 36);
            }
            keys = VertexKeys.ofObjects(ValueType.STRING, names);
        } else {
            long[] longs = new long[n];
            for (int v = 0; v < n; v++) {
                longs[v] = 1_000_000L - 3L * ((v * 7919L) % n);
            }
            keys = VertexKeys.ofLongs(ValueType.INT64, longs);
        }
        return CsrGraph.builder(n, directed).outAdjacency(adj.offsets(), adj.targets()).weights("weight", arcWeights)
                .labels(List.of(new VertexLabel(0, "vertex", 0, n, keys, Map.of()))).edgeCount(m).build();
    }

    static final class CpuInstance implements GraphInstance, CsrBacked {

        final CsrGraph graph;
        final ComputePool threads = ComputePool.create("gpu-test-host", 2);
        boolean closed;
        int parallelism = 2;

        CpuInstance(CsrGraph graph) {
            this.graph = graph;
        }

        @Override
        public String engine() {
            return CpuAlgorithms.ENGINE;
        }

        @Override
        public GraphStatistics statistics() {
            return new GraphStatistics(graph.vertexCount(), graph.edgeCount(), graph.isDirected(),
                    Map.of("vertex", (long) graph.vertexCount()), Map.of("edge", graph.edgeCount()), graph.bytesHeld(), 0L);
        }

        @Override
        public AlgorithmResult run(AlgorithmParams params, ExecutionContext ctx) {
            return CpuAlgorithms.run(graph, params, ctx);
        }

        @Override
        public CsrGraph hostGraph() {
            return graph;
        }

        @Override
        public ComputePool hostThreads() {
            return threads;
        }

        @Override
        public GraphSchema schema() {
            throw new UnsupportedOperationException("no schema in the GPU tests' host instance");
        }

        @Override
        public void storeVertexProperty(String property, AlgorithmResult result, String column) {
            throw new UnsupportedOperationException("no stored properties in the GPU tests' host instance");
        }

        @Override
        public QueryResult gremlin(String query, Map<String, Object> bindings, QueryLimits limits) {
            throw new UnsupportedOperationException("no Gremlin in the GPU tests' host instance");
        }

        @Override
        public Table nodes(String label) {
            throw new UnsupportedOperationException("no tables in the GPU tests' host instance");
        }

        @Override
        public Table edges(String type) {
            throw new UnsupportedOperationException("no tables in the GPU tests' host instance");
        }

        @Override
        public void setParallelism(int threads) {
            parallelism = threads;
        }

        @Override
        public int parallelism() {
            return parallelism;
        }

        @Override
        public void close() {
            closed = true;
            threads.close();
        }
    }
}
