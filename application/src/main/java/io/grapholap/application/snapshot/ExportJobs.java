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

    /**
     * Whether this node still holds the export of {@code snapshotId}; once false (another node took
     * it over), the export stops and leaves the snapshot and its files to their new holder.
     */
    default boolean holds(long snapshotId) {
        return true;
    }

    /** Asked before an export publishes its files: true when this node holds the export long enough to finish it. */
    default boolean confirm(long snapshotId) {
        return true;
    }
}
