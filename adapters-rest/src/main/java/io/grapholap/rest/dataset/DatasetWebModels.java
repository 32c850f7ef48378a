package io.grapholap.rest.dataset;

import io.grapholap.application.dataset.DatasetView;
import io.grapholap.application.dataset.UploadDataset;
import io.grapholap.domain.dataset.DatasetVersion;
import io.micronaut.core.annotation.Introspected;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Dataset resources on the wire (snake_case through the server's JSON settings). */
final class DatasetWebModels {

    private DatasetWebModels() {
    }

    @Introspected
    record DatasetWebModel(String id, String name, String kind, String description, String owner, int currentVersion,
                           Map<String, Long> nodeCounts, Map<String, Long> edgeCounts, long sizeBytes,
                           Instant createdAt, Instant updatedAt, List<VersionWebModel> versions) {
        static DatasetWebModel from(DatasetView d) {
            return new DatasetWebModel(d.id(), d.name(), d.kind(), d.description(), d.owner(), d.currentVersion(),
                    d.nodeCounts(), d.edgeCounts(), d.sizeBytes(), d.createdAt(), d.updatedAt(),
                    d.versions().stream().map(VersionWebModel::from).toList());
        }
    }

    @Introspected
    record VersionWebModel(int version, Map<String, Long> nodeCounts, Map<String, Long> edgeCounts, long sizeBytes,
                           String createdBy, Instant createdAt) {
        static VersionWebModel from(DatasetVersion v) {
            return new VersionWebModel(v.version(), v.nodeCounts(), v.edgeCounts(), v.sizeBytes(), v.createdBy(), v.createdAt());
        }
    }

    /** What a bulk upload answers: the dataset, its new version and counts, and how many rows it took. */
    @Introspected
    record UploadWebModel(String dataset, int version, long acceptedVertices, long acceptedEdges,
                          Map<String, Long> nodeCounts, Map<String, Long> edgeCounts, long sizeBytes) {
        static UploadWebModel from(UploadDataset.Result r) {
            return new UploadWebModel(r.dataset().name().value(), r.version().version(), r.acceptedVertices(),
                    r.acceptedEdges(), r.version().nodeCounts(), r.version().edgeCounts(), r.version().sizeBytes());
        }
    }
}
