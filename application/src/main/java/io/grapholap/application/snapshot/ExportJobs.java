package io.grapholap.application.snapshot;

/** Out-port: runs export jobs in the background on a bounded pool. */
public interface ExportJobs {

    void submit(long snapshotId, Runnable job);

    /**
     * Whether the server is shutting down: a job that fails or sees this then leaves its snapshot
     * as it is (start-up reconciliation deals with it) instead of blaming the export.
     */
    default boolean stopping() {
        return false;
    }
}
