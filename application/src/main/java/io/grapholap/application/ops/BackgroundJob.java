package io.grapholap.application.ops;

import java.time.Duration;

/**
 * A periodic maintenance task (reconciliation, lifecycle reaper, export reconciliation, schema
 * cache). The ops scheduler runs {@link #run()} every {@link #interval()} and on a manual trigger;
 * it never runs the same job twice at once.
 */
public interface BackgroundJob {

    /** Stable wire name, e.g. {@code lifecycle}. */
    String name();

    String description();

    Duration interval();

    /** Does one pass and says what it did, in a short sentence for the job status. */
    String run();

    /**
     * Whether one run at a time across all server nodes sharing the metadata database is wanted
     * (the job changes shared state); false for a job that looks after this node only.
     */
    default boolean onePerCluster() {
        return false;
    }
}
