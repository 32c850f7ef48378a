package io.grapholap.engine.cpu.algo;

import com.google.auto.service.AutoService;
import io.grapholap.application.graph.Column;
import io.grapholap.application.graph.algo.LouvainParams;
import java.util.Arrays;

/**
 * Louvain community detection (Blondel et al.) on the undirected weighted graph under the input: an
 * arc {@code u -> v} of weight {@code w} adds {@code w} to the undirected edge {@code {u, v}}
 * (a stored undirected edge counts once). Each level moves vertices, in id order, to the
 * neighbouring community with the best modularity gain until a sweep gains less than the tolerance,
 * then collapses communities into vertices; it stops when a level merges nothing or gains too little.
 * Deterministic. Communities are numbered from 0 in order of their smallest vertex id.
 */
public final class Louvain {

    /** Community by dense vertex id, the number of communities, the modularity and levels run. */
    public record Result(int[] communities, int communityCount, double modularity, int levels) {
    }

    /** A symmetric weighted graph: entries of {@code v} are {@code adj/wt[off[v] .. off[v+1])}. */
    private record Level(int n, int[] off, int[] adj, double[] wt) {
    }

    private final Topology g;
    private final LouvainParams params;
    private final Parallel parallel;
    private final Progress progress;

    /** {@code graph} carries out-arc weights when a weight property was given, none for unit weights. */
    public Louvain(Topology graph, LouvainParams params, Parallel parallel, Progress progress) {
        this.g = graph;
        this.params = params;
        this.parallel = parallel;
        this.progress = progress == null ? Progress.NONE : progress;
    }

    public Result compute() {
        final int n0 = g.n();
        Level level = firstLevel();
        int[] membership = new int[n0];
        for (int v = 0; v < n0; v++) {
            membership[v] = v;
        }
        double total = 0;
        for (int e = 0; e < level.off[level.n]; e++) {
            total += level.wt[e];
        }
        if (n0 == 0 || total == 0) {
            int[] ids = new int[n0];
            for (int v = 0; v < n0; v++) {
                ids[v] = v;
            }
            return new Result(ids, n0, 0.0, 0);
        }
        double modularity = modularity(level, identity(level.n), total);
        int levels = 0;
        while (levels < params.levels()) {
            parallel.check();
            int[] comm = moveVertices(level, total);
            int[] renumber = new int[level.n];
            Arrays.fill(renumber, -1);
            int count = 0;
            for (int v = 0; v < level.n; v++) {
                if (renumber[comm[v]] < 0) {
                    renumber[comm[v]] = count++;
                }
            }
            for (int v = 0; v < level.n; v++) {
                comm[v] = renumber[comm[v]];
            }
            double q = modularity(level, comm, total);
            if (count == level.n || q - modularity < params.tolerance()) {
                if (q > modularity && count < level.n) {
                    for (int v = 0; v < n0; v++) {
                        membership[v] = comm[membership[v]];
                    }
                    modularity = q;
                    levels++;
                }
                break;
            }
            for (int v = 0; v < n0; v++) {
                membership[v] = comm[membership[v]];
            }
            modularity = q;
            levels++;
            progress.report(levels, params.levels());
            level = aggregate(level, comm, count);
        }
        int[] renumber = new int[n0];
        Arrays.fill(renumber, -1);
        int count = 0;
        int[] result = new int[n0];
        for (int v = 0; v < n0; v++) {
            int c = membership[v];
            if (renumber[c] < 0) {
                renumber[c] = count++;
            }
            result[v] = renumber[c];
        }
        return new Result(result, count, modularity, levels);
    }

    private static int[] identity(int n) {
        int[] ids = new int[n];
        for (int v = 0; v < n; v++) {
            ids[v] = v;
        }
        return ids;
    }

    private Level firstLevel() {
        final int n = g.n();
        final int[] off = g.outOffsets();
        final int[] t = g.outTargets();
        final double[] w = g.outWeights();
        final boolean directed = g.directed();
        int[] count = new int[n + 1];
        for (int u = 0; u < n; u++) {
            for (int e = off[u]; e < off[u + 1]; e++) {
                count[u + 1]++;
                if (directed && t[e] != u) {
                    count[t[e] + 1]++;
                }
            }
        }
        for (int v = 0; v < n; v++) {
            count[v + 1] += count[v];
        }
        int[] adj = new int[count[n]];
        double[] wt = new double[count[n]];
        int[] fill = Arrays.copyOf(count, n);
        for (int u = 0; u < n; u++) {
            for (int e = off[u]; e < off[u + 1]; e++) {
                int v = t[e];
                double x = w == null ? 1.0 : w[e];
                adj[fill[u]] = v;
                wt[fill[u]++] = x;
                if (directed && v != u) {
                    adj[fill[v]] = u;
                    wt[fill[v]++] = x;
                }
            }
        }
        return merge(n, count, adj, wt);
    }

    /** Combines repeated entries of each vertex into one by summing their weights. */
    private static Level merge(int n, int[] off, int[] adj, double[] wt) {
        int[] slot = new int[n];
        Arrays.fill(slot, -1);
        int[] newOff = new int[n + 1];
        int k = 0;
        for (int v = 0; v < n; v++) {
            int start = k;
            for (int e = off[v]; e < off[v + 1]; e++) {
                int u = adj[e];
                if (slot[u] < start) {
                    slot[u] = k;
                    adj[k] = u;
                    wt[k] = wt[e];
                    k++;
                } else {
                    wt[slot[u]] += wt[e];
                }
            }
            newOff[v + 1] = k;
        }
        return new Level(n, newOff, Arrays.copyOf(adj, k), Arrays.copyOf(wt, k));
    }

    private int[] moveVertices(Level level, double total) {
        final int n = level.n;
        final int[] off = level.off;
        final int[] adj = level.adj;
        final double[] wt = level.wt;
        double[] k = new double[n];
        double[] tot = new double[n];
        int[] comm = new int[n];
        for (int v = 0; v < n; v++) {
            double s = 0;
            for (int e = off[v]; e < off[v + 1]; e++) {
                s += wt[e];
            }
            k[v] = s;
            tot[v] = s;
            comm[v] = v;
        }
        double[] toComm = new double[n];
        int[] touched = new int[n];
        Arrays.fill(toComm, -1);
        for (int sweep = 0; sweep < params.iterations(); sweep++) {
            parallel.check();
            int moved = 0;
            // Moving v from community a to b changes modularity by exactly 2/total · (gain(b) − gain(a)).
            double sweepGain = 0;
            for (int v = 0; v < n; v++) {
                if ((v & 0xFFFF) == 0xFFFF) {
                    parallel.check();
                }
                int old = comm[v];
                int nt = 0;
                toComm[old] = 0;
                touched[nt++] = old;
                for (int e = off[v]; e < off[v + 1]; e++) {
                    int u = adj[e];
                    if (u == v) {
                        continue;
                    }
                    int c = comm[u];
                    if (toComm[c] < 0) {
                        toComm[c] = 0;
                        touched[nt++] = c;
                    }
                    toComm[c] += wt[e];
                }
                tot[old] -= k[v];
                int best = old;
                double stayGain = toComm[old] - tot[old] * k[v] / total;
                double bestGain = stayGain;
                // Ties within rounding keep the vertex where it is, otherwise go to the smallest community id.
                for (int i = 0; i < nt; i++) {
                    int c = touched[i];
                    if (c == old) {
                        continue;
                    }
                    double gain = toComm[c] - tot[c] * k[v] / total;
                    if (gain > bestGain + 1e-12 || (best != old && c < best && Math.abs(gain - bestGain) <= 1e-12)) {
                        bestGain = gain;
                        best = c;
                    }
                }
                tot[best] += k[v];
                comm[v] = best;
                if (best != old) {
                    moved++;
                    sweepGain += 2.0 / total * (bestGain - stayGain);
                }
                for (int i = 0; i < nt; i++) {
                    toComm[touched[i]] = -1;
                }
            }
            if (moved == 0 || sweepGain < params.tolerance()) {
                break;
            }
        }
        return comm;
    }

    private static double modularity(Level level, int[] comm, double total) {
        final int n = level.n;
        double[] in = new double[n];
        double[] tot = new double[n];
        for (int v = 0; v < n; v++) {
            int c = comm[v];
            for (int e = level.off[v]; e < level.off[v + 1]; e++) {
                tot[c] += level.wt[e];
                if (comm[level.adj[e]] == c) {
                    in[c] += level.wt[e];
                }
            }
        }
        double q = 0;
        for (int c = 0; c < n; c++) {
            if (tot[c] > 0) {
                double share = tot[c] / total;
                q += in[c] / total - share * share;
            }
        }
        return q;
    }

    private static Level aggregate(Level level, int[] comm, int count) {
        final int n = level.n;
        int[] size = new int[count + 1];
        for (int v = 0; v < n; v++) {
            size[comm[v] + 1] += level.off[v + 1] - level.off[v];
        }
        for (int c = 0; c < count; c++) {
            size[c + 1] += size[c];
        }
        int[] adj = new int[size[count]];
        double[] wt = new double[size[count]];
        int[] fill = Arrays.copyOf(size, count);
        for (int v = 0; v < n; v++) {
            int c = comm[v];
            for (int e = level.off[v]; e < level.off[v + 1]; e++) {
                adj[fill[c]] = comm[level.adj[e]];
                wt[fill[c]++] = level.wt[e];
            }
        }
        return merge(count, size, adj, wt);
    }

    /** The CPU kernel of {@code louvain}, as {@link CpuAlgorithms} finds it. */
    @AutoService(CpuKernel.class)
    public static final class Kernel implements CpuKernel<LouvainParams> {
        @Override
        public Class<LouvainParams> params() {
            return LouvainParams.class;
        }

        @Override
        public void run(LouvainParams p, CpuRun run) {
            Result r = new Louvain(run.weightedOrPlain(p.weight()), p, run.parallel(), run.progress()).compute();
            run.perVertex("community", Column.ofInts(r.communities()));
            run.stat("modularity", r.modularity());
            run.stat("communities", r.communityCount());
            run.stat("levels", r.levels());
        }
    }
}
