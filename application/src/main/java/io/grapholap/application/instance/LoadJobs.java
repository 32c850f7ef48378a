package io.grapholap.application.instance;

/**
 * Out-port: runs instance loads in the background on a bounded pool. Loads that wait keep their
 * instance {@code starting}; a server that stops abandons them and reloads them on the next start.
 */
public interface LoadJobs {

    void submit(long instanceId, Runnable load);
}
