package io.grapholap.engine.cpu.algo;

import com.google.auto.service.AutoService;
import io.grapholap.application.graph.Column;
import io.grapholap.application.graph.algo.KCoreParams;

/**
 * Core numbers of the simple undirected graph under the input (direction, multi-arcs and
 * self-loops ignored), by the linear-time bucket algorithm of Batagelj and Zaversnik.
 */
public final class KCore {

    /** Core number by dense vertex id and the largest one (the degeneracy). */
    public record Result(int[] cores, int degeneracy) {
    }

    private final Topology g;
    private final Parallel parallel;
    private final Progress progress;

    public KCore(Topology graph, Parallel parallel, Progress progress) {
        this.g = graph;
        this.parallel = parallel;
        this.progress = progress == null ? Progress.NONE : progress;
    }

    public Result compute() {
        final int n = g.n();
        final Undirected.SortedArcs s = Undirected.simple(g, parallel);
        final int[] off = s.offsets();
        final int[] adj = s.targets();
        int[] deg = new int[n];
        int maxDeg = 0;
        for (int v = 0; v < n; v++) {
            deg[v] = off[v + 1] - off[v];
            maxDeg = Math.max(maxDeg, deg[v]);
        }
        int[] bin = new int[maxDeg + 2];
        for (int v = 0; v < n; v++) {
            bin[deg[v]]++;
        }
        int start = 0;
        for (int d = 0; d <= maxDeg; d++) {
            int c = bin[d];
            bin[d] = start;
            start += c;
        }
        int[] vert = new int[n];
        int[] pos = new int[n];
        for (int v = 0; v < n; v++) {
            pos[v] = bin[deg[v]]++;
            vert[pos[v]] = v;
        }
        for (int d = maxDeg; d > 0; d--) {
            bin[d] = bin[d - 1];
        }
        bin[0] = 0;
        int degeneracy = 0;
        for (int i = 0; i < n; i++) {
            if ((i & 0xFFFF) == 0) {
                parallel.check();
                progress.report(i, n);
            }
            int v = vert[i];
            degeneracy = Math.max(degeneracy, deg[v]);
            for (int e = off[v]; e < off[v + 1]; e++) {
                int u = adj[e];
                if (deg[u] > deg[v]) {
                    int du = deg[u];
                    int pu = pos[u];
                    int pw = bin[du];
                    int w = vert[pw];
                    if (u != w) {
                        pos[u] = pw;
                        vert[pu] = w;
                        pos[w] = pu;
                        vert[pw] = u;
                    }
                    bin[du]++;
                    deg[u]--;
                }
            }
        }
        progress.report(n, n);
        return new Result(deg, degeneracy);
    }

    /** The CPU kernel of {@code k_core}, as {@link CpuAlgorithms} finds it. */
    @AutoService(CpuKernel.class)
    public static final class Kernel implements CpuKernel<KCoreParams> {
        @Override
        public Class<KCoreParams> params() {
            return KCoreParams.class;
        }

        @Override
        public void run(KCoreParams p, CpuRun run) {
            Result r = new KCore(run.topology(), run.parallel(), run.progress()).compute();
            run.stat("degeneracy", r.degeneracy());
            if (p.k() == null) {
                run.perVertex("core", Column.ofInts(r.cores()));
                return;
            }
            int min = p.k();
            int count = 0;
            for (int c : r.cores()) {
                if (c >= min) {
                    count++;
                }
            }
            int[] ids = new int[count];
            int[] cores = new int[count];
            int i = 0;
            for (int v = 0; v < r.cores().length; v++) {
                if (r.cores()[v] >= min) {
                    ids[i] = v;
                    cores[i++] = r.cores()[v];
                }
            }
            run.vertexColumns(ids);
            run.column("core", Column.ofInts(cores));
            run.stat("k", min);
            run.stat("vertices_in_k_core", count);
        }
    }
}
