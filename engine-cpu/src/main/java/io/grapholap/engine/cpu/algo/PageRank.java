package io.grapholap.engine.cpu.algo;

import com.google.auto.service.AutoService;
import io.grapholap.application.graph.Column;
import io.grapholap.application.graph.algo.PageRankParams;
import java.util.Arrays;

/**
 * PageRank as LDBC Graphalytics defines it: {@code PR_0(v) = 1/n}, then for a fixed number of
 * iterations {@code PR(v) = (1-d)/n + d * sum_{u in in(v)} PR(u)/out(u) + d/n * sum_{w dangling} PR(w)},
 * where a dangling vertex has no out-arcs. On an undirected graph in- and out-neighbours are the
 * neighbours. Pull-based over the in-adjacency, parallel over vertex ranges; partial sums are
 * combined in chunk order so the result does not depend on thread timing.
 */
public final class PageRank {

    /** Ranks by dense vertex id. */
    public record Result(double[] ranks, int iterations) {
    }

    private final Topology g;
    private final PageRankParams params;
    private final Parallel parallel;
    private final Progress progress;

    public PageRank(Topology graph, PageRankParams params, Parallel parallel, Progress progress) {
        this.g = graph;
        this.params = params;
        this.parallel = parallel;
        this.progress = progress == null ? Progress.NONE : progress;
    }

    public Result compute() {
        final int n = g.n();
        if (n == 0) {
            return new Result(new double[0], 0);
        }
        final int[] outOff = g.outOffsets();
        final int[] inOff = g.inOffsets();
        final int[] inSrc = g.inSources();
        final double d = params.damping();
        final double[] rank = new double[n];
        // rank/out-degree of the previous round; rewritten from rank once every rank of a round is known.
        // Floats: the gather over the in-arcs reads them at random, and at half the bytes twice as many
        // stay in cache (a third less time at Kronecker scale 22). Sums and ranks stay double; the ranks
        // keep within about 1e-7 (relative) of an all-double run, far inside the 1e-4 that Graphalytics
        // validation allows.
        final float[] contrib = new float[n];
        final int chunk = parallel.chunkFor(n, 4096);
        final int chunks = (n + chunk - 1) / chunk;
        final double[] danglingPart = new double[chunks];
        Arrays.fill(rank, 1.0 / n);
        final Parallel.RangeBody spread = (w, from, to) -> {
            double dangling = 0;
            for (int v = from; v < to; v++) {
                int deg = outOff[v + 1] - outOff[v];
                if (deg == 0) {
                    dangling += rank[v];
                } else {
                    contrib[v] = (float) (rank[v] / deg);
                }
            }
            danglingPart[from / chunk] = dangling;
        };
        parallel.forRange(n, chunk, spread);
        final int iterations = params.iterations();
        for (int it = 0; it < iterations; it++) {
            double danglingSum = 0;
            for (double x : danglingPart) {
                danglingSum += x;
            }
            final double base = (1.0 - d) / n + d * danglingSum / n;
            parallel.forRange(n, chunk, (w, from, to) -> {
                for (int v = from; v < to; v++) {
                    double sum = 0;
                    for (int e = inOff[v], end = inOff[v + 1]; e < end; e++) {
                        sum += contrib[inSrc[e]];
                    }
                    rank[v] = base + d * sum;
                }
            });
            if (it + 1 < iterations) {
                parallel.forRange(n, chunk, spread);
            }
            progress.report(it + 1, iterations);
        }
        return new Result(rank, iterations);
    }

    /** The CPU kernel of {@code page_rank}, as {@link CpuAlgorithms} finds it. */
    @AutoService(CpuKernel.class)
    public static final class Kernel implements CpuKernel<PageRankParams> {
        @Override
        public Class<PageRankParams> params() {
            return PageRankParams.class;
        }

        @Override
        public void run(PageRankParams p, CpuRun run) {
            Result r = new PageRank(run.topology(), p, run.parallel(), run.progress()).compute();
            run.perVertex("rank", Column.ofDoubles(r.ranks()));
            run.stat("iterations", r.iterations());
            run.stat("damping", p.damping());
        }
    }
}
