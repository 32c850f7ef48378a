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
import io.grapholap.server.settings.DatasetsProperties;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Wires the dataset use cases; {@link DatasetUseCases} is also the {@code DatasetCatalog} bean that
 * instances and UDFs resolve datasets through. Settings in {@link DatasetsProperties}; files live
 * in the dataset store ({@link SnapshotStoreFactory}).
 */
@Factory
final class DatasetUseCasesFactory {

    private static final Clock CLOCK = Clock.systemUTC();

    @Singleton
    UploadSettings uploadSettings(DatasetsProperties properties) {
        return properties.settings();
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
