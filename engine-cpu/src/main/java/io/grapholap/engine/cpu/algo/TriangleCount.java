package io.grapholap.engine.cpu.algo;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Triangles through each vertex of the simple undirected graph under the input (direction,
 * multi-arcs and self-loops ignored). Vertices are ranked by degree; each triangle is found once,
 * from its lowest-ranked vertex, by intersecting sorted "forward" lists of higher-ranked neighbours.
 */
public final class TriangleCount {

    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);

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
        final int n = g.n();
        final Undirected.SortedArcs s = Undirected.simple(g, parallel);
        final int[] off = s.offsets();
        final int[] adj = s.targets();
        final int[] fwdOff = new int[n + 1];
        for (int v = 0; v < n; v++) {
            int count = 0;
            int dv = off[v + 1] - off[v];
            for (int e = off[v]; e < off[v + 1]; e++) {
                if (higher(adj[e], off[adj[e] + 1] - off[adj[e]], v, dv)) {
                    count++;
                }
            }
            fwdOff[v + 1] = fwdOff[v] + count;
        }
        final int[] fwd = new int[fwdOff[n]];
        final int chunk = parallel.chunkFor(n, 1024);
        parallel.forRange(n, chunk, (w, from, to) -> {
            for (int v = from; v < to; v++) {
                int p = fwdOff[v];
                int dv = off[v + 1] - off[v];
                for (int e = off[v]; e < off[v + 1]; e++) {
                    int u = adj[e];
                    if (higher(u, off[u + 1] - off[u], v, dv)) {
                        fwd[p++] = u;
                    }
                }
            }
        });
        final long[] tri = new long[n];
        final long[] totals = new long[parallel.parallelism()];
        parallel.forRange(n, chunk, (w, from, to) -> {
            long found = 0;
            for (int u = from; u < to; u++) {
                long own = 0;
                for (int e = fwdOff[u], end = fwdOff[u + 1]; e < end; e++) {
                    int v = fwd[e];
                    int a = fwdOff[u];
                    int b = fwdOff[v];
                    int aEnd = end;
                    int bEnd = fwdOff[v + 1];
                    long withV = 0;
                    while (a < aEnd && b < bEnd) {
                        int x = fwd[a];
                        int y = fwd[b];
                        if (x < y) {
                            a++;
                        } else if (x > y) {
                            b++;
                        } else {
                            LONGS.getAndAdd(tri, x, 1L);
                            withV++;
                            a++;
                            b++;
                        }
                    }
                    if (withV > 0) {
                        LONGS.getAndAdd(tri, v, withV);
                        own += withV;
                    }
                }
                if (own > 0) {
                    LONGS.getAndAdd(tri, u, own);
                }
                found += own;
            }
            totals[w] += found;
        });
        long total = 0;
        for (long t : totals) {
            total += t;
        }
        progress.report(1, 1);
        return new Result(tri, total);
    }

    /** Whether {@code u} ranks above {@code v}: higher degree, then higher id. */
    private static boolean higher(int u, int du, int v, int dv) {
        return du > dv || (du == dv && u > v);
    }
}
