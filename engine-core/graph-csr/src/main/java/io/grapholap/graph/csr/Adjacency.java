package io.grapholap.graph.csr;

import java.util.concurrent.ForkJoinPool;

/**
 * Helpers that build compressed adjacency arrays: the reverse (in-)adjacency of an out-adjacency in
 * parallel, and a CSR from a plain edge list (for small graphs and tests).
 */
public final class Adjacency {

    /** Upper bound on scratch memory for per-part degree counters when reversing (bytes). */
    private static final long COUNTER_BUDGET_BYTES = 256L << 20;

    /** Arcs each thread buffers in its {@link ArcScatter}. */
    public static final int SCATTER_BUFFER_ARCS = 1 << 22;

    private Adjacency() {
    }

    /**
     * Reverse adjacency: {@code offsets} (n+1) and {@code sources}, plus the companion per-arc arrays
     * permuted the same way ({@code null} where the input was {@code null}).
     */
    public record Reverse(int[] offsets, int[] sources, double[] weights, byte[] types, int[] rows) {
    }

    /**
     * Derives the in-adjacency from an out-adjacency: a counting pass and a fill pass, both parallel
     * over contiguous source ranges of about equal arc count. Each range counts into its own degree
     * array, so there are no atomics and every in-list ends up sorted by source vertex, which makes
     * the result deterministic whatever the number of threads.
     */
    public static Reverse reverse(int n, int[] offsets, int[] targets, double[] weights, byte[] types, int[] rows,
                                  ForkJoinPool pool) {
        int threads = pool == null ? 1 : pool.getParallelism();
        int parts = (int) Math.max(1, Math.min(threads, COUNTER_BUDGET_BYTES / (4L * Math.max(1, n))));
        int[] bounds = Parallel.balancedSplit(offsets, n, parts);
        int[][] cursor = new int[parts][];
        Parallel.forRange(pool, 0, parts, 1, (a, b) -> {
            for (int p = a; p < b; p++) {
                int[] count = new int[n];
                for (int i = offsets[bounds[p]], end = offsets[bounds[p + 1]]; i < end; i++) {
                    count[targets[i]]++;
                }
                cursor[p] = count;
            }
        });
        int[] inOffsets = new int[n + 1];
        Parallel.forRange(pool, 0, n, 1 << 16, (a, b) -> {
            for (int t = a; t < b; t++) {
                int sum = 0;
                for (int p = 0; p < parts; p++) {
                    sum += cursor[p][t];
                }
                inOffsets[t + 1] = sum;
            }
        });
        for (int t = 0; t < n; t++) {
            inOffsets[t + 1] += inOffsets[t];
        }
        Parallel.forRange(pool, 0, n, 1 << 16, (a, b) -> {
            for (int t = a; t < b; t++) {
                int pos = inOffsets[t];
                for (int p = 0; p < parts; p++) {
                    int c = cursor[p][t];
                    cursor[p][t] = pos;
                    pos += c;
                }
            }
        });
        int arcs = targets.length;
        int[] sources = new int[arcs];
        double[] inWeights = weights == null ? null : new double[arcs];
        byte[] inTypes = types == null ? null : new byte[arcs];
        int[] inRows = rows == null ? null : new int[arcs];
        Parallel.forRange(pool, 0, parts, 1, (a, b) -> {
            for (int p = a; p < b; p++) {
                int partArcs = offsets[bounds[p + 1]] - offsets[bounds[p]];
                ArcScatter out = new ArcScatter(n, cursor[p], sources, inWeights, inTypes, inRows,
                        Math.min(SCATTER_BUFFER_ARCS, Math.max(1, partArcs)));
                boolean companions = inWeights != null || inTypes != null || inRows != null;
                for (int u = bounds[p]; u < bounds[p + 1]; u++) {
                    for (int i = offsets[u], end = offsets[u + 1]; i < end; i++) {
                        if (companions) {
                            out.add(targets[i], u, weights == null ? 0 : weights[i], types == null ? 0 : types[i],
                                    rows == null ? 0 : rows[i]);
                        } else {
                            out.add(targets[i], u);
                        }
                    }
                }
                out.flush();
                cursor[p] = null;
            }
        });
        return new Reverse(inOffsets, sources, inWeights, inTypes, inRows);
    }

    /** Out-adjacency of an edge list: offsets (n+1), targets, and for each arc the index of its edge. */
    public record FromEdges(int[] offsets, int[] targets, int[] edgeIndex) {
    }

    /**
     * Builds an out-adjacency from parallel arrays {@code src[i] → dst[i]} with a stable counting
     * sort (arcs of a vertex keep edge-list order). When {@code bothDirections} each edge is stored as
     * two arcs, except a self-loop which is stored once.
     */
    public static FromEdges fromEdges(int n, int[] src, int[] dst, boolean bothDirections) {
        if (src.length != dst.length) {
            throw new IllegalArgumentException("src and dst differ in length: " + src.length + " vs " + dst.length);
        }
        int[] offsets = new int[n + 1];
        long arcs = 0;
        for (int i = 0; i < src.length; i++) {
            checkVertex(n, src[i], i);
            checkVertex(n, dst[i], i);
            offsets[src[i] + 1]++;
            arcs++;
            if (bothDirections && src[i] != dst[i]) {
                offsets[dst[i] + 1]++;
                arcs++;
            }
        }
        if (arcs > CsrGraph.MAX_ARCS) {
            throw new IllegalArgumentException("too many arcs: " + arcs + " > " + CsrGraph.MAX_ARCS);
        }
        for (int v = 0; v < n; v++) {
            offsets[v + 1] += offsets[v];
        }
        int[] pos = java.util.Arrays.copyOf(offsets, n);
        int[] targets = new int[(int) arcs];
        int[] edgeIndex = new int[(int) arcs];
        for (int i = 0; i < src.length; i++) {
            int at = pos[src[i]]++;
            targets[at] = dst[i];
            edgeIndex[at] = i;
            if (bothDirections && src[i] != dst[i]) {
                at = pos[dst[i]]++;
                targets[at] = src[i];
                edgeIndex[at] = i;
            }
        }
        return new FromEdges(offsets, targets, edgeIndex);
    }

    private static void checkVertex(int n, int v, int edge) {
        if (v < 0 || v >= n) {
            throw new IllegalArgumentException("edge " + edge + " has vertex " + v + " outside 0.." + (n - 1));
        }
    }
}
