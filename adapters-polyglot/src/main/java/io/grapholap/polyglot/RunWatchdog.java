package io.grapholap.polyglot;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.grapholap.application.graph.CancellationToken;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.graalvm.polyglot.Context;

/**
 * Stops runs from another thread: past their wall-clock deadline, or when live heap data grows past
 * a share of the heap while they run. Live data is what the old generation holds after a full
 * collection: each full collection the JVM reports, its own or one this watchdog asks for, that
 * leaves the old generation above the share stops the running run whose thread allocated most since
 * it started (at least 64 MiB); while a run stopped for memory is still leaving, nobody else is
 * blamed. When the old generation is seen above the share between collections, the watchdog asks for
 * one at once if a run allocated a quarter of the room between the share and the maximum since the
 * last, otherwise at most once a second: a run that fills the heap fast is stopped before the heap
 * is full, and a server whose resident data already passes the share is not collected over and
 * over. Stopping cancels the run's {@link CancellationToken} (engine calls in progress return) and
 * closes its context with {@code close(true)} on a separate thread, so one slow close never delays
 * the checks of other runs. Ticks every 10 ms.
 */
final class RunWatchdog implements AutoCloseable {

    /** Why a run was stopped. */
    enum Stop { TIMEOUT, MEMORY }

    /** Below this many bytes allocated by its thread a run is never blamed for memory pressure. */
    private static final long MIN_BLAMED_ALLOCATION = 64L << 20;

    private static final long COLLECTION_SPACING_NANOS = TimeUnit.SECONDS.toNanos(1);

    private static final System.Logger LOG = System.getLogger(RunWatchdog.class.getName());

    private final Set<Guard> active = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean collecting = new AtomicBoolean();
    private volatile long lastCollection = System.nanoTime() - COLLECTION_SPACING_NANOS;
    private final AtomicLong failedTicks = new AtomicLong();
    private final ScheduledExecutorService ticker;
    private final ExecutorService closers;
    private final double maxLiveHeapFraction;
    private final MemoryPoolMXBean tenured;
    private final com.sun.management.ThreadMXBean threads;
    private final List<Runnable> unsubscribe = new ArrayList<>();

    RunWatchdog(double maxLiveHeapFraction) {
        this.maxLiveHeapFraction = maxLiveHeapFraction;
        this.tenured = tenuredPool();
        this.threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon()
                .name("udf-watchdog").unstarted(r));
        // platform threads: a stop must get a processor even while guest code keeps every core busy
        this.closers = Executors.newCachedThreadPool(r -> Thread.ofPlatform().daemon().name("udf-cancel").unstarted(r));
        if (tenured != null) {
            listenToFullCollections();
        }
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
            if (active.isEmpty()) {
                return;
            }
            if (tenured != null) {
                if (overShare(tenured.getUsage())) {
                    collectSoon(now);
                }
            } else {
                collectAndCheckWhole(now);
            }
        } catch (RuntimeException | OutOfMemoryError e) {
            // a failed check must not end the ticker (a scheduled task that throws is never run again):
            // the next tick tries again, and under memory pressure it is the one that frees memory. Only
            // the first failure and every thousandth are logged: logging allocates too.
            if (failedTicks.getAndIncrement() % 1000 == 0) {
                LOG.log(System.Logger.Level.WARNING, "watchdog tick failed", e);
            }
        }
    }

    /**
     * The old generation also holds garbage that no collection has looked at yet (a stopped run's
     * data, for one): a full collection, requested on a thread of its own so that the ticks go on,
     * shows whether the data is really alive; its end is reported to {@link #afterFullCollection}.
     */
    private void collectSoon(long now) {
        long quarterOfRoom = room() / 4;
        boolean fastGrowth = false;
        for (Guard g : active) {
            fastGrowth |= g.allocated() - g.allocatedAtLastCollection >= quarterOfRoom;
        }
        if (!(fastGrowth || now - lastCollection >= COLLECTION_SPACING_NANOS) || !collecting.compareAndSet(false, true)) {
            return;
        }
        lastCollection = now;
        for (Guard g : active) {
            g.allocatedAtLastCollection = g.allocated();
        }
        closers.execute(() -> {
            try {
                System.gc();
            } finally {
                collecting.set(false);
            }
        });
    }

    /**
     * Without an old-generation pool no collection report says what is alive: past the share of the
     * whole heap, at most once a second, a collection on the ticker thread and then the usage.
     */
    private void collectAndCheckWhole(long now) {
        Runtime rt = Runtime.getRuntime();
        if (rt.totalMemory() - rt.freeMemory() <= maxLiveHeapFraction * rt.maxMemory()
                || now - lastCollection < COLLECTION_SPACING_NANOS) {
            return;
        }
        lastCollection = now;
        System.gc();
        if (rt.totalMemory() - rt.freeMemory() > maxLiveHeapFraction * rt.maxMemory()) {
            blameLargestAllocator();
        }
    }

    /** Bytes between the share of the old generation that runs may fill and its maximum. */
    private long room() {
        return (long) ((1 - maxLiveHeapFraction) * Math.max(0, tenured.getUsage().getMax()));
    }

    private boolean overShare(MemoryUsage usage) {
        return usage.getMax() > 0 && usage.getUsed() > maxLiveHeapFraction * usage.getMax();
    }

    /** Listens to the end of every full collection of every collector that reports them. */
    private void listenToFullCollections() {
        NotificationListener listener = (notification, handback) -> afterCollection(notification);
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                unsubscribe.add(() -> {
                    try {
                        emitter.removeNotificationListener(listener);
                    } catch (ListenerNotFoundException ignored) {
                        // already gone
                    }
                });
            }
        }
    }

    private void afterCollection(Notification notification) {
        try {
            if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())
                    || active.isEmpty()) {
                return;
            }
            GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            if (!info.getGcAction().contains("major")) {
                return;
            }
            MemoryUsage after = info.getGcInfo().getMemoryUsageAfterGc().get(tenured.getName());
            if (after != null && overShare(after)) {
                blameLargestAllocator();
            }
        } catch (RuntimeException | OutOfMemoryError e) {
            if (failedTicks.getAndIncrement() % 1000 == 0) {
                LOG.log(System.Logger.Level.WARNING, "watchdog check after a collection failed", e);
            }
        }
    }

    /**
     * Stops the run, not yet stopped, whose thread allocated most since it started, if that is over
     * the floor. While a run stopped for memory is still leaving, its data may still be what fills
     * the heap: nobody else is blamed until it has left.
     */
    private synchronized void blameLargestAllocator() {
        Guard largest = null;
        long most = MIN_BLAMED_ALLOCATION;
        for (Guard g : active) {
            Stop stop = g.stopped.get();
            if (stop == Stop.MEMORY) {
                return;
            }
            long allocated = g.allocated();
            if (stop == null && allocated > most) {
                largest = g;
                most = allocated;
            }
        }
        if (largest != null) {
            largest.stop(Stop.MEMORY);
        }
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
        unsubscribe.forEach(Runnable::run);
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
        /** What the run had allocated when the last collection was asked for (0 when it began after it). */
        private volatile long allocatedAtLastCollection;

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
                        LOG.log(System.Logger.Level.DEBUG, "closing a stopped context failed", e);
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
