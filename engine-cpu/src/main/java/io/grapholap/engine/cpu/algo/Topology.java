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
}
