package io.grapholap.polyglot;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.graalvm.polyglot.Context;

/**
 * Fresh, prelude-loaded contexts of one language, kept ready so a run does not wait for one to be
 * built. A context serves exactly one run and is then closed: nothing a run leaves behind (globals,
 * patched built-ins, imported modules) can reach a later run or another user. A background thread
 * keeps up to {@code size} contexts ready, starting at construction (Python contexts take a good
 * part of a second to build); a run that finds none ready builds its own.
 */
final class ContextPool implements AutoCloseable {

    /** How long {@link #close()} waits for a context under construction (a Python one takes seconds on a busy machine). */
    private static final Duration BUILD_WAIT = Duration.ofSeconds(30);

    private final String name;
    private final Supplier<Context> factory;
    private final int size;
    private final BlockingQueue<Context> ready = new LinkedBlockingQueue<>();
    private final AtomicInteger building = new AtomicInteger();
    private final ExecutorService builder;
    private final ExecutorService closer;
    private volatile RuntimeException failure;
    private volatile boolean closed;

    ContextPool(String name, Supplier<Context> factory, int size, ExecutorService closer) {
        this.name = name;
        this.factory = factory;
        this.size = size;
        this.closer = closer;
        this.builder = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().daemon().name("udf-warm-" + name)
                .unstarted(r));
        refill();
    }

    /** A fresh context for one run; give it back with {@link #discard(Context)}. */
    Context take() {
        Context c = ready.poll();
        refill();
        return c != null ? c : factory.get();
    }

    /** Closes a context after its run, off the caller's thread. */
    void discard(Context context) {
        closer.execute(() -> {
            try {
                context.close(true);
            } catch (RuntimeException e) {
                // already closed by the watchdog, or failing to close: nothing is left to release
                System.getLogger(ContextPool.class.getName()).log(System.Logger.Level.DEBUG, "closing a context failed", e);
            }
        });
    }

    /** The error that stopped the pool from building a context, or null. */
    RuntimeException failure() {
        return failure;
    }

    /** Contexts ready now. */
    int readyCount() {
        return ready.size();
    }

    private void refill() {
        while (!closed && failure == null) {
            int want = building.get();
            if (ready.size() + want >= size || !building.compareAndSet(want, want + 1)) {
                if (ready.size() + building.get() >= size) {
                    return;
                }
                continue;
            }
            builder.execute(this::buildOne);
        }
    }

    private void buildOne() {
        try {
            if (!closed) {
                ready.add(factory.get());
            }
        } catch (RuntimeException e) {
            failure = e;
            System.getLogger(ContextPool.class.getName()).log(System.Logger.Level.ERROR,
                    "cannot build a " + name + " context; the language is unavailable", e);
        } finally {
            building.decrementAndGet();
        }
    }

    /**
     * Stops building and discards the ready contexts. A context being built is finished first (up to
     * {@link #BUILD_WAIT}), neither interrupted nor left running: its engine may be closed next,
     * and closing an engine while a thread initialises a language in one of its contexts deadlocks.
     */
    @Override
    public void close() {
        closed = true;
        builder.shutdown();
        Waits.await(builder, BUILD_WAIT, "building a " + name + " context");
        for (Context c = ready.poll(); c != null; c = ready.poll()) {
            discard(c);
        }
    }
}
