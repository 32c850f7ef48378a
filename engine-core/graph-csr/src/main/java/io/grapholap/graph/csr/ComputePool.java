package io.grapholap.graph.csr;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that compute over one loaded graph, and only over it: its load, its kernels' parallel
 * loops and its Gremlin queries. Both halves hold at most {@link #threads()} platform threads (the
 * instance's {@code cpu_cores}): a fork-join pool for parallel loops, and a pool on which each query
 * runs on a thread of its own (CPU-bound traversals on virtual threads would hold the carriers that
 * request handling needs), with at most {@link #QUEUED_QUERIES_PER_THREAD} queries per thread waiting;
 * a waiting query's timeout keeps counting. Idle threads end after a minute. The engine that loads the
 * graph creates the pool; the instance closes it with itself.
 */
public final class ComputePool implements AutoCloseable {

    /** Queries that may wait for a thread, per thread, before new ones are refused. */
    public static final int QUEUED_QUERIES_PER_THREAD = 64;

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final String name;
    private final ForkJoinPool loops;
    private final ThreadPoolExecutor queries;

    private ComputePool(String name, int threads) {
        this.name = name;
        this.loops = new ForkJoinPool(threads, pool -> {
            var worker = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            worker.setName(name + "-loop-" + worker.getPoolIndex());
            worker.setDaemon(true);
            return worker;
        }, null, false);
        ThreadFactory factory = Thread.ofPlatform().daemon().name(name + "-query-", 0).factory();
        this.queries = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new SpinningQueue(threads * QUEUED_QUERIES_PER_THREAD), factory);
        this.queries.allowCoreThreadTimeOut(true);
    }

    /**
     * The queries' queue: one idle query thread at a time looks for the next query for up to
     * {@link QueryThreads#SPIN_NANOS} before it parks (the others park at once, so spinning never takes a core from a
     * running query), so a burst of point queries (a notebook's loop, a service's lookups) is not paid for
     * with a thread wake-up each, which costs more than such a query. The spin reads the queue's size,
     * which takes no lock, waiting as {@link QueryThreads#pause} does.
     */
    private static final class SpinningQueue extends LinkedBlockingQueue<Runnable> {
        private final AtomicBoolean spinning = new AtomicBoolean();

        SpinningQueue(int capacity) {
            super(capacity);
        }

        private Runnable spin() {
            if (!isEmpty() || !spinning.compareAndSet(false, true)) {
                return poll();
            }
            try {
                long from = System.nanoTime();
                while (isEmpty() && System.nanoTime() - from < QueryThreads.SPIN_NANOS) {
                    QueryThreads.pause(from);
                }
                return poll();
            } finally {
                spinning.set(false);
            }
        }

        @Override
        public boolean isEmpty() {
            return size() == 0;
        }

        @Override
        public Runnable take() throws InterruptedException {
            Runnable next = spin();
            return next != null ? next : super.take();
        }

        @Override
        public Runnable poll(long timeout, TimeUnit unit) throws InterruptedException {
            Runnable next = spin();
            return next != null ? next : super.poll(timeout, unit);
        }
    }

    /** A pool of {@code threads} threads for one graph, its threads named after {@code owner}. */
    public static ComputePool create(String owner, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        return new ComputePool(owner + "-" + POOLS.incrementAndGet(), threads);
    }

    /** The fork-join pool for parallel loops (loads and kernels). */
    public ForkJoinPool loops() {
        return loops;
    }

    /** The executor for queries; refuses work ({@code RejectedExecutionException}) when its queue is full or it is closed. */
    public ExecutorService queries() {
        return queries;
    }

    public int threads() {
        return queries.getMaximumPoolSize();
    }

    /** Changes how many threads later work may use; work in progress keeps its threads until it ends. */
    public synchronized void resize(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        loops.setParallelism(threads);
        if (threads > queries.getMaximumPoolSize()) {
            queries.setMaximumPoolSize(threads);
            queries.setCorePoolSize(threads);
        } else {
            queries.setCorePoolSize(threads);
            queries.setMaximumPoolSize(threads);
        }
    }

    /** Queries running now. */
    public int runningQueries() {
        return queries.getActiveCount();
    }

    /** Stops both halves: running work is interrupted, waiting queries are dropped. */
    @Override
    public void close() {
        queries.shutdownNow();
        loops.shutdownNow();
    }

    @Override
    public String toString() {
        return name + "[" + threads() + " threads]";
    }
}
