package io.grapholap.engine.cpu.algo;

import java.util.Arrays;

/** Derived adjacency views some kernels need: sorted out-arcs, and the simple undirected graph. */
final class Undirected {

    /** CSR arrays: neighbours of {@code v} are {@code targets[offsets[v] .. offsets[v+1])}. */
    record SortedArcs(int[] offsets, int[] targets) {
    }

    private Undirected() {
    }

    /** The out-adjacency with every list sorted; the graph's own arrays when they already are. */
    static SortedArcs sortedOut(Topology g, Parallel parallel) {
        final int n = g.n();
        final int[] off = g.outOffsets();
        final int[] t = g.outTargets();
        final boolean[] unsorted = new boolean[1];
        parallel.forRange(n, parallel.chunkFor(n, 4096), (w, from, to) -> {
            for (int v = from; v < to && !unsorted[0]; v++) {
                for (int e = off[v] + 1, end = off[v + 1]; e < end; e++) {
                    if (t[e - 1] > t[e]) {
                        unsorted[0] = true;
                        return;
                    }
                }
            }
        });
        if (!unsorted[0]) {
            return new SortedArcs(off, t);
        }
        final int[] copy = Arrays.copyOf(t, off[n]);
        parallel.forRange(n, parallel.chunkFor(n, 4096), (w, from, to) -> {
            for (int v = from; v < to; v++) {
                Arrays.sort(copy, off[v], off[v + 1]);
            }
        });
        return new SortedArcs(off, copy);
    }

    /**
     * The simple undirected graph under {@code g}: for each vertex the sorted, distinct vertices
     * adjacent by an arc in either direction, without self-loops.
     */
    static SortedArcs simple(Topology g, Parallel parallel) {
        final int n = g.n();
        final int[] outOff = g.outOffsets();
        final int[] outT = g.outTargets();
        final int[] inOff = g.inOffsets();
        final int[] inS = g.inSources();
        final boolean directed = g.directed();
        final int[] deg = new int[n + 1];
        final int[] scratchOffsets = new int[n + 1];
        for (int v = 0; v < n; v++) {
            int d = outOff[v + 1] - outOff[v] + (directed ? inOff[v + 1] - inOff[v] : 0);
            scratchOffsets[v + 1] = scratchOffsets[v] + d;
        }
        final int[] scratch = new int[scratchOffsets[n]];
        final int chunk = parallel.chunkFor(n, 4096);
        parallel.forRange(n, chunk, (w, from, to) -> {
            for (int v = from; v < to; v++) {
                int p = scratchOffsets[v];
                int start = p;
                for (int e = outOff[v], end = outOff[v + 1]; e < end; e++) {
                    scratch[p++] = outT[e];
                }
                if (directed) {
                    for (int e = inOff[v], end = inOff[v + 1]; e < end; e++) {
                        scratch[p++] = inS[e];
                    }
                }
                Arrays.sort(scratch, start, p);
                int k = start;
                for (int i = start; i < p; i++) {
                    int u = scratch[i];
                    if (u != v && (k == start || scratch[k - 1] != u)) {
                        scratch[k++] = u;
                    }
                }
                deg[v] = k - start;
            }
        });
        final int[] offsets = new int[n + 1];
        for (int v = 0; v < n; v++) {
            offsets[v + 1] = offsets[v] + deg[v];
        }
        final int[] targets = new int[offsets[n]];
        parallel.forRange(n, chunk, (w, from, to) -> {
            for (int v = from; v < to; v++) {
                System.arraycopy(scratch, scratchOffsets[v], targets, offsets[v], deg[v]);
            }
        });
        return new SortedArcs(offsets, targets);
    }
}
