package io.grapholap.application.dataset;

import io.grapholap.application.graph.snapshot.SnapshotStore;
import io.grapholap.application.snapshot.DirectorySnapshotStore;
import java.nio.file.Path;
import java.util.List;

/**
 * Where uploaded dataset versions live: key {@code {dataset id}/{directory}} in the dataset store,
 * each a snapshot that a writer finishes in {@link #staging} and {@link #publish} makes visible.
 * Directory names are {@code v<version>-<random>}, unique per upload.
 */
public final class DatasetDirectories {

    private final SnapshotStore store;

    /** Datasets in the local directory {@code root} ({@code {root}/{dataset id}/{directory}}). */
    public DatasetDirectories(Path root) {
        this(new DirectorySnapshotStore(root));
    }

    public DatasetDirectories(SnapshotStore store) {
        this.store = store;
    }

    /**
     * The node-local directory of one version: where its writer publishes it before {@link #publish},
     * and where {@link #localCopy} keeps it (the path live instances record as their data directory).
     */
    public Path staging(long datasetId, String directory) {
        return store.staging(key(datasetId, directory));
    }

    /** Makes a version a writer finished at {@link #staging} visible in the store. */
    public void publish(long datasetId, String directory) {
        store.publish(key(datasetId, directory));
    }

    /** A node-local, verified directory of a published version. */
    public Path localCopy(long datasetId, String directory) {
        return store.localCopy(key(datasetId, directory));
    }

    /** A fresh directory name for {@code version}. */
    public static String newName(int version) {
        return "v" + version + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    }

    /** Removes one upload's files (an upload that lost the race to publish, or a pruned version). */
    public void remove(long datasetId, String directory) {
        store.delete(key(datasetId, directory));
    }

    /** Removes every version of the dataset, and what unfinished writers left. */
    public void removeAll(long datasetId) {
        store.delete(Long.toString(datasetId));
    }

    /** The dataset ids that have anything in the store (other names are ignored). */
    public List<Long> datasetIds() {
        return store.list("").stream().filter(n -> n.matches("[0-9]{1,18}")).map(Long::parseLong).toList();
    }

    /** The names under a dataset: published versions, and what unfinished writers left. */
    public List<String> entries(long datasetId) {
        return store.list(Long.toString(datasetId));
    }

    private static String key(long datasetId, String directory) {
        return datasetId + "/" + directory;
    }
}
