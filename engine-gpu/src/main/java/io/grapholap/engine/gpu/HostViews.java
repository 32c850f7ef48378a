package io.grapholap.engine.gpu;

import io.grapholap.graph.csr.CsrGraph;

import java.util.Arrays;

/**
 * Adjacency views the intersection kernels need, derived on the host once per instance:
 * sorted, distinct, self-loop-free neighbour lists.
 */
final class HostViews {

    /** CSR arrays: the list of {@code v} is {@code targets[offsets[v] .. offsets[v+1])}. */
    record Lists(int[] offsets, int[] targets) {
    }

    private HostViews() {
    }

    /** The simple undirected graph: neighbours by an arc in either direction, sorted, distinct, without v. */
    static Lists simpleUndirected(CsrGraph g) {
        return build(g, true);
    }

    /** Out-neighbours sorted and distinct, without v itself. */
    static Lists simpleOut(CsrGraph g) {
        return build(g, false);
    }

    private static Lists build(CsrGraph g, boolean withIn) {
        int n = g.vertexCount();
        int[] outOff = g.outOffsets();
        int[] outT = g.outTargets();
        int[] inOff = g.inOffsets();
        int[] inS = g.inSources();
        boolean addIn = withIn && g.isDirected();
        int[] offsets = new int[n + 1];
        int[] buf = new int[16];
        int[][] lists = new int[n][];
        long total = 0;
        for (int v = 0; v < n; v++) {
            int cap = outOff[v + 1] - outOff[v] + (addIn ? inOff[v + 1] - inOff[v] : 0);
            if (buf.length < cap) {
                buf = new int[Math.max(cap, buf.length * 2)];
            }
            int k = 0;
            for (int e = outOff[v]; e < outOff[v + 1]; e++) {
                buf[k++] = outT[e];
            }
            if (addIn) {
                for (int e = inOff[v]; e < inOff[v + 1]; e++) {
                    buf[k++] = inS[e];
                }
            }
            Arrays.sort(buf, 0, k);
            int m = 0;
            for (int i = 0; i < k; i++) {
                int u = buf[i];
                if (u != v && (m == 0 || buf[m - 1] != u)) {
                    buf[m++] = u;
                }
            }
            lists[v] = Arrays.copyOf(buf, m);
            total += m;
        }
        if (total > CsrGraph.MAX_ARCS) {
            throw new IllegalStateException("simple graph has " + total + " arcs, more than int indexes allow");
        }
        int[] targets = new int[(int) total];
        for (int v = 0; v < n; v++) {
            offsets[v + 1] = offsets[v] + lists[v].length;
            System.arraycopy(lists[v], 0, targets, offsets[v], lists[v].length);
            lists[v] = null;
        }
        return new Lists(offsets, targets);
    }
}
