package io.grapholap.application.graph;

import io.grapholap.domain.error.CancelledException;
import io.grapholap.domain.error.OperationTimeoutException;
import java.time.Duration;

/**
 * A termination flag that long-running loops poll: set by {@link #cancel()} from any thread, or
 * reached by passing the optional deadline. Polling is a volatile read plus, with a deadline, one
 * {@link System#nanoTime()} call; loops should poll every few thousand iterations.
 */
public final class CancellationToken {

    private static final long NO_DEADLINE = Long.MAX_VALUE;

    private volatile boolean cancelled;
    private volatile String reason;
    private final long deadlineNanos;
    private final Duration timeout;

    private CancellationToken(Duration timeout) {
        this.timeout = timeout;
        this.deadlineNanos = timeout == null ? NO_DEADLINE : System.nanoTime() + timeout.toNanos();
    }

    /** A token that is only cancelled by {@link #cancel()}. */
    public static CancellationToken create() {
        return new CancellationToken(null);
    }

    /** A token that also trips once {@code timeout} has passed from now. */
    public static CancellationToken withTimeout(Duration timeout) {
        if (timeout == null || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be >= 0: " + timeout);
        }
        return new CancellationToken(timeout);
    }

    public void cancel() {
        cancel("cancelled");
    }

    public void cancel(String why) {
        reason = why;
        cancelled = true;
    }

    /** Whether work should stop: cancelled, or past the deadline. */
    public boolean isCancelled() {
        return cancelled || (deadlineNanos != NO_DEADLINE && System.nanoTime() - deadlineNanos > 0);
    }

    /**
     * Throws when work should stop: {@link CancelledException} after {@link #cancel()},
     * {@link OperationTimeoutException} past the deadline.
     *
     * @param what names the work in the error message
     */
    public void throwIfCancelled(String what) {
        if (cancelled) {
            throw new CancelledException(what + " was " + (reason == null ? "cancelled" : reason));
        }
        if (deadlineNanos != NO_DEADLINE && System.nanoTime() - deadlineNanos > 0) {
            throw new OperationTimeoutException(what, timeout);
        }
    }
}
