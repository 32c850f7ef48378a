package io.grapholap.engine.cpu.algo;

import com.google.auto.service.AutoService;
import io.grapholap.application.graph.Column;
import io.grapholap.application.graph.algo.CdlpParams;
import io.grapholap.graph.csr.ResultColumns;
import java.util.Arrays;

/**
 * Community detection by label propagation as LDBC Graphalytics defines it: labels start as the
 * vertex ids; in each of a fixed number of synchronous iterations every vertex takes the label
 * that occurs most often among its neighbours, the smallest such label on a tie, and keeps its
 * label when it has no neighbours. On a directed graph the labels of in- and out-neighbours are
 * both counted (a neighbour at both ends counts twice). Parallel over vertex ranges; each worker
 * gathers the neighbour labels and sorts them (few) or counts them in its own hash table (many).
 * After the first iteration a vertex none of whose neighbours changed label keeps its own without
 * counting (see {@link #anyChanged}).
 */
public final class Cdlp {

    /** Final label by dense vertex id. */
    public record Result(long[] labels, int iterations) {
    }

    private final Topology g;
    private final CdlpParams params;
    private final long[] initialLabels;
    private final Parallel parallel;
    private final Progress progress;

    /**
     * @param initialLabels the starting label per dense id, normally the vertex's original id so that
     *                      ties break as Graphalytics expects; {@code null} means the dense id
     */
    public Cdlp(Topology graph, CdlpParams params, long[] initialLabels, Parallel parallel, Progress progress) {
        this.g = graph;
        this.params = params;
        this.initialLabels = initialLabels;
        this.parallel = parallel;
        this.progress = progress == null ? Progress.NONE : progress;
    }

    public Result compute() {
        final int n = g.n();
        final int[] outOff = g.outOffsets();
        final int[] outT = g.outTargets();
        final int[] inOff = g.inOffsets();
        final int[] inS = g.inSources();
        final boolean both = g.directed();
        // Labels propagate as ints that sort as the initial labels do: half the bytes of the longs to
        // gather at random and to sort. valueOf maps such an int back to its label.
        final long[] valueOf = labelValues(n);
        int[] labels = new int[n];
        int[] next = new int[n];
        initialRanks(labels, valueOf);
        final int[][] buffers = new int[parallel.parallelism()][];
        final LabelCounter[] counters = new LabelCounter[parallel.parallelism()];
        // Ranges are whole 64-vertex words, so each worker writes only its own words of the bitmaps.
        final int chunk = Math.max(64, parallel.chunkFor(n, 1024) & ~63);
        // The vertices whose label changed in the previous iteration, one bit each.
        long[] changed = new long[(n + 63) >>> 6];
        long[] nextChanged = new long[(n + 63) >>> 6];
        for (int it = 0; it < params.iterations(); it++) {
            final int[] cur = labels;
            final int[] out = next;
            final boolean first = it == 0;
            final long[] was = changed;
            final long[] now = nextChanged;
            parallel.forRange(n, chunk, (w, from, to) -> {
                for (int wi = from >>> 6, wEnd = (to + 63) >>> 6; wi < wEnd; wi++) {
                    now[wi] = 0L;
                }
                int[] buf = buffers[w];
                if (buf == null) {
                    buf = new int[256];
                    counters[w] = new LabelCounter();
                }
                LabelCounter counter = counters[w];
                for (int v = from; v < to; v++) {
                    int deg = outOff[v + 1] - outOff[v] + (both ? inOff[v + 1] - inOff[v] : 0);
                    boolean settled = !first && !anyChanged(was, outT, outOff[v], outOff[v + 1])
                            && !(both && anyChanged(was, inS, inOff[v], inOff[v + 1]));
                    if (deg == 0 || settled) {
                        out[v] = cur[v];
                        continue;
                    }
                    if (buf.length < deg) {
                        buf = new int[Math.max(deg, buf.length * 2)];
                    }
                    int k = 0;
                    for (int e = outOff[v], end = outOff[v + 1]; e < end; e++) {
                        buf[k++] = cur[outT[e]];
                    }
                    if (both) {
                        for (int e = inOff[v], end = inOff[v + 1]; e < end; e++) {
                            buf[k++] = cur[inS[e]];
                        }
                    }
                    int label = k <= SORT_LIMIT ? mostFrequentSmallest(buf, k) : counter.mostFrequentSmallest(buf, k);
                    out[v] = label;
                    if (label != cur[v]) {
                        now[v >>> 6] |= 1L << v;
                    }
                }
                buffers[w] = buf;
            });
            next = labels;
            labels = out;
            nextChanged = changed;
            changed = now;
            progress.report(it + 1, params.iterations());
        }
        final long[] result = new long[n];
        final int[] last = labels;
        parallel.forRange(n, parallel.chunkFor(n, 4096), (w, from, to) -> {
            for (int v = from; v < to; v++) {
                result[v] = valueOf == null ? last[v] : valueOf[last[v]];
            }
        });
        return new Result(result, params.iterations());
    }

    /**
     * Whether a vertex of {@code neighbours[from..to)} changed label in the previous iteration. When no
     * neighbour of a vertex did, it would count the same labels again and take the label it has, so it
     * keeps it without gathering them: a look-up in a bitmap that stays in cache instead of a read of
     * the label array at random, and once most labels have settled most vertices skip.
     */
    private static boolean anyChanged(long[] changed, int[] neighbours, int from, int to) {
        for (int e = from; e < to; e++) {
            int u = neighbours[e];
            if ((changed[u >>> 6] & (1L << u)) != 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The label each int stands for: {@code null} when the labels are the dense ids, the initial
     * labels themselves when they ascend with the dense ids (as a snapshot's keys usually do),
     * else the initial labels sorted.
     */
    private long[] labelValues(int n) {
        if (initialLabels == null) {
            return null;
        }
        for (int v = 1; v < n; v++) {
            if (initialLabels[v - 1] >= initialLabels[v]) {
                long[] sorted = Arrays.copyOf(initialLabels, n);
                Arrays.parallelSort(sorted);
                return sorted;
            }
        }
        return initialLabels;
    }

    private void initialRanks(int[] labels, long[] valueOf) {
        final int n = labels.length;
        if (valueOf == null || valueOf == initialLabels) {
            for (int v = 0; v < n; v++) {
                labels[v] = v;
            }
            return;
        }
        parallel.forRange(n, parallel.chunkFor(n, 4096), (w, from, to) -> {
            for (int v = from; v < to; v++) {
                labels[v] = Arrays.binarySearch(valueOf, initialLabels[v]);
            }
        });
    }

    /**
     * Up to this many neighbour labels are sorted; more are counted in a hash table (8 was the fastest of
     * 3, 8, 16 and 48 at Kronecker scale 22: sorting costs more per label as lists grow, the table's set-up
     * more than sorting a few).
     */
    private static final int SORT_LIMIT = 8;

    /** Open-addressing label → count table, reused by one worker; cleared through its used slots. */
    private static final class LabelCounter {
        private int[] keys = new int[1024];
        private int[] counts = new int[1024];
        private int[] used = new int[512];

        int mostFrequentSmallest(int[] labels, int k) {
            int capacity = Integer.highestOneBit(Math.max(16, k) * 2 - 1) << 1;
            if (keys.length < capacity) {
                keys = new int[capacity];
                counts = new int[capacity];
                used = new int[capacity];
            }
            int mask = capacity - 1;
            int usedCount = 0;
            for (int i = 0; i < k; i++) {
                int label = labels[i];
                int slot = mix(label) & mask;
                while (counts[slot] != 0 && keys[slot] != label) {
                    slot = (slot + 1) & mask;
                }
                if (counts[slot] == 0) {
                    keys[slot] = label;
                    used[usedCount++] = slot;
                }
                counts[slot]++;
            }
            int best = 0;
            int bestCount = 0;
            for (int i = 0; i < usedCount; i++) {
                int slot = used[i];
                int c = counts[slot];
                if (c > bestCount || (c == bestCount && keys[slot] < best)) {
                    bestCount = c;
                    best = keys[slot];
                }
                counts[slot] = 0;
            }
            return best;
        }

        private static int mix(int x) {
            int h = x * 0x9E3779B9;
            return h ^ (h >>> 16);
        }
    }

    private static int mostFrequentSmallest(int[] buf, int k) {
        if (k == 1) {
            return buf[0];
        }
        Arrays.sort(buf, 0, k);
        int best = buf[0];
        int bestRun = 0;
        for (int i = 0; i < k; ) {
            int j = i + 1;
            while (j < k && buf[j] == buf[i]) {
                j++;
            }
            if (j - i > bestRun) {
                bestRun = j - i;
                best = buf[i];
            }
            i = j;
        }
        return best;
    }

    /** The CPU kernel of {@code cdlp}, as {@link CpuAlgorithms} finds it. */
    @AutoService(CpuKernel.class)
    public static final class Kernel implements CpuKernel<CdlpParams> {
        @Override
        public Class<CdlpParams> params() {
            return CdlpParams.class;
        }

        @Override
        public void run(CdlpParams p, CpuRun run) {
            long[] keys = ResultColumns.numericKeys(run.graph());
            Result r = new Cdlp(run.topology(), p, keys, run.parallel(), run.progress()).compute();
            Column labels;
            if (keys != null) {
                labels = Column.ofLongs(r.labels());
            } else {
                int[] ids = new int[r.labels().length];
                for (int v = 0; v < ids.length; v++) {
                    ids[v] = (int) r.labels()[v];
                }
                labels = ResultColumns.gather(run.graph().keyColumn(), ids);
            }
            run.perVertex("community", labels);
            run.stat("iterations", r.iterations());
        }
    }
}
