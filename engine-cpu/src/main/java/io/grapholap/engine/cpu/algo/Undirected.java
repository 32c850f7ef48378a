package io.grapholap.engine.cpu.algo;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/** Derived adjacency views some kernels need (sorted out-arcs, the simple undirected graph) and triangle counting. */
final class Undirected {

    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);

    /** CSR arrays: neighbours of {@code v} are {@code targets[offsets[v] .. offsets[v+1])}. */
    record SortedArcs(int[] offsets, int[] targets) {
    }

    /**
     * The simple undirected graph with, per entry {@code v: u}, which arcs exist between the two:
     * bit 0 for {@code v -> u}, bit 1 for {@code u -> v} (always both on an undirected graph).
     */
    record MaskedArcs(int[] offsets, int[] targets, byte[] masks) {
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

    /** As {@link #simple} with the direction mask of every entry. */
    static MaskedArcs simpleMasked(Topology g, Parallel parallel) {
        if (!g.directed()) {
            SortedArcs s = simple(g, parallel);
            byte[] masks = new byte[s.targets().length];
            Arrays.fill(masks, (byte) 3);
            return new MaskedArcs(s.offsets(), s.targets(), masks);
        }
        final int n = g.n();
        final int[] outOff = g.outOffsets();
        final int[] outT = g.outTargets();
        final int[] inOff = g.inOffsets();
        final int[] inS = g.inSources();
        final int[] deg = new int[n];
        final int[] scratchOffsets = new int[n + 1];
        for (int v = 0; v < n; v++) {
            scratchOffsets[v + 1] = scratchOffsets[v] + outOff[v + 1] - outOff[v] + inOff[v + 1] - inOff[v];
        }
        final int[] scratch = new int[scratchOffsets[n]];
        final byte[] scratchMasks = new byte[scratchOffsets[n]];
        final int[][] buffers = new int[parallel.parallelism() * 2][];
        final int chunk = parallel.chunkFor(n, 4096);
        parallel.forRange(n, chunk, (w, from, to) -> {
            int[] outs = buffers[2 * w] == null ? new int[64] : buffers[2 * w];
            int[] ins = buffers[2 * w + 1] == null ? new int[64] : buffers[2 * w + 1];
            for (int v = from; v < to; v++) {
                int no = outOff[v + 1] - outOff[v];
                int ni = inOff[v + 1] - inOff[v];
                if (outs.length < no) {
                    outs = new int[Math.max(no, outs.length * 2)];
                }
                if (ins.length < ni) {
                    ins = new int[Math.max(ni, ins.length * 2)];
                }
                System.arraycopy(outT, outOff[v], outs, 0, no);
                System.arraycopy(inS, inOff[v], ins, 0, ni);
                Arrays.sort(outs, 0, no);
                Arrays.sort(ins, 0, ni);
                int p = scratchOffsets[v];
                int start = p;
                int a = 0;
                int b = 0;
                while (a < no || b < ni) {
                    int u;
                    int mask;
                    if (b >= ni || (a < no && outs[a] < ins[b])) {
                        u = outs[a];
                        mask = 1;
                    } else if (a >= no || ins[b] < outs[a]) {
                        u = ins[b];
                        mask = 2;
                    } else {
                        u = outs[a];
                        mask = 3;
                    }
                    while (a < no && outs[a] == u) {
                        a++;
                    }
                    while (b < ni && ins[b] == u) {
                        b++;
                    }
                    if (u != v) {
                        scratch[p] = u;
                        scratchMasks[p++] = (byte) mask;
                    }
                }
                deg[v] = p - start;
            }
            buffers[2 * w] = outs;
            buffers[2 * w + 1] = ins;
        });
        final int[] offsets = new int[n + 1];
        for (int v = 0; v < n; v++) {
            offsets[v + 1] = offsets[v] + deg[v];
        }
        final int[] targets = new int[offsets[n]];
        final byte[] masks = new byte[offsets[n]];
        parallel.forRange(n, chunk, (w, from, to) -> {
            for (int v = from; v < to; v++) {
                System.arraycopy(scratch, scratchOffsets[v], targets, offsets[v], deg[v]);
                System.arraycopy(scratchMasks, scratchOffsets[v], masks, offsets[v], deg[v]);
            }
        });
        return new MaskedArcs(offsets, targets, masks);
    }

    /**
     * Counts, for each vertex, the triangles through it in the simple undirected graph {@code s},
     * each found once from its lowest-ranked vertex {@code u} (rank: degree, then id). The count runs
     * on a copy of the graph renumbered by rank, keeping of each vertex only its higher-ranked
     * neighbours in ascending rank: the vertices those lists name are then the few of high degree,
     * whose marks stay in cache (on Kronecker graphs the random reads were most of the time). The
     * higher-ranked neighbours of {@code u} are marked in the worker's bitmap (n bits: it stays in a
     * core's cache, where an int stamp per vertex did not), then the higher-ranked neighbours of each
     * of them are looked up there, and the marks are cleared word by word afterwards. With {@code masks}, a triangle
     * {@code {v, a, b}} adds to {@code v} the number of arcs between {@code a} and {@code b} (1 or 2)
     * instead of 1. The counts come back by the caller's vertex ids.
     */
    static long[] triangles(int[] off, int[] adj, byte[] masks, Parallel parallel, long[] total) {
        final int n = off.length - 1;
        final int[] rank = new int[n];
        final int[] byRank = new int[n];
        rankByDegree(off, rank, byRank);
        final int chunk = parallel.chunkFor(n, 1024);
        final int[] fwdOff = new int[n + 1];
        parallel.forRange(n, chunk, (w, from, to) -> {
            for (int r = from; r < to; r++) {
                int v = byRank[r];
                int count = 0;
                for (int e = off[v], end = off[v + 1]; e < end; e++) {
                    if (rank[adj[e]] > r) {
                        count++;
                    }
                }
                fwdOff[r + 1] = count;
            }
        });
        for (int r = 0; r < n; r++) {
            fwdOff[r + 1] += fwdOff[r];
        }
        final int[] fwd = new int[fwdOff[n]];
        final byte[] fwdMask = masks == null ? null : new byte[fwdOff[n]];
        final long[][] sortBuffers = new long[parallel.parallelism()][];
        parallel.forRange(n, chunk, (w, from, to) -> {
            long[] buf = sortBuffers[w] == null ? new long[64] : sortBuffers[w];
            for (int r = from; r < to; r++) {
                int v = byRank[r];
                int len = fwdOff[r + 1] - fwdOff[r];
                if (buf.length < len) {
                    buf = new long[Math.max(len, buf.length * 2)];
                }
                int k = 0;
                for (int e = off[v], end = off[v + 1]; e < end; e++) {
                    int x = rank[adj[e]];
                    if (x > r) {
                        buf[k++] = ((long) x << 2) | (masks == null ? 0 : masks[e]);
                    }
                }
                Arrays.sort(buf, 0, k);
                int p = fwdOff[r];
                for (int i = 0; i < k; i++) {
                    fwd[p + i] = (int) (buf[i] >>> 2);
                    if (fwdMask != null) {
                        fwdMask[p + i] = (byte) (buf[i] & 3);
                    }
                }
            }
            sortBuffers[w] = buf;
        });
        final long[] counts = countRanked(n, fwdOff, fwd, fwdMask, parallel, chunk, total);
        final long[] byVertex = new long[n];
        parallel.forRange(n, parallel.chunkFor(n, 4096), (w, from, to) -> {
            for (int v = from; v < to; v++) {
                byVertex[v] = counts[rank[v]];
            }
        });
        return byVertex;
    }

    /** Ranks the vertices by degree, then id (a counting sort): {@code rank[v]} and its inverse {@code byRank}. */
    private static void rankByDegree(int[] off, int[] rank, int[] byRank) {
        final int n = off.length - 1;
        int maxDegree = 0;
        for (int v = 0; v < n; v++) {
            maxDegree = Math.max(maxDegree, off[v + 1] - off[v]);
        }
        final int[] next = new int[maxDegree + 2];
        for (int v = 0; v < n; v++) {
            next[off[v + 1] - off[v] + 1]++;
        }
        for (int d = 0; d <= maxDegree; d++) {
            next[d + 1] += next[d];
        }
        for (int v = 0; v < n; v++) {
            int r = next[off[v + 1] - off[v]]++;
            rank[v] = r;
            byRank[r] = v;
        }
    }

    /** The triangle counts by rank over the forward lists (higher-ranked neighbours) of the ranked graph. */
    private static long[] countRanked(int n, int[] fwdOff, int[] fwd, byte[] fwdMask, Parallel parallel, int chunk,
                                      long[] total) {
        final long[] counts = new long[n];
        final long[] totals = new long[parallel.parallelism()];
        final long[][] marks = new long[parallel.parallelism()][];
        final int[][] positions = new int[parallel.parallelism()][];
        final long[][] tallies = new long[parallel.parallelism()][];
        parallel.forRange(n, Math.max(64, chunk / 4), (w, from, to) -> {
            long[] mark = marks[w];
            int[] pos = positions[w];
            long[] tally = tallies[w];
            if (mark == null) {
                mark = new long[(n + 63) >>> 6];
                pos = new int[n];
                tally = new long[64];
                marks[w] = mark;
                positions[w] = pos;
            }
            long found = 0;
            for (int u = from; u < to; u++) {
                int uStart = fwdOff[u];
                int uEnd = fwdOff[u + 1];
                int len = uEnd - uStart;
                if (len < 2) {
                    continue;
                }
                if (tally.length < len) {
                    tally = new long[Math.max(len, tally.length * 2)];
                }
                for (int a = uStart; a < uEnd; a++) {
                    int x = fwd[a];
                    mark[x >>> 6] |= 1L << x;
                    pos[x] = a - uStart;
                    tally[a - uStart] = 0;
                }
                long own = 0;
                for (int e = uStart; e < uEnd; e++) {
                    int v = fwd[e];
                    long forV = 0;
                    int uvArcs = fwdMask == null ? 1 : Integer.bitCount(fwdMask[e]);
                    for (int b = fwdOff[v], bEnd = fwdOff[v + 1]; b < bEnd; b++) {
                        int x = fwd[b];
                        if ((mark[x >>> 6] & (1L << x)) == 0) {
                            continue;
                        }
                        found++;
                        int a = pos[x];
                        if (fwdMask == null) {
                            own++;
                            forV++;
                        } else {
                            own += Integer.bitCount(fwdMask[b]);
                            forV += Integer.bitCount(fwdMask[uStart + a]);
                        }
                        tally[a] += uvArcs;
                    }
                    if (forV > 0) {
                        LONGS.getAndAdd(counts, v, forV);
                    }
                }
                // The third corners are credited once per vertex of u's list, not once per triangle.
                for (int a = 0; a < len; a++) {
                    if (tally[a] > 0) {
                        LONGS.getAndAdd(counts, fwd[uStart + a], tally[a]);
                    }
                }
                if (own > 0) {
                    LONGS.getAndAdd(counts, u, own);
                }
                for (int a = uStart; a < uEnd; a++) {
                    mark[fwd[a] >>> 6] = 0L;
                }
            }
            tallies[w] = tally;
            totals[w] += found;
        });
        long sum = 0;
        for (long t : totals) {
            sum += t;
        }
        total[0] = sum;
        return counts;
    }
}
