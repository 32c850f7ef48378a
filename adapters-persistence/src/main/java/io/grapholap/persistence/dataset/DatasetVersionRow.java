package io.grapholap.persistence.dataset;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A row of {@code dataset_versions}; counts as JSON text. */
@MappedEntity("dataset_versions")
record DatasetVersionRow(@Id @GeneratedValue @Nullable Long id, long datasetId, int version, String directory, String nodeCounts,
                         String edgeCounts, long sizeBytes, String createdBy, Instant createdAt) {
}
