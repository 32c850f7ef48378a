package io.grapholap.polyglot;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** Bounded waits for shutdown: each says whether what it waited for ended in time, and none throws. */
final class Waits {

    private static final System.Logger LOG = System.getLogger(Waits.class.getName());

    private Waits() {
    }

    /** Waits for a shut-down executor's tasks to end; logs when they did not end within {@code limit}. */
    static boolean await(ExecutorService executor, Duration limit, String what) {
        try {
            if (executor.awaitTermination(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
            LOG.log(System.Logger.Level.WARNING, what + " did not end within " + limit.toSeconds() + " s; going on without it");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** Waits for {@code thread} to end. */
    static boolean join(Thread thread, Duration limit) {
        try {
            return thread.join(limit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
