package io.grapholap.engine.cpu.algo;


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

    /** The simple undirected graph, its forward half, and the counts. */
    public static long memoryEstimate(long vertices, long arcs) {
        return vertices * 24L + arcs * 8L * 2 + 1024;
    }

    public Result compute() {
        Undirected.SortedArcs s = Undirected.simple(g, parallel);
        long[] total = new long[1];
        long[] tri = Undirected.triangles(s.offsets(), s.targets(), null, parallel, total);
        progress.report(1, 1);
        return new Result(tri, total[0]);
    }
}
