package io.grapholap.graph.csr;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Runs a loop over an index range in parallel chunks on a given pool, or inline when the pool is
 * {@code null}, has one thread, or the range is small. Every chunk is waited for; the first
 * exception of a chunk is then rethrown (so no chunk still runs when the caller sees a failure).
 */
public final class Parallel {

    /** Body of a parallel loop over {@code [from, to)}. */
    @FunctionalInterface
    public interface RangeBody {
        void run(int from, int to);
    }

    private Parallel() {
    }

    public static void forRange(ForkJoinPool pool, int from, int to, int minChunk, RangeBody body) {
        int length = to - from;
        int threads = pool == null ? 1 : pool.getParallelism();
        if (threads <= 1 || length <= minChunk) {
            if (length > 0) {
                body.run(from, to);
            }
            return;
        }
        int chunks = (int) Math.min((long) threads * 8, Math.max(1, length / Math.max(1, minChunk)));
        long step = ((long) length + chunks - 1) / chunks;
        List<ForkJoinTask<?>> tasks = new ArrayList<>(chunks);
        for (long s = from; s < to; s += step) {
            int a = (int) s;
            int b = (int) Math.min(to, s + step);
            tasks.add(pool.submit(() -> body.run(a, b)));
        }
        RuntimeException failure = null;
        for (ForkJoinTask<?> t : tasks) {
            try {
                t.join();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Splits vertices {@code 0..n-1} into at most {@code parts} contiguous ranges of about equal
     * arc count according to {@code offsets}; returns {@code parts+1} boundaries (some ranges may be
     * empty).
     */
    public static int[] balancedSplit(int[] offsets, int n, int parts) {
        int[] bounds = new int[parts + 1];
        long arcs = offsets[n];
        for (int p = 1; p < parts; p++) {
            long target = arcs * p / parts;
            int lo = bounds[p - 1];
            int hi = n;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (offsets[mid] < target) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            bounds[p] = lo;
        }
        bounds[parts] = n;
        return bounds;
    }
}
