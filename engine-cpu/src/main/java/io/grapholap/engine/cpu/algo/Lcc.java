package io.grapholap.engine.cpu.algo;

import com.google.auto.service.AutoService;
import io.grapholap.application.graph.Column;
import io.grapholap.application.graph.algo.LccParams;

/**
 * Local clustering coefficient as LDBC Graphalytics defines it. The neighbourhood {@code N(v)} is
 * the set of distinct vertices adjacent to {@code v} by an arc in either direction, {@code v}
 * itself excluded; {@code LCC(v)} is the number of arcs {@code u -> w} with {@code u != w} both in
 * {@code N(v)}, divided by {@code |N(v)| (|N(v)| - 1)}, and 0 when {@code |N(v)| < 2}. On an
 * undirected (symmetric) graph every edge appears as two arcs, so this equals the usual
 * {@code edges / (K (K-1) / 2)}. Computed from triangles of the simple undirected graph: a triangle
 * {@code {v, a, b}} contributes to {@code v} the number of arcs between {@code a} and {@code b}
 * (1 or 2), so the cost is that of degree-ordered triangle counting, not of scanning
 * neighbourhoods of hubs.
 */
public final class Lcc {

    /** Coefficient by dense vertex id. */
    public record Result(double[] coefficients, double average) {
    }

    private final Topology g;
    private final Parallel parallel;
    private final Progress progress;

    public Lcc(Topology graph, Parallel parallel, Progress progress) {
        this.g = graph;
        this.parallel = parallel;
        this.progress = progress == null ? Progress.NONE : progress;
    }

    public Result compute() {
        final int n = g.n();
        final Undirected.MaskedArcs s = Undirected.simpleMasked(g, parallel);
        final int[] off = s.offsets();
        final long[] links = Undirected.triangles(off, s.targets(), s.masks(), parallel, new long[1]);
        final double[] lcc = new double[n];
        final double[] sums = new double[parallel.parallelism()];
        parallel.forRange(n, parallel.chunkFor(n, 4096), (w, from, to) -> {
            double sum = 0;
            for (int v = from; v < to; v++) {
                long k = off[v + 1] - off[v];
                double c = k < 2 ? 0.0 : (double) links[v] / ((double) k * (k - 1));
                lcc[v] = c;
                sum += c;
            }
            sums[w] += sum;
        });
        double total = 0;
        for (double x : sums) {
            total += x;
        }
        progress.report(1, 1);
        return new Result(lcc, n == 0 ? 0 : total / n);
    }

    /** The CPU kernel of {@code lcc}, as {@link CpuAlgorithms} finds it. */
    @AutoService(CpuKernel.class)
    public static final class Kernel implements CpuKernel<LccParams> {
        @Override
        public Class<LccParams> params() {
            return LccParams.class;
        }

        @Override
        public void run(LccParams p, CpuRun run) {
            Result r = new Lcc(run.topology(), run.parallel(), run.progress()).compute();
            run.perVertex("lcc", Column.ofDoubles(r.coefficients()));
            run.stat("average", r.average());
            run.stat("directed", run.graph().isDirected());
        }
    }
}
