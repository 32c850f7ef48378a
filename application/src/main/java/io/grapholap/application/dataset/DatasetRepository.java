package io.grapholap.application.dataset;

import io.grapholap.application.common.Page;
import io.grapholap.application.common.PageRequest;
import io.grapholap.domain.dataset.Dataset;
import io.grapholap.domain.dataset.DatasetName;
import io.grapholap.domain.dataset.DatasetVersion;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Out-port: where uploaded datasets and their versions are kept. */
public interface DatasetRepository {

    /** Sortable fields of {@link #list}. */
    Set<String> SORTABLE = Set.of("created_at", "updated_at", "name");

    /**
     * Stores a new dataset with no version yet (current version 0).
     *
     * @throws io.grapholap.domain.error.ConflictException when the name is taken
     */
    Dataset create(NewDataset dataset);

    Optional<Dataset> find(long id);

    Optional<Dataset> findByName(DatasetName name);

    /**
     * Stores {@code version} and makes it current, in one transaction, only if the dataset's current
     * version is still {@code version.version() - 1} (compare-and-set); false when another writer
     * published first or the dataset is gone.
     */
    boolean publish(DatasetVersion version);

    /** The versions of a dataset, oldest first. */
    List<DatasetVersion> versions(long datasetId);

    Optional<DatasetVersion> version(long datasetId, int version);

    /** Datasets with at least one published version (not those whose first upload is still being written). */
    Page<Dataset> list(PageRequest page);

    /** Deletes one version row of a dataset unless it is the current version; false when nothing was deleted. */
    boolean deleteVersion(long datasetId, int version);

    /** Deletes the dataset and its version rows; false when it did not exist. */
    boolean delete(long id);

    record NewDataset(DatasetName name, String description, String owner, Instant createdAt) {
    }
}
