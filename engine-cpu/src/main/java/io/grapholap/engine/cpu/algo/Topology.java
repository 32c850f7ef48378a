package io.grapholap.engine.cpu.algo;

import java.util.Objects;

/**
 * The raw arrays the kernels read: vertices {@code 0..n-1}, out-adjacency
 * ({@code outTargets[outOffsets[v] .. outOffsets[v+1])}) and in-adjacency likewise, with optional
 * weights per out-arc ({@code outWeights}, aligned with {@code outTargets}). An undirected graph is
 * stored symmetric: every edge appears as an out-arc at both ends, and the in-adjacency equals the
 * out-adjacency. Kernels never modify these arrays.
 */
public record Topology(int n, boolean directed, int[] outOffsets, int[] outTargets, int[] inOffsets,
                       int[] inSources, double[] outWeights) {

    public Topology {
        Objects.requireNonNull(outOffsets, "outOffsets");
        Objects.requireNonNull(outTargets, "outTargets");
        Objects.requireNonNull(inOffsets, "inOffsets");
        Objects.requireNonNull(inSources, "inSources");
        if (outOffsets.length != n + 1 || inOffsets.length != n + 1) {
            throw new IllegalArgumentException("offsets must have n+1 entries");
        }
        if (outWeights != null && outWeights.length < outOffsets[n]) {
            throw new IllegalArgumentException("one weight per out-arc expected");
        }
    }

    public long arcs() {
        return outOffsets[n];
    }

    public int outDegree(int v) {
        return outOffsets[v + 1] - outOffsets[v];
    }

    public int inDegree(int v) {
        return inOffsets[v + 1] - inOffsets[v];
    }

    /** The same topology with other (or no) out-arc weights. */
    public Topology withWeights(double[] weights) {
        return new Topology(n, directed, outOffsets, outTargets, inOffsets, inSources, weights);
    }

    /**
     * Builds a topology from an arc list, for tests and tools. For an undirected graph each
     * {@code (src[i], dst[i])} is one edge and is stored at both ends (a self-loop once).
     */
    public static Topology fromArcs(int n, boolean directed, int[] src, int[] dst, double[] weight) {
        int m = src.length;
        int arcs = 0;
        for (int i = 0; i < m; i++) {
            arcs += (!directed && src[i] != dst[i]) ? 2 : 1;
        }
        int[] as = new int[arcs];
        int[] ad = new int[arcs];
        double[] aw = weight == null ? null : new double[arcs];
        int k = 0;
        for (int i = 0; i < m; i++) {
            as[k] = src[i];
            ad[k] = dst[i];
            if (aw != null) {
                aw[k] = weight[i];
            }
            k++;
            if (!directed && src[i] != dst[i]) {
                as[k] = dst[i];
                ad[k] = src[i];
                if (aw != null) {
                    aw[k] = weight[i];
                }
                k++;
            }
        }
        int[] outOff = new int[n + 1];
        int[] inOff = new int[n + 1];
        for (int i = 0; i < arcs; i++) {
            outOff[as[i] + 1]++;
            inOff[ad[i] + 1]++;
        }
        for (int v = 0; v < n; v++) {
            outOff[v + 1] += outOff[v];
            inOff[v + 1] += inOff[v];
        }
        int[] outT = new int[arcs];
        int[] inS = new int[arcs];
        double[] outW = aw == null ? null : new double[arcs];
        int[] po = java.util.Arrays.copyOf(outOff, n);
        int[] pi = java.util.Arrays.copyOf(inOff, n);
        for (int i = 0; i < arcs; i++) {
            int o = po[as[i]]++;
            outT[o] = ad[i];
            if (outW != null) {
                outW[o] = aw[i];
            }
            inS[pi[ad[i]]++] = as[i];
        }
        return new Topology(n, directed, outOff, outT, inOff, inS, outW);
    }
}
