package io.grapholap.polyglot;

import io.grapholap.application.graph.CancellationToken;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.graalvm.polyglot.Context;

/**
 * Stops runs from another thread: past their wall-clock deadline, or when live heap data grows past
 * a share of the heap while they run (the old generation stays above it after a full collection;
 * the run whose thread allocated most since it started is stopped). Stopping cancels the run's {@link CancellationToken} (engine calls in progress return)
 * and closes its context with {@code close(true)} on a separate thread, so one slow close never
 * delays the checks of other runs. Ticks every 10 ms.
 */
final class RunWatchdog implements AutoCloseable {

    /** Why a run was stopped. */
    enum Stop { TIMEOUT, MEMORY }

    /** Below this many bytes allocated by its thread a run is never blamed for memory pressure. */
    private static final long MIN_BLAMED_ALLOCATION = 64L << 20;

    private static final long COLLECTION_SPACING_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Set<Guard> active = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean collecting = new AtomicBoolean();
    /** Whether a full collection ran since the heap was last seen under pressure (then pressure is live data). */
    private volatile boolean collected;
    private volatile long lastCollection = System.nanoTime() - COLLECTION_SPACING_NANOS;
    private final ScheduledExecutorService ticker;
    private final ExecutorService closers;
    private final double maxLiveHeapFraction;
    private final MemoryPoolMXBean tenured;
    private final com.sun.management.ThreadMXBean threads;

    RunWatchdog(double maxLiveHeapFraction) {
        this.maxLiveHeapFraction = maxLiveHeapFraction;
        this.tenured = tenuredPool();
        this.threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon()
                .name("udf-watchdog").unstarted(r));
        // platform threads: a stop must get a processor even while guest code keeps every core busy
        this.closers = Executors.newCachedThreadPool(r -> Thread.ofPlatform().daemon().name("udf-cancel").unstarted(r));
        ticker.scheduleWithFixedDelay(this::tick, 10, 10, TimeUnit.MILLISECONDS);
    }

    /** Starts guarding a run on the current thread; close the guard when the run has left the context. */
    Guard watch(Context context, long timeoutNanos, CancellationToken token) {
        Guard g = new Guard(context, Thread.currentThread().threadId(), System.nanoTime() + timeoutNanos, token);
        active.add(g);
        return g;
    }

    private void tick() {
        try {
            long now = System.nanoTime();
            for (Guard g : active) {
                if (now - g.deadline > 0) {
                    g.stop(Stop.TIMEOUT);
                }
            }
            if (active.isEmpty() || !heapUnderPressure()) {
                collected = false;
            } else if (collected) {
                active.stream().filter(g -> g.stopped.get() == null)
                        .max(Comparator.comparingLong(Guard::allocated))
                        .filter(g -> g.allocated() > MIN_BLAMED_ALLOCATION)
                        .ifPresent(g -> g.stop(Stop.MEMORY));
            } else {
                collectOnce();
            }
        } catch (RuntimeException | OutOfMemoryError e) {
            // a failed check must not end the ticker (a scheduled task that throws is never run again):
            // the next tick tries again, and under memory pressure it is the one that frees memory
            System.getLogger(RunWatchdog.class.getName()).log(System.Logger.Level.WARNING, "watchdog tick failed", e);
        }
    }

    /**
     * The old generation also holds garbage that no collection has looked at yet (a stopped run's
     * data, for one): before a run is blamed, one full collection, requested on a thread of its own
     * so that the ticks go on, shows whether the data is really alive. At most one a second.
     */
    private void collectOnce() {
        long now = System.nanoTime();
        if (collecting.get() || now - lastCollection < COLLECTION_SPACING_NANOS || !collecting.compareAndSet(false, true)) {
            return;
        }
        lastCollection = now;
        closers.execute(() -> {
            try {
                System.gc();
                collected = true;
            } finally {
                collecting.set(false);
            }
        });
    }

    private boolean heapUnderPressure() {
        if (tenured != null) {
            long max = tenured.getUsage().getMax();
            return max > 0 && tenured.getUsage().getUsed() > maxLiveHeapFraction * max;
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory() > maxLiveHeapFraction * rt.maxMemory();
    }

    /** The old-generation heap pool, where data that stays alive ends up; null when the collector has none. */
    private static MemoryPoolMXBean tenuredPool() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            String name = pool.getName();
            if (pool.getType() == MemoryType.HEAP && (name.contains("Old") || name.contains("Tenured"))) {
                return pool;
            }
        }
        return null;
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        closers.shutdown();
    }

    /** One guarded run. */
    final class Guard implements AutoCloseable {
        private final Context context;
        private final long threadId;
        private final long deadline;
        private final long startAllocated;
        private final CancellationToken token;
        private final AtomicReference<Stop> stopped = new AtomicReference<>();

        private Guard(Context context, long threadId, long deadline, CancellationToken token) {
            this.context = context;
            this.threadId = threadId;
            this.deadline = deadline;
            this.token = token;
            this.startAllocated = threads.getThreadAllocatedBytes(threadId);
        }

        long allocated() {
            long now = threads.getThreadAllocatedBytes(threadId);
            return now < 0 || startAllocated < 0 ? 0 : now - startAllocated;
        }

        private void stop(Stop why) {
            if (stopped.compareAndSet(null, why)) {
                token.cancel(why == Stop.TIMEOUT ? "timed out" : "stopped: memory limit");
                closers.execute(() -> {
                    try {
                        context.close(true);
                    } catch (RuntimeException e) {
                        // the run's own thread reports the outcome; a context that refuses to close is dropped
                        System.getLogger(RunWatchdog.class.getName()).log(System.Logger.Level.DEBUG,
                                "closing a stopped context failed", e);
                    }
                });
            }
        }

        /** Why the run was stopped, or null when it was not. */
        Stop stopped() {
            return stopped.get();
        }

        @Override
        public void close() {
            active.remove(this);
        }
    }
}
