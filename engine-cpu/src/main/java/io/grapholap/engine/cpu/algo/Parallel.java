package io.grapholap.engine.cpu.algo;

import java.util.Objects;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs loops over index ranges on the pool of the instance that runs the kernel, with at most
 * {@code parallelism} of its threads. Work is cut into
 * chunks that workers claim one at a time, which balances the skewed degrees of real graphs.
 * The termination flag is checked before every chunk. With parallelism 1 everything runs on the
 * calling thread.
 */
public final class Parallel {

    /** A body over the half-open index range {@code [from, to)}, given the worker's index. */
    @FunctionalInterface
    public interface RangeBody {
        void run(int worker, int from, int to);
    }

    private final ForkJoinPool pool;
    private final int parallelism;
    private final Termination termination;

    /** Loops on {@code pool} (the instance's), with at most {@code parallelism} of its threads. */
    public Parallel(ForkJoinPool pool, int parallelism, Termination termination) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
        this.pool = Objects.requireNonNull(pool, "pool");
        this.parallelism = Math.min(parallelism, pool.getParallelism());
        this.termination = termination == null ? Termination.NEVER : termination;
    }

    public int parallelism() {
        return parallelism;
    }

    public Termination termination() {
        return termination;
    }

    public void check() {
        termination.check();
    }

    /** Runs {@code body} over {@code [0, n)} in chunks of {@code chunk} indices. */
    public void forRange(int n, int chunk, RangeBody body) {
        if (n <= 0) {
            return;
        }
        int chunks = (int) (((long) n + chunk - 1) / chunk);
        int workers = Math.min(parallelism, chunks);
        if (workers == 1) {
            for (int c = 0; c < chunks; c++) {
                termination.check();
                int from = c * chunk;
                body.run(0, from, (int) Math.min((long) from + chunk, n));
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        ForkJoinTask<?>[] tasks = new ForkJoinTask<?>[workers];
        for (int w = 0; w < workers; w++) {
            int worker = w;
            tasks[w] = pool.submit(() -> {
                int c;
                while ((c = next.getAndIncrement()) < chunks) {
                    termination.check();
                    int from = c * chunk;
                    body.run(worker, from, (int) Math.min((long) from + chunk, n));
                }
            });
        }
        RuntimeException failure = null;
        for (ForkJoinTask<?> t : tasks) {
            try {
                t.join();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                }
                next.set(chunks);
            }
        }
        if (failure != null) {
            throw unwrap(failure);
        }
    }

    /** A chunk size giving each worker several chunks, at least {@code min}. */
    public int chunkFor(int n, int min) {
        int c = n / (parallelism * 16);
        return Math.max(min, c);
    }

    private static RuntimeException unwrap(RuntimeException e) {
        Throwable t = e;
        if (t.getCause() != null && t.getCause().getClass() == t.getClass()) {
            t = t.getCause();
        }
        while (t.getCause() != null && !(t instanceof io.grapholap.domain.error.DomainException)
                && (t instanceof java.util.concurrent.CompletionException
                || t.getClass() == RuntimeException.class)) {
            t = t.getCause();
        }
        return t instanceof RuntimeException r ? r : e;
    }
}
