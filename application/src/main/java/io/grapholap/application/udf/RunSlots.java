package io.grapholap.application.udf;

import io.grapholap.application.common.ConcurrencyLimit;
import io.grapholap.domain.error.OperationTimeoutException;
import io.grapholap.domain.error.RateLimitedException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Where guest code runs: never on the caller's thread (a request handler, possibly a virtual thread
 * whose carrier other requests need), but on the platform threads of {@code threads}, at most
 * {@link Limits#slots()} at once. A run that finds every slot taken waits in a queue of at most
 * {@link Limits#queue()} runs until its own deadline; each user and each organisation may have at most
 * {@link Limits#perUser()} / {@link Limits#perOrganization()} runs running or waiting. Past a limit the
 * answer is 429 {@code CONCURRENCY_LIMIT_EXCEEDED}; past the deadline while waiting, 408.
 *
 * <p>The body is expected to stop itself at its deadline (the function runtime's watchdog cancels the
 * guest). When it has not returned {@link Limits#grace()} after the deadline, the caller gets 408
 * and the thread is abandoned: it keeps its slot until it really ends, so abandoned guests can never
 * hold more threads than there are slots, and {@link #abandoned()} counts them. Thread-safe.
 */
public final class RunSlots {

    /**
     * @param slots           runs executing at once (threads busy with guest code)
     * @param queue           runs waiting for a slot, beyond which a run is refused at once
     * @param perUser         runs one user may have executing or waiting
     * @param perOrganization runs one organisation may have executing or waiting
     * @param grace           how long past its deadline a run is waited for before it is abandoned
     */
    public record Limits(int slots, int queue, int perUser, int perOrganization, Duration grace) {
        public Limits {
            if (slots < 1 || queue < 0 || perUser < 1 || perOrganization < 1) {
                throw new IllegalArgumentException("UDF run limits: slots, per-user and per-organisation must be positive and "
                        + "the queue not negative, got slots=" + slots + " queue=" + queue + " per-user=" + perUser
                        + " per-organization=" + perOrganization);
            }
            Objects.requireNonNull(grace, "grace");
            if (grace.isNegative()) {
                throw new IllegalArgumentException("UDF run grace must not be negative, got " + grace);
            }
        }

        /**
         * Limits sized from the processors: a slot per two cores (at least one), so that guest code
         * never holds more than half the machine; a queue four times that; a user twice as many runs
         * as there are slots (a run of theirs waits behind their own long one instead of being refused),
         * an organisation four times.
         */
        public static Limits fromCores(int cores) {
            int slots = Math.max(1, cores / 2);
            return new Limits(slots, 4 * slots, 2 * slots, 4 * slots, Duration.ofSeconds(1));
        }
    }

    private final ExecutorService threads;
    private final Limits limits;
    private final Semaphore slots;
    private final AtomicInteger waiting = new AtomicInteger();
    private final ConcurrencyLimit byUser;
    private final ConcurrencyLimit byOrganization;
    private final AtomicLong abandoned = new AtomicLong();

    /** {@code threads} must run each task on a platform thread and accept as many tasks as there are slots. */
    public RunSlots(ExecutorService threads, Limits limits) {
        this.threads = Objects.requireNonNull(threads, "threads");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.slots = new Semaphore(limits.slots(), true);
        this.byUser = new ConcurrencyLimit("function runs", "user", Integer.MAX_VALUE, limits.perUser());
        this.byOrganization = new ConcurrencyLimit("function runs", "organization", Integer.MAX_VALUE, limits.perOrganization());
    }

    /**
     * Runs {@code body} on a guest thread for {@code user} of {@code organization} and returns what it
     * returned (or throws what it threw); {@code deadlineNanos} ({@link System#nanoTime()} based) bounds
     * the wait for a slot and, with the grace, the wait for the body; {@code timeout} is the run's whole
     * budget, named in a 408.
     */
    public <T> T run(String user, String organization, long deadlineNanos, Duration timeout, Supplier<T> body) {
        try (ConcurrencyLimit.Permit mine = byUser.acquire(user);
             ConcurrencyLimit.Permit theirs = byOrganization.acquire(organization)) {
            acquire(deadlineNanos, timeout);
            return await(submit(body), deadlineNanos, timeout);
        }
    }

    /** Guest threads given up on because they ran on past their deadline and grace. */
    public long abandoned() {
        return abandoned.get();
    }

    /** Runs waiting for a slot now. */
    public int waiting() {
        return waiting.get();
    }

    /** Slots free now. */
    public int free() {
        return slots.availablePermits();
    }

    private void acquire(long deadlineNanos, Duration timeout) {
        if (slots.tryAcquire()) {
            return;
        }
        if (waiting.incrementAndGet() > limits.queue()) {
            waiting.decrementAndGet();
            throw refused("all " + limits.slots() + " function run slots are busy and " + limits.queue() + " runs already wait");
        }
        try {
            if (!slots.tryAcquire(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw new OperationTimeoutException("the function run (waiting for a free run slot)", timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationTimeoutException("the function run (interrupted while waiting for a run slot)", timeout);
        } finally {
            waiting.decrementAndGet();
        }
    }

    /** Hands the body to a guest thread, which gives the slot back when the body has ended. */
    private <T> Future<T> submit(Supplier<T> body) {
        try {
            return threads.submit(() -> {
                try {
                    return body.get();
                } finally {
                    slots.release();
                }
            });
        } catch (RejectedExecutionException e) {
            slots.release();
            throw refused("the function runtime is shutting down");
        }
    }

    private <T> T await(Future<T> future, long deadlineNanos, Duration timeout) {
        try {
            return future.get(Math.max(0, deadlineNanos + limits.grace().toNanos() - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } catch (TimeoutException e) {
            future.cancel(true);
            abandoned.incrementAndGet();
            System.getLogger(RunSlots.class.getName()).log(System.Logger.Level.WARNING,
                    "a function run ignored its stop past " + timeout + " plus " + limits.grace() + "; its thread is abandoned "
                            + "and keeps its slot until it ends (" + abandoned.get() + " abandoned so far)");
            throw new OperationTimeoutException("the function run", timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new OperationTimeoutException("the function run (interrupted)", timeout);
        }
    }

    private static RateLimitedException refused(String message) {
        return new RateLimitedException("CONCURRENCY_LIMIT_EXCEEDED", message + "; try again shortly", 1);
    }
}
