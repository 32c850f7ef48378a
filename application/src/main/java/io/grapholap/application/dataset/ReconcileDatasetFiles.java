package io.grapholap.application.dataset;

import io.grapholap.domain.dataset.DatasetVersion;
import java.util.HashSet;
import java.util.Set;

/**
 * Start-up step: removes dataset files that no published version owns, which only a server stopped
 * during an upload leaves (a writer's temporary directory, or a version written but not published),
 * and directories of datasets that no longer exist. Assumes no other server is uploading meanwhile,
 * as the snapshot reconciliation does.
 */
public final class ReconcileDatasetFiles {

    private final DatasetRepository datasets;
    private final DatasetDirectories directories;

    public ReconcileDatasetFiles(DatasetRepository datasets, DatasetDirectories directories) {
        this.datasets = datasets;
        this.directories = directories;
    }

    /** Returns how many directories it removed. */
    public int reconcile() {
        int removed = 0;
        for (long id : directories.datasetIds()) {
            if (datasets.find(id).isEmpty()) {
                directories.removeAll(id);
                removed++;
                continue;
            }
            Set<String> published = new HashSet<>();
            for (DatasetVersion v : datasets.versions(id)) {
                published.add(v.directory());
            }
            for (String entry : directories.entries(id)) {
                if (!published.contains(entry)) {
                    directories.remove(id, entry);
                    removed++;
                }
            }
        }
        return removed;
    }
}
