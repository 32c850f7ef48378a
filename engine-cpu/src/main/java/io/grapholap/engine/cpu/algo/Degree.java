package io.grapholap.engine.cpu.algo;

import com.google.auto.service.AutoService;
import io.grapholap.application.graph.Column;
import io.grapholap.application.graph.algo.DegreeParams;

/**
 * Arc counts per vertex: out-arcs, in-arcs or both. On an undirected graph each direction gives the
 * number of incident edges (a self-loop counts once), so all three agree.
 */
public final class Degree {

    /** Degrees by dense vertex id. */
    public record Result(long[] degrees) {
    }

    private final Topology g;
    private final DegreeParams params;
    private final Parallel parallel;

    public Degree(Topology graph, DegreeParams params, Parallel parallel) {
        this.g = graph;
        this.params = params;
        this.parallel = parallel;
    }

    public Result compute() {
        final int n = g.n();
        final int[] outOff = g.outOffsets();
        final int[] inOff = g.inOffsets();
        final boolean countOut = !g.directed() || params.direction() != DegreeParams.Direction.IN;
        final boolean countIn = g.directed() && params.direction() != DegreeParams.Direction.OUT;
        final long[] degree = new long[n];
        parallel.forRange(n, parallel.chunkFor(n, 4096), (w, from, to) -> {
            for (int v = from; v < to; v++) {
                long d = 0;
                if (countOut) {
                    d += outOff[v + 1] - outOff[v];
                }
                if (countIn) {
                    d += inOff[v + 1] - inOff[v];
                }
                degree[v] = d;
            }
        });
        return new Result(degree);
    }

    /** The CPU kernel of {@code degree}, as {@link CpuAlgorithms} finds it. */
    @AutoService(CpuKernel.class)
    public static final class Kernel implements CpuKernel<DegreeParams> {
        @Override
        public Class<DegreeParams> params() {
            return DegreeParams.class;
        }

        @Override
        public void run(DegreeParams p, CpuRun run) {
            Result r = new Degree(run.topology(), p, run.parallel()).compute();
            run.perVertex("degree", Column.ofLongs(r.degrees()));
            run.stat("direction", p.direction().wireName());
        }
    }
}
