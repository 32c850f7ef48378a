package io.grapholap.application.dataset;

import java.util.Set;

/**
 * Out-port: the instances started from uploaded datasets. A dataset that a live instance uses
 * cannot be deleted: a starting instance is still reading its files, and a running one reloads
 * them when the server restarts.
 */
public interface DatasetDependants {

    /** Live instances (waiting, starting, running, stopping) started from the dataset named {@code datasetName}. */
    long liveInstances(String datasetName);

    /** The data directories live instances load from (an old dataset version one of them uses is kept). */
    Set<String> liveDataDirectories();
}
