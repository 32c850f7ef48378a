package io.grapholap.engine.cpu.algo;

import com.google.auto.service.AutoService;
import io.grapholap.application.graph.Column;
import io.grapholap.application.graph.algo.WccParams;
import io.grapholap.graph.csr.ResultColumns;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.SplittableRandom;

/**
 * Weakly connected components (LDBC Graphalytics WCC), Afforest style (Sutton et al.): a lock-free
 * union-find that always hooks the larger root under the smaller one is first fed two arcs per
 * vertex (on a directed graph also its first in-arc); a sample then names the largest component found so far, and the remaining arcs are
 * processed only for vertices outside it (their out-arcs and, on a directed graph, their in-arcs),
 * which skips most of the graph on real data. Each vertex ends labelled with the smallest dense id
 * in its component.
 */
public final class Wcc {

    private static final VarHandle INTS = MethodHandles.arrayElementVarHandle(int[].class);
    private static final int NEIGHBOR_ROUNDS = 2;
    private static final int SAMPLES = 1024;

    /** Component by dense vertex id: the smallest dense id in the component. */
    public record Result(int[] components, int componentCount) {
    }

    private final Topology g;
    private final Parallel parallel;
    private final Progress progress;

    public Wcc(Topology graph, Parallel parallel, Progress progress) {
        this.g = graph;
        this.parallel = parallel;
        this.progress = progress == null ? Progress.NONE : progress;
    }

    public Result compute() {
        final int n = g.n();
        final int[] outOff = g.outOffsets();
        final int[] outT = g.outTargets();
        final int[] inOff = g.inOffsets();
        final int[] inS = g.inSources();
        final boolean directed = g.directed();
        final int[] parent = new int[n];
        final int chunk = parallel.chunkFor(n, 4096);
        parallel.forRange(n, chunk, (w, from, to) -> {
            for (int v = from; v < to; v++) {
                parent[v] = v;
            }
        });
        for (int r = 0; r < NEIGHBOR_ROUNDS; r++) {
            final int round = r;
            parallel.forRange(n, chunk, (w, from, to) -> {
                for (int v = from; v < to; v++) {
                    int e = outOff[v] + round;
                    if (e < outOff[v + 1]) {
                        link(parent, v, outT[e]);
                    }
                    if (directed && round == 0 && inOff[v] < inOff[v + 1]) {
                        link(parent, v, inS[inOff[v]]);
                    }
                }
            });
            compress(parent, chunk);
            progress.report(r + 1, NEIGHBOR_ROUNDS + 2);
        }
        final int giant = n == 0 ? -1 : mostFrequent(parent, n);
        parallel.forRange(n, Math.max(256, chunk / 8), (w, from, to) -> {
            for (int v = from; v < to; v++) {
                if (find(parent, v) == giant) {
                    continue;
                }
                for (int e = outOff[v] + NEIGHBOR_ROUNDS, end = outOff[v + 1]; e < end; e++) {
                    link(parent, v, outT[e]);
                }
                if (directed) {
                    for (int e = inOff[v] + 1, end = inOff[v + 1]; e < end; e++) {
                        link(parent, v, inS[e]);
                    }
                }
            }
        });
        progress.report(NEIGHBOR_ROUNDS + 1, NEIGHBOR_ROUNDS + 2);
        compress(parent, chunk);
        final int workers = parallel.parallelism();
        final int[] roots = new int[workers];
        parallel.forRange(n, chunk, (w, from, to) -> {
            int count = 0;
            for (int v = from; v < to; v++) {
                if (parent[v] == v) {
                    count++;
                }
            }
            roots[w] += count;
        });
        int components = 0;
        for (int c : roots) {
            components += c;
        }
        progress.report(NEIGHBOR_ROUNDS + 2, NEIGHBOR_ROUNDS + 2);
        return new Result(parent, components);
    }

    private void compress(int[] parent, int chunk) {
        parallel.forRange(parent.length, chunk, (w, from, to) -> {
            for (int v = from; v < to; v++) {
                parent[v] = find(parent, v);
            }
        });
    }

    private static int mostFrequent(int[] parent, int n) {
        SplittableRandom random = new SplittableRandom(0x5eed);
        int[] sample = new int[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            sample[i] = parent[random.nextInt(n)];
        }
        java.util.Arrays.sort(sample);
        int best = sample[0];
        int bestRun = 0;
        for (int i = 0; i < SAMPLES; ) {
            int j = i;
            while (j < SAMPLES && sample[j] == sample[i]) {
                j++;
            }
            if (j - i > bestRun) {
                bestRun = j - i;
                best = sample[i];
            }
            i = j;
        }
        return best;
    }

    /**
     * Root of {@code x} with path halving. Only non-roots are rewritten, and only to an ancestor, so
     * the plain writes cannot undo a concurrent hook (hooks change roots only, by compare-and-set).
     */
    static int find(int[] parent, int x) {
        int p = parent[x];
        while (p != x) {
            int gp = parent[p];
            if (gp != p) {
                parent[x] = gp;
            }
            x = gp;
            p = parent[x];
        }
        return x;
    }

    static void link(int[] parent, int u, int v) {
        while (true) {
            int ru = find(parent, u);
            int rv = find(parent, v);
            if (ru == rv) {
                return;
            }
            int hi = Math.max(ru, rv);
            int lo = Math.min(ru, rv);
            if (INTS.compareAndSet(parent, hi, hi, lo)) {
                return;
            }
        }
    }

    /** The CPU kernel of {@code wcc}, as {@link CpuAlgorithms} finds it. */
    @AutoService(CpuKernel.class)
    public static final class Kernel implements CpuKernel<WccParams> {
        @Override
        public Class<WccParams> params() {
            return WccParams.class;
        }

        @Override
        public void run(WccParams p, CpuRun run) {
            Result r = new Wcc(run.topology(), run.parallel(), run.progress()).compute();
            run.perVertex("component", ResultColumns.smallestKeyLabels(run.graph(), r.components()));
            run.stat("components", r.componentCount());
        }
    }
}
