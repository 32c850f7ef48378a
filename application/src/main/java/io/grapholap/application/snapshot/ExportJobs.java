package io.grapholap.application.snapshot;

/** Out-port: runs export jobs in the background on a bounded pool. */
public interface ExportJobs {

    void submit(long snapshotId, Runnable job);
}
