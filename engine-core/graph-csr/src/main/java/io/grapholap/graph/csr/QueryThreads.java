package io.grapholap.graph.csr;

import io.grapholap.domain.error.CancelledException;
import io.grapholap.domain.error.OperationTimeoutException;
import io.grapholap.domain.error.RateLimitedException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A query handed to an instance's query threads ({@link ComputePool#queries()}) and awaited by its
 * caller: a full queue is a 429 {@code QUERY_QUEUE_FULL}; past the timeout (queue time counts) the
 * query's thread is interrupted and the caller gets an {@link OperationTimeoutException}; an interrupted
 * caller interrupts the query and gets a {@link CancelledException}. The caller waits without parking for
 * up to {@link #SPIN_NANOS} first ({@link #pause}): a point query ends within that, and waking a parked
 * thread costs more than such a query.
 */
public final class QueryThreads {

    /** The most a caller waits for its answer, or an idle query thread for work, before it parks. */
    static final long SPIN_NANOS = 50_000;

    /** The first part of such a wait, spent busily; the rest yields the core each time round. */
    static final long BUSY_NANOS = 5_000;

    private QueryThreads() {
    }

    /**
     * Runs {@code work} on {@code threads} and returns its answer.
     *
     * @param what      names the query in errors ({@code "cypher query"})
     * @param onStop    runs when the caller stops waiting (timeout, interruption), before the query is interrupted
     * @param translate the exception to throw for a failure of {@code work}
     */
    public static <T> T run(Executor threads, Callable<T> work, Duration timeout, String what, Runnable onStop,
                            java.util.function.Function<Throwable, RuntimeException> translate) {
        FutureTask<T> task = new FutureTask<>(work);
        try {
            threads.execute(task);
        } catch (RejectedExecutionException e) {
            throw new RateLimitedException("QUERY_QUEUE_FULL", "too many queries are waiting for this instance's "
                    + "threads; try again shortly", 1);
        }
        long from = System.nanoTime();
        while (!task.isDone() && System.nanoTime() - from < SPIN_NANOS) {
            pause(from);
        }
        try {
            return task.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            onStop.run();
            task.cancel(true);
            throw new OperationTimeoutException(what, timeout);
        } catch (InterruptedException e) {
            onStop.run();
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new CancelledException(what + " was cancelled");
        } catch (ExecutionException e) {
            throw translate.apply(e.getCause());
        }
    }

    /**
     * One moment of a wait that began at {@code from} without parking: busily for {@link #BUSY_NANOS},
     * then yielding the core (so a runnable thread on the same core, the one waited for, goes first).
     */
    static void pause(long from) {
        if (System.nanoTime() - from < BUSY_NANOS) {
            Thread.onSpinWait();
        } else {
            Thread.yield();
        }
    }
}
