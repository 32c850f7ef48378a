package io.grapholap.application.ops;

/**
 * Out-port: a lock per background job shared by every server node on the metadata database, so a
 * cluster-wide job ({@link BackgroundJob#onePerCluster()}) runs on one node at a time.
 */
public interface JobLocks {

    /** A lone node: every run goes ahead. */
    JobLocks IN_PROCESS = (job, run) -> {
        run.run();
        return true;
    };

    /**
     * Runs {@code run} on the calling thread while holding {@code job}'s lock and returns true; returns
     * false at once, without running it, when another node holds the lock. What {@code run} throws
     * is thrown after the lock is released.
     */
    boolean tryRun(String job, Runnable run);
}
