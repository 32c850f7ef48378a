package io.grapholap.engine.cpu.algo;

import io.grapholap.application.graph.AlgorithmResult;
import io.grapholap.application.graph.Column;
import io.grapholap.application.graph.ExecutionContext;
import io.grapholap.application.graph.algo.AlgorithmRegistry;
import io.grapholap.application.graph.ValueType;
import io.grapholap.graph.csr.Adjacency;
import io.grapholap.graph.csr.CsrGraph;
import io.grapholap.graph.csr.VertexKeys;
import io.grapholap.graph.csr.VertexLabel;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Small graphs and result readers shared by the algorithm tests. */
final class Graphs {

    private Graphs() {
    }

    static int[][] edges(int... pairs) {
        int[][] e = new int[pairs.length / 2][];
        for (int i = 0; i < e.length; i++) {
            e[i] = new int[] {pairs[2 * i], pairs[2 * i + 1]};
        }
        return e;
    }

    static CsrGraph directed(int n, int... pairs) {
        return CsrGraph.fromEdges(n, true, edges(pairs));
    }

    static CsrGraph undirected(int n, int... pairs) {
        return CsrGraph.fromEdges(n, false, edges(pairs));
    }

    /** A graph whose vertex {@code i} has the original key {@code keys[i]} (integers or strings). */
    static CsrGraph keyed(boolean directed, Object[] keys, int... pairs) {
        int n = keys.length;
        int[][] e = edges(pairs);
        int[] src = new int[e.length];
        int[] dst = new int[e.length];
        for (int i = 0; i < e.length; i++) {
            src[i] = e[i][0];
            dst[i] = e[i][1];
        }
        var adj = Adjacency.fromEdges(n, src, dst, !directed);
        VertexKeys vk;
        if (keys[0] instanceof Long) {
            long[] longs = new long[n];
            for (int i = 0; i < n; i++) {
                longs[i] = (Long) keys[i];
            }
            vk = VertexKeys.ofLongs(ValueType.INT64, longs);
        } else {
            vk = VertexKeys.ofObjects(ValueType.STRING, keys);
        }
        return CsrGraph.builder(n, directed).outAdjacency(adj.offsets(), adj.targets())
                .labels(List.of(new VertexLabel(0, "vertex", 0, n, vk, Map.of())))
                .edgeCount(e.length).build();
    }

    /** A random graph with {@code m} edges, some vertices left isolated. */
    static CsrGraph random(int n, int m, boolean directed, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[][] e = new int[m][];
        for (int i = 0; i < m; i++) {
            // Skewed endpoints give hubs and a few untouched vertices, like real graphs.
            int a = (int) (n * Math.pow(r.nextDouble(), 2));
            int b = r.nextInt(n - n / 10);
            e[i] = new int[] {a, b};
        }
        return CsrGraph.fromEdges(n, directed, e);
    }

    static CsrGraph randomWeighted(int n, int m, boolean directed, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[][] e = new int[m][];
        double[] w = new double[m];
        for (int i = 0; i < m; i++) {
            e[i] = new int[] {r.nextInt(n), r.nextInt(n)};
            w[i] = 0.5 + r.nextInt(10);
        }
        return CsrGraph.fromEdges(n, directed, e, w);
    }

    static AlgorithmResult run(CsrGraph g, String algorithm, Map<String, Object> params) {
        return CpuAlgorithms.run(g, AlgorithmRegistry.parse(algorithm, params), ExecutionContext.of(2));
    }

    static AlgorithmResult run(CsrGraph g, String algorithm, Map<String, Object> params, int parallelism) {
        return CpuAlgorithms.run(g, AlgorithmRegistry.parse(algorithm, params), ExecutionContext.of(parallelism));
    }

    static long[] longs(AlgorithmResult r, String column) {
        Column c = r.column(column);
        return switch (c) {
            case Column.Int64 l -> l.values();
            case Column.Int32 i -> {
                long[] out = new long[i.values().length];
                for (int k = 0; k < out.length; k++) {
                    out[k] = i.values()[k];
                }
                yield out;
            }
            default -> throw new AssertionError("not an integer column: " + c.type());
        };
    }

    static double[] doubles(AlgorithmResult r, String column) {
        return ((Column.Float64) r.column(column)).values();
    }

    static Object[] objects(AlgorithmResult r, String column) {
        Column c = r.column(column);
        Object[] out = new Object[c.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = c.get(i);
        }
        return out;
    }
}
