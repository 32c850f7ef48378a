package io.grapholap.application.graph.algo;

/**
 * The size of a graph as a memory estimate needs it: {@code vertices}, stored {@code arcs} (the edge
 * count on a directed graph, twice it on an undirected one) and the {@code parallelism} of the run
 * (some algorithms keep arrays per worker).
 */
public record GraphShape(long vertices, long arcs, int parallelism) {

    public GraphShape {
        if (vertices < 0 || arcs < 0 || parallelism < 1) {
            throw new IllegalArgumentException("vertices and arcs must be >= 0, parallelism >= 1: " + vertices + ", "
                    + arcs + ", " + parallelism);
        }
    }

    /** The shape of a graph with {@code edges} edges, stored once ({@code directed}) or both ways. */
    public static GraphShape of(long vertices, long edges, boolean directed, int parallelism) {
        return new GraphShape(vertices, directed ? edges : 2L * edges, parallelism);
    }

    /** Bytes of one per-vertex value column of 8-byte values, as most results have. */
    public long vertexColumn() {
        return 8L * vertices;
    }

    /** Bytes of the per-arc weights a weighted run copies from an edge property. */
    public long arcWeights() {
        return 8L * arcs;
    }
}
