package io.grapholap.rest.health;

import io.micronaut.context.annotation.Context;
import io.micronaut.http.netty.channel.EventLoopGroupRegistry;
import io.micronaut.scheduling.TaskExecutors;
import io.netty.util.concurrent.EventExecutor;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches that the server can still serve: every second a platform thread hands a no-op to the
 * executor that runs request handlers and to every Netty event loop, and notes when all of them last
 * ran one. {@link #stuckFor()} says how long that is overdue; {@code /health} answers 503 once it
 * exceeds {@code grapholap.liveness.unhealthy-after} (PT10S). When it exceeds
 * {@code grapholap.liveness.exit-after} (PT60S; PT0S turns it off) the process logs its threads and
 * halts with status 70, so that a supervisor restarts it instead of leaving a listening server that
 * answers nothing (event loops lost to an {@link OutOfMemoryError}, carriers held by runaway work).
 */
@Context
final class Liveness {

    private static final Logger LOG = LoggerFactory.getLogger(Liveness.class);
    private static final long TICK_NANOS = Duration.ofSeconds(1).toNanos();
    static final int EXIT_STATUS = 70;

    private final Executor handlers;
    private final Iterable<? extends EventExecutor> eventLoops;
    private final Duration unhealthyAfter;
    private final Duration exitAfter;
    /** When each probed executor (request handlers first, then each event loop) last ran a probe. */
    private final Map<Executor, AtomicLong> seen = new ConcurrentHashMap<>();
    private final Thread monitor;
    private volatile boolean closed;

    @Inject
    Liveness(@Named(TaskExecutors.BLOCKING) ExecutorService handlers, EventLoopGroupRegistry eventLoops, LivenessSettings settings) {
        this(handlers, eventLoops.getDefaultEventLoopGroup(), settings.unhealthyAfter(), settings.exitAfter());
    }

    Liveness(Executor handlers, Iterable<? extends EventExecutor> eventLoops, Duration unhealthyAfter, Duration exitAfter) {
        if (unhealthyAfter.isNegative() || unhealthyAfter.isZero() || exitAfter.isNegative()) {
            throw new IllegalArgumentException("grapholap.liveness.unhealthy-after must be positive and exit-after not negative, got "
                    + unhealthyAfter + " and " + exitAfter);
        }
        this.handlers = handlers;
        this.eventLoops = eventLoops;
        this.unhealthyAfter = unhealthyAfter;
        this.exitAfter = exitAfter;
        this.monitor = Thread.ofPlatform().daemon().name("liveness").start(this::watch);
    }

    /** How long the oldest outstanding probe is overdue (zero when every probe ran within a tick). */
    Duration stuckFor() {
        long oldest = seen.values().stream().mapToLong(AtomicLong::get).min().orElse(System.nanoTime());
        return Duration.ofNanos(Math.max(0, System.nanoTime() - oldest - TICK_NANOS));
    }

    boolean healthy() {
        return stuckFor().compareTo(unhealthyAfter) < 0;
    }

    private void watch() {
        while (!closed) {
            try {
                probe();
                Thread.sleep(Duration.ofNanos(TICK_NANOS));
                Duration stuck = stuckFor();
                if (!exitAfter.isZero() && stuck.compareTo(exitAfter) > 0 && !closed) {
                    halt(stuck);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException | OutOfMemoryError e) {
                // the monitor must outlive what it watches for; the next tick tries again
                LOG.warn("liveness probe failed: {}", e.toString());
            }
        }
    }

    private void probe() {
        probe(handlers);
        for (EventExecutor loop : eventLoops) {
            if (!loop.isShuttingDown()) {
                probe(loop);
            }
        }
    }

    private void probe(Executor executor) {
        AtomicLong stamp = seen.computeIfAbsent(executor, e -> new AtomicLong(System.nanoTime()));
        try {
            executor.execute(() -> stamp.set(System.nanoTime()));
        } catch (RejectedExecutionException shuttingDown) {
            seen.remove(executor);
        }
    }

    private void halt(Duration stuck) {
        StringBuilder threads = new StringBuilder();
        for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(false, false)) {
            threads.append('\n').append(info.toString().strip());
        }
        LOG.error("the server has not been able to serve for {} s (request handlers or event loops stuck); halting with status {} "
                + "so that a supervisor restarts it. Threads:{}", stuck.toSeconds(), EXIT_STATUS, threads);
        Runtime.getRuntime().halt(EXIT_STATUS);
    }

    @PreDestroy
    void close() {
        closed = true;
        monitor.interrupt();
    }
}
