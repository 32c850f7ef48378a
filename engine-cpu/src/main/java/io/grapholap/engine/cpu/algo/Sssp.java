package io.grapholap.engine.cpu.algo;

import io.grapholap.domain.error.ValidationException;

import java.util.Arrays;

/**
 * Single-source shortest paths over non-negative out-arc weights (LDBC Graphalytics SSSP):
 * Dijkstra with an indexed binary heap. Unreachable vertices keep {@code +Infinity}. A negative or
 * NaN weight is rejected before the search, naming the {@code weight} parameter.
 */
public final class Sssp {

    /** Distances by dense vertex id. */
    public record Result(double[] distances, int reached) {
    }

    private final Topology g;
    private final int source;
    private final Parallel parallel;
    private final Progress progress;

    public Sssp(Topology graph, int source, Parallel parallel, Progress progress) {
        if (graph.outWeights() == null) {
            throw new IllegalArgumentException("sssp needs arc weights");
        }
        this.g = graph;
        this.source = source;
        this.parallel = parallel;
        this.progress = progress == null ? Progress.NONE : progress;
    }

    /** Distances and the heap. */
    public static long memoryEstimate(long vertices, long arcs) {
        return vertices * 8L + MinHeap.bytes(vertices) + 1024;
    }

    /** Throws {@link ValidationException} on field {@code weight} when any weight is negative or NaN. */
    static void requireNonNegative(Topology g, Parallel parallel, String property) {
        final double[] w = g.outWeights();
        final int m = (int) g.arcs();
        final int[] bad = {-1};
        parallel.forRange(m, parallel.chunkFor(m, 1 << 16), (worker, from, to) -> {
            for (int e = from; e < to; e++) {
                if (!(w[e] >= 0)) {
                    synchronized (bad) {
                        if (bad[0] < 0 || e < bad[0]) {
                            bad[0] = e;
                        }
                    }
                    return;
                }
            }
        });
        if (bad[0] >= 0) {
            throw new ValidationException("weight", "edge property '" + property + "' has a negative or undefined "
                    + "weight (" + w[bad[0]] + "); shortest paths need non-negative weights");
        }
    }

    public Result compute() {
        final int n = g.n();
        final int[] off = g.outOffsets();
        final int[] t = g.outTargets();
        final double[] w = g.outWeights();
        final double[] dist = new double[n];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        dist[source] = 0;
        MinHeap heap = new MinHeap(n);
        heap.offer(source, 0);
        int settled = 0;
        while (!heap.isEmpty()) {
            int u = heap.poll();
            if ((++settled & 0xFFFF) == 0) {
                parallel.check();
                progress.report(settled, n);
            }
            double du = dist[u];
            for (int e = off[u], end = off[u + 1]; e < end; e++) {
                int v = t[e];
                double nd = du + w[e];
                if (nd < dist[v]) {
                    dist[v] = nd;
                    heap.offer(v, nd);
                }
            }
        }
        progress.report(n, n);
        return new Result(dist, settled);
    }
}
