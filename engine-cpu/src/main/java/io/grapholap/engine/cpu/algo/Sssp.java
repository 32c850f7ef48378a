package io.grapholap.engine.cpu.algo;

import com.google.auto.service.AutoService;
import io.grapholap.application.graph.Column;
import io.grapholap.application.graph.algo.SsspParams;
import io.grapholap.domain.error.ValidationException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * Single-source shortest paths over non-negative out-arc weights (LDBC Graphalytics SSSP), by
 * parallel delta-stepping (Meyer and Sanders, in the bucket-per-worker form of the GAP benchmark):
 * the vertices of the lowest non-empty distance bucket are relaxed in parallel, distances are
 * lowered with a compare-and-set, and every lowered vertex goes to its new bucket in the worker's
 * own lists. An entry is skipped when its vertex has since moved to an earlier bucket, and when
 * its vertex's arcs were already relaxed from a distance no greater than its current one: a
 * vertex lowered twice within a bucket is queued twice, and on Kronecker graphs that second
 * relaxation was 40% of all arc work. Unreachable vertices keep {@code +Infinity}. A negative or
 * NaN weight is rejected before the search, naming the {@code weight} parameter.
 */
public final class Sssp {

    private static final VarHandle DOUBLES = MethodHandles.arrayElementVarHandle(double[].class);
    private static final double BUCKET_FACTOR = 0.125;

    /** Distances by dense vertex id. */
    public record Result(double[] distances, int reached) {
    }

    private final Topology g;
    private final int source;
    private final Parallel parallel;
    private final Progress progress;

    public Sssp(Topology graph, int source, Parallel parallel, Progress progress) {
        if (graph.outWeights() == null) {
            throw new IllegalArgumentException("sssp needs arc weights");
        }
        this.g = graph;
        this.source = source;
        this.parallel = parallel;
        this.progress = progress == null ? Progress.NONE : progress;
    }

    /** Throws {@link ValidationException} on field {@code weight} when any weight is negative or NaN. */
    static void requireNonNegative(Topology g, Parallel parallel, String property) {
        final double[] w = g.outWeights();
        final int m = (int) g.arcs();
        final int[] bad = {-1};
        parallel.forRange(m, parallel.chunkFor(m, 1 << 16), (worker, from, to) -> {
            for (int e = from; e < to; e++) {
                if (!(w[e] >= 0)) {
                    synchronized (bad) {
                        if (bad[0] < 0 || e < bad[0]) {
                            bad[0] = e;
                        }
                    }
                    return;
                }
            }
        });
        if (bad[0] >= 0) {
            throw new ValidationException("weight", "edge property '" + property + "' has a negative or undefined "
                    + "weight (" + w[bad[0]] + "); shortest paths need non-negative weights");
        }
    }

    public Result compute() {
        final int n = g.n();
        final int[] off = g.outOffsets();
        final int[] t = g.outTargets();
        final double[] w = g.outWeights();
        final double[] dist = new double[n];
        // The distance each vertex's arcs were (or are being) relaxed from; -1 before the first time.
        final double[] relaxedFrom = new double[n];
        parallel.forRange(n, parallel.chunkFor(n, 1 << 14), (worker, from, to) -> {
            Arrays.fill(dist, from, to, Double.POSITIVE_INFINITY);
            Arrays.fill(relaxedFrom, from, to, -1.0);
        });
        dist[source] = 0.0;
        final double delta = delta();
        final int workers = parallel.parallelism();
        final Bins[] bins = new Bins[workers];
        for (int i = 0; i < workers; i++) {
            bins[i] = new Bins();
        }
        int[] frontier = {source};
        int frontierSize = 1;
        long bin = 0;
        long processed = 0;
        while (frontierSize > 0) {
            parallel.check();
            final int[] f = frontier;
            final double lower = delta * bin;
            parallel.forRange(frontierSize, Math.max(64, frontierSize / (workers * 8)), (worker, from, to) -> {
                Bins local = bins[worker];
                for (int i = from; i < to; i++) {
                    int u = f[i];
                    double du = (double) DOUBLES.getOpaque(dist, u);
                    if (du < lower || !claim(relaxedFrom, u, du)) {
                        continue;
                    }
                    for (int e = off[u], end = off[u + 1]; e < end; e++) {
                        int v = t[e];
                        double nd = du + w[e];
                        double old = (double) DOUBLES.getOpaque(dist, v);
                        while (nd < old) {
                            double witness = (double) DOUBLES.compareAndExchange(dist, v, old, nd);
                            if (witness == old) {
                                local.add((long) (nd / delta), v);
                                break;
                            }
                            old = witness;
                        }
                    }
                }
            });
            processed += frontierSize;
            progress.report(processed, n);
            long next = nextBucket(bins, bin);
            if (next == Long.MAX_VALUE && rebase(bins, dist, delta)) {
                next = nextBucket(bins, bin);
            }
            if (next == Long.MAX_VALUE) {
                break;
            }
            int size = 0;
            for (Bins b : bins) {
                size += b.size(next);
            }
            if (frontier.length < size) {
                frontier = new int[Math.max(size, frontier.length * 2)];
            }
            int k = 0;
            for (Bins b : bins) {
                k = b.drain(next, frontier, k);
            }
            frontierSize = k;
            bin = next;
        }
        final int[] reached = new int[workers];
        parallel.forRange(n, parallel.chunkFor(n, 1 << 14), (worker, from, to) -> {
            int r = 0;
            for (int v = from; v < to; v++) {
                if (dist[v] != Double.POSITIVE_INFINITY) {
                    r++;
                }
            }
            reached[worker] += r;
        });
        int total = 0;
        for (int r : reached) {
            total += r;
        }
        progress.report(n, n);
        return new Result(dist, total);
    }

    /**
     * Claims the relaxation of {@code u}'s arcs from distance {@code du}: false when they were
     * already relaxed, or are being relaxed by another worker, from a distance no greater. Distances
     * are non-negative and never NaN, so {@code ==} on them is the bitwise test the compare-and-set uses.
     */
    private static boolean claim(double[] relaxedFrom, int u, double du) {
        double seen = (double) DOUBLES.getOpaque(relaxedFrom, u);
        while (seen < 0 || du < seen) {
            double witness = (double) DOUBLES.compareAndExchange(relaxedFrom, u, seen, du);
            if (witness == seen) {
                return true;
            }
            seen = witness;
        }
        return false;
    }

    /**
     * The bucket width: {@code BUCKET_FACTOR} times the mean arc weight over the average out-degree (tuned on
     * Kronecker graphs: narrower buckets re-relax less, and small frontiers run on the calling thread).
     */
    private double delta() {
        final double[] w = g.outWeights();
        final int m = (int) g.arcs();
        if (m == 0) {
            return 1.0;
        }
        double sum = 0;
        double max = 0;
        int step = Math.max(1, m / 100_000);
        int count = 0;
        for (int e = 0; e < m; e += step) {
            sum += w[e];
            max = Math.max(max, w[e]);
            count++;
        }
        double mean = sum / count;
        double avgDegree = Math.max(1.0, (double) m / Math.max(1, g.n()));
        double d = BUCKET_FACTOR * mean / avgDegree;
        if (!(d > 0)) {
            d = max > 0 ? max : 1.0;
        }
        return d;
    }

    private static long nextBucket(Bins[] bins, long from) {
        long next = Long.MAX_VALUE;
        for (Bins b : bins) {
            next = Math.min(next, b.firstNonEmpty(from));
        }
        return next;
    }

    /**
     * Once the window of dense buckets is used up, moves it to the smallest bucket among the
     * overflow entries and re-files them by their current distance. Returns whether any were left.
     */
    private static boolean rebase(Bins[] bins, double[] dist, double delta) {
        long base = Long.MAX_VALUE;
        for (Bins b : bins) {
            for (int i = 0; i < b.overflowSize; i++) {
                base = Math.min(base, (long) (dist[b.overflow[i]] / delta));
            }
        }
        if (base == Long.MAX_VALUE) {
            return false;
        }
        for (Bins b : bins) {
            b.base = base;
        }
        for (Bins b : bins) {
            int[] pending = b.overflow;
            int count = b.overflowSize;
            b.overflow = new int[16];
            b.overflowSize = 0;
            for (int i = 0; i < count; i++) {
                int v = pending[i];
                b.add((long) (dist[v] / delta), v);
            }
        }
        return true;
    }

    /**
     * One worker's buckets: a window of {@code WINDOW} dense buckets from {@code base} (bucket index →
     * growable vertex list) and an unsorted overflow list for entries beyond it, so heavy-tailed
     * weights cannot blow the bucket array up.
     */
    private static final class Bins {
        private static final int WINDOW = 1 << 12;

        private int[][] lists = new int[16][];
        private int[] sizes = new int[16];
        private long base;
        private int[] overflow = new int[16];
        private int overflowSize;

        void add(long bucket, int v) {
            long idx = bucket - base;
            if (idx >= WINDOW) {
                if (overflowSize == overflow.length) {
                    overflow = Arrays.copyOf(overflow, overflow.length * 2);
                }
                overflow[overflowSize++] = v;
                return;
            }
            if (idx >= lists.length) {
                int len = (int) Math.min(WINDOW, Math.max(idx + 1, lists.length * 2L));
                lists = Arrays.copyOf(lists, len);
                sizes = Arrays.copyOf(sizes, len);
            }
            int i = (int) idx;
            int[] list = lists[i];
            if (list == null) {
                list = new int[64];
                lists[i] = list;
            } else if (sizes[i] == list.length) {
                list = Arrays.copyOf(list, list.length * 2);
                lists[i] = list;
            }
            list[sizes[i]++] = v;
        }

        long firstNonEmpty(long from) {
            for (long b = Math.max(from, base); b - base < sizes.length; b++) {
                if (sizes[(int) (b - base)] > 0) {
                    return b;
                }
            }
            return Long.MAX_VALUE;
        }

        int size(long bucket) {
            long idx = bucket - base;
            return idx < 0 || idx >= sizes.length ? 0 : sizes[(int) idx];
        }

        int drain(long bucket, int[] into, int at) {
            int size = size(bucket);
            if (size == 0) {
                return at;
            }
            int i = (int) (bucket - base);
            System.arraycopy(lists[i], 0, into, at, size);
            sizes[i] = 0;
            return at + size;
        }
    }

    /** The CPU kernel of {@code sssp}, as {@link CpuAlgorithms} finds it. */
    @AutoService(CpuKernel.class)
    public static final class Kernel implements CpuKernel<SsspParams> {
        @Override
        public Class<SsspParams> params() {
            return SsspParams.class;
        }

        @Override
        public void run(SsspParams p, CpuRun run) {
            int source = run.vertex("source", p.source());
            String property = p.weight() != null ? p.weight()
                    : run.graph().hasWeights() ? run.graph().weightProperty() : "weight";
            Result r = new Sssp(run.weighted(property), source, run.parallel(), run.progress()).compute();
            run.perVertex("distance", Column.ofDoubles(r.distances()));
            run.stat("reached", r.reached());
        }
    }
}
