package io.grapholap.engine.cpu.algo;

import com.google.auto.service.AutoService;
import io.grapholap.application.graph.Column;
import io.grapholap.application.graph.algo.TriangleCountParams;

/**
 * Triangles through each vertex of the simple undirected graph under the input (direction,
 * multi-arcs and self-loops ignored). Vertices are ranked by degree; each triangle is found once,
 * from its lowest-ranked vertex (see {@code Undirected.triangles}).
 */
public final class TriangleCount {

    /** Triangles by dense vertex id and the total number of triangles. */
    public record Result(long[] triangles, long total) {
    }

    private final Topology g;
    private final Parallel parallel;
    private final Progress progress;

    public TriangleCount(Topology graph, Parallel parallel, Progress progress) {
        this.g = graph;
        this.parallel = parallel;
        this.progress = progress == null ? Progress.NONE : progress;
    }

    public Result compute() {
        Undirected.SortedArcs s = Undirected.simple(g, parallel);
        long[] total = new long[1];
        long[] tri = Undirected.triangles(s.offsets(), s.targets(), null, parallel, total);
        progress.report(1, 1);
        return new Result(tri, total[0]);
    }

    /** The CPU kernel of {@code triangle_count}, as {@link CpuAlgorithms} finds it. */
    @AutoService(CpuKernel.class)
    public static final class Kernel implements CpuKernel<TriangleCountParams> {
        @Override
        public Class<TriangleCountParams> params() {
            return TriangleCountParams.class;
        }

        @Override
        public void run(TriangleCountParams p, CpuRun run) {
            Result r = new TriangleCount(run.topology(), run.parallel(), run.progress()).compute();
            run.perVertex("triangles", Column.ofLongs(r.triangles()));
            run.stat("triangles", r.total());
        }
    }
}
