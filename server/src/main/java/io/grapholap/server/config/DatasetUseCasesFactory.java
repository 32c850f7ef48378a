package io.grapholap.server.config;

import io.grapholap.application.dataset.ArrowStreamDecoder;
import io.grapholap.application.dataset.DatasetDependants;
import io.grapholap.application.dataset.DatasetDirectories;
import io.grapholap.application.dataset.DatasetRepository;
import io.grapholap.application.dataset.DatasetUseCases;
import io.grapholap.application.dataset.ReconcileDatasetFiles;
import io.grapholap.application.dataset.UploadDataset;
import io.grapholap.application.dataset.UploadSettings;
import io.grapholap.application.graph.snapshot.SnapshotReader;
import io.grapholap.application.graph.snapshot.SnapshotWriterFactory;
import io.grapholap.application.snapshot.SnapshotDirectories;
import io.grapholap.application.snapshot.SnapshotRepository;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Wires the dataset use cases; {@link DatasetUseCases} is also the {@code DatasetCatalog} bean that
 * instances and UDFs resolve datasets through. Settings ({@code grapholap.datasets.*}):
 * {@code max-vertices-per-call} and {@code max-edges-per-call} (JSON upsert, 100000 each),
 * {@code max-rows-per-table} (bulk upload, 1000000), {@code max-rows-per-version} (vertices plus
 * edges of one version, merged in memory, 5000000), {@code keep-versions} (versions of one dataset
 * kept on disk besides those live instances load from, 10), {@code max-body-bytes} (16777216, never
 * more than {@code micronaut.server.max-request-size}). Files live under {@code ${grapholap.data-dir}/datasets}.
 */
@Factory
final class DatasetUseCasesFactory {

    private static final Clock CLOCK = Clock.systemUTC();

    @Singleton
    DatasetDirectories datasetDirectories(@Value("${grapholap.data-dir:./data}") String dataDir) {
        return new DatasetDirectories(Path.of(dataDir).resolve("datasets"));
    }

    @Singleton
    UploadSettings uploadSettings(@Value("${grapholap.datasets.max-vertices-per-call:100000}") int maxVertices,
                                  @Value("${grapholap.datasets.max-edges-per-call:100000}") int maxEdges,
                                  @Value("${grapholap.datasets.max-rows-per-table:1000000}") int maxRowsPerTable,
                                  @Value("${grapholap.datasets.max-rows-per-version:5000000}") long maxRowsPerVersion,
                                  @Value("${grapholap.datasets.keep-versions:10}") int keepVersions) {
        return new UploadSettings(maxVertices, maxEdges, maxRowsPerTable, maxRowsPerVersion, keepVersions);
    }

    @Singleton
    UploadDataset uploadDataset(DatasetRepository datasets, DatasetDirectories directories, SnapshotWriterFactory writers,
                                SnapshotReader reader, ArrowStreamDecoder arrow, UploadSettings settings,
                                DatasetDependants dependants) {
        return new UploadDataset(datasets, directories, writers, reader, arrow, settings, dependants, CLOCK);
    }

    @Singleton
    DatasetUseCases datasetUseCases(DatasetRepository datasets, DatasetDirectories directories, SnapshotRepository snapshots,
                                    SnapshotDirectories snapshotDirectories, DatasetDependants dependants) {
        return new DatasetUseCases(datasets, directories, snapshots, snapshotDirectories, dependants);
    }

    @Singleton
    ReconcileDatasetFiles reconcileDatasetFiles(DatasetRepository datasets, DatasetDirectories directories) {
        return new ReconcileDatasetFiles(datasets, directories);
    }
}
