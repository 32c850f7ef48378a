package io.grapholap.engine.cpu.algo;

import com.google.auto.service.AutoService;
import io.grapholap.application.graph.Column;
import io.grapholap.application.graph.algo.BetweennessParams;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Betweenness centrality by Brandes' algorithm along out-arcs: a BFS (unweighted) or Dijkstra
 * (weighted, non-negative weights) from every source counts shortest paths, then dependencies are
 * accumulated in reverse settling order. Sampled mode draws {@code samples} distinct sources with
 * the seed and scales the sums by {@code n / samples}. On an undirected graph every pair is seen from
 * both ends, so sums are halved. Sources run in parallel, each worker with its own arrays.
 */
public final class Betweenness {

    /** Centrality by dense vertex id and the number of sources used. */
    public record Result(double[] centrality, int sources) {
    }

    private final Topology g;
    private final BetweennessParams params;
    private final Parallel parallel;
    private final Progress progress;

    /** {@code graph} carries out-arc weights exactly when the run is weighted. */
    public Betweenness(Topology graph, BetweennessParams params, Parallel parallel, Progress progress) {
        this.g = graph;
        this.params = params;
        this.parallel = parallel;
        this.progress = progress == null ? Progress.NONE : progress;
    }

    public Result compute() {
        final int n = g.n();
        final int[] sources = chooseSources(n);
        final int workers = parallel.parallelism();
        final double[][] partial = new double[workers][];
        final long[] done = new long[1];
        final boolean weighted = g.outWeights() != null;
        final Worker[] state = new Worker[workers];
        parallel.forRange(sources.length, 1, (w, from, to) -> {
            Worker s = state[w];
            if (s == null) {
                s = new Worker(n, weighted);
                state[w] = s;
                partial[w] = new double[n];
            }
            for (int i = from; i < to; i++) {
                if (weighted) {
                    s.dijkstra(sources[i], partial[w]);
                } else {
                    s.bfs(sources[i], partial[w]);
                }
            }
            synchronized (done) {
                done[0] += to - from;
                progress.report(done[0], sources.length);
            }
        });
        double[] bc = new double[n];
        for (double[] p : partial) {
            if (p != null) {
                for (int v = 0; v < n; v++) {
                    bc[v] += p[v];
                }
            }
        }
        double scale = sources.length == 0 ? 1.0 : (double) n / sources.length;
        if (!g.directed()) {
            scale *= 0.5;
        }
        if (params.normalized() && n > 2) {
            double pairs = (double) (n - 1) * (n - 2);
            scale /= g.directed() ? pairs : pairs / 2;
        }
        for (int v = 0; v < n; v++) {
            bc[v] *= scale;
        }
        return new Result(bc, sources.length);
    }

    private int[] chooseSources(int n) {
        if (params.exact() || params.samples() >= n) {
            int[] all = new int[n];
            for (int v = 0; v < n; v++) {
                all[v] = v;
            }
            return all;
        }
        int k = params.samples();
        int[] perm = new int[n];
        for (int v = 0; v < n; v++) {
            perm[v] = v;
        }
        SplittableRandom random = new SplittableRandom(params.seed());
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(n - i);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        int[] chosen = Arrays.copyOf(perm, k);
        Arrays.sort(chosen);
        return chosen;
    }

    /** The arrays one worker reuses from source to source. */
    private final class Worker {
        final int[] hops;
        final double[] dist;
        final double[] sigma;
        final double[] delta;
        final int[] order;
        final MinHeap heap;

        Worker(int n, boolean weighted) {
            hops = weighted ? null : new int[n];
            dist = weighted ? new double[n] : null;
            sigma = new double[n];
            delta = new double[n];
            order = new int[n];
            heap = weighted ? new MinHeap(n) : null;
            if (weighted) {
                Arrays.fill(dist, Double.POSITIVE_INFINITY);
            } else {
                Arrays.fill(hops, -1);
            }
        }

        void bfs(int s, double[] bc) {
            final int[] off = g.outOffsets();
            final int[] t = g.outTargets();
            int head = 0;
            int tail = 0;
            order[tail++] = s;
            hops[s] = 0;
            sigma[s] = 1;
            while (head < tail) {
                int v = order[head++];
                int hv = hops[v] + 1;
                double sv = sigma[v];
                for (int e = off[v], end = off[v + 1]; e < end; e++) {
                    int u = t[e];
                    if (hops[u] < 0) {
                        hops[u] = hv;
                        order[tail++] = u;
                    }
                    if (hops[u] == hv) {
                        sigma[u] += sv;
                    }
                }
            }
            for (int i = tail - 1; i >= 0; i--) {
                int v = order[i];
                int hv = hops[v] + 1;
                double sv = sigma[v];
                double dv = 0;
                for (int e = off[v], end = off[v + 1]; e < end; e++) {
                    int u = t[e];
                    if (hops[u] == hv) {
                        dv += sv / sigma[u] * (1 + delta[u]);
                    }
                }
                delta[v] = dv;
                if (v != s) {
                    bc[v] += dv;
                }
            }
            for (int i = 0; i < tail; i++) {
                int v = order[i];
                hops[v] = -1;
                sigma[v] = 0;
                delta[v] = 0;
            }
        }

        void dijkstra(int s, double[] bc) {
            final int[] off = g.outOffsets();
            final int[] t = g.outTargets();
            final double[] w = g.outWeights();
            int count = 0;
            dist[s] = 0;
            sigma[s] = 1;
            heap.offer(s, 0);
            while (!heap.isEmpty()) {
                int v = heap.poll();
                order[count++] = v;
                double dv = dist[v];
                double sv = sigma[v];
                for (int e = off[v], end = off[v + 1]; e < end; e++) {
                    int u = t[e];
                    double nd = dv + w[e];
                    if (nd < dist[u]) {
                        dist[u] = nd;
                        sigma[u] = sv;
                        heap.offer(u, nd);
                    } else if (nd == dist[u] && u != v) {
                        sigma[u] += sv;
                    }
                }
            }
            for (int i = count - 1; i >= 0; i--) {
                int v = order[i];
                double dv = dist[v];
                double sv = sigma[v];
                double acc = 0;
                for (int e = off[v], end = off[v + 1]; e < end; e++) {
                    int u = t[e];
                    if (u != v && dist[u] == dv + w[e]) {
                        acc += sv / sigma[u] * (1 + delta[u]);
                    }
                }
                delta[v] = acc;
                if (v != s) {
                    bc[v] += acc;
                }
            }
            for (int i = 0; i < count; i++) {
                int v = order[i];
                dist[v] = Double.POSITIVE_INFINITY;
                sigma[v] = 0;
                delta[v] = 0;
            }
        }
    }

    /** The CPU kernel of {@code betweenness}, as {@link CpuAlgorithms} finds it. */
    @AutoService(CpuKernel.class)
    public static final class Kernel implements CpuKernel<BetweennessParams> {
        @Override
        public Class<BetweennessParams> params() {
            return BetweennessParams.class;
        }

        @Override
        public void run(BetweennessParams p, CpuRun run) {
            Result r = new Betweenness(run.weightedOrPlain(p.weight()), p, run.parallel(), run.progress()).compute();
            run.perVertex("betweenness", Column.ofDoubles(r.centrality()));
            run.stat("sources", r.sources());
            run.stat("exact", r.sources() == run.graph().vertexCount());
        }
    }
}
