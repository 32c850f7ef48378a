package io.grapholap.server.config;

import io.grapholap.application.config.PlatformConfig;
import io.grapholap.application.favorite.ResourceNames;
import io.grapholap.application.graph.snapshot.SnapshotWriterFactory;
import io.grapholap.application.mapping.MappingDependencies;
import io.grapholap.application.mapping.MappingRepository;
import io.grapholap.application.snapshot.ClaimedExports;
import io.grapholap.application.snapshot.ExportClaims;
import io.grapholap.application.snapshot.ExportJobs;
import io.grapholap.application.snapshot.ExportSettings;
import io.grapholap.application.snapshot.ListMappingSnapshots;
import io.grapholap.application.snapshot.ReconcileSnapshots;
import io.grapholap.application.snapshot.SnapshotDependants;
import io.grapholap.application.snapshot.SnapshotDirectories;
import io.grapholap.application.snapshot.SnapshotExporter;
import io.grapholap.application.snapshot.SnapshotMappingDependencies;
import io.grapholap.application.snapshot.SnapshotNames;
import io.grapholap.application.snapshot.SnapshotRepository;
import io.grapholap.application.snapshot.SnapshotUseCases;
import io.grapholap.application.snapshot.SourceRows;
import io.grapholap.server.settings.ExportProperties;
import io.grapholap.server.settings.NodeProperties;
import io.grapholap.server.settings.ServerProperties;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;

/**
 * Wires the snapshot use cases; settings in {@link ExportProperties}. Files live in the snapshot
 * store ({@link SnapshotStoreFactory}).
 */
@Factory
final class SnapshotUseCasesFactory {

    private static final Clock CLOCK = Clock.systemUTC();

    @Singleton
    ListMappingSnapshots listMappingSnapshots(MappingRepository mappings, SnapshotRepository snapshots) {
        return new ListMappingSnapshots(mappings, snapshots);
    }

    @Singleton
    ExportSettings exportSettings(ExportProperties properties) {
        return new ExportSettings(properties.timeLimit(), properties.fetchSize(), 100_000, Duration.ofSeconds(1),
                properties.resumeAfterRestart());
    }

    @Singleton
    @Bean(preDestroy = "close")
    ExecutorExportJobs exportJobs(@Named("snapshot-export") ExecutorService exports) {
        return new ExecutorExportJobs(exports);
    }

    /** Exports under claims on the metadata database, run on the {@code snapshot-export} threads. */
    @Singleton
    ClaimedExports claimedExports(ExportClaims claims, SnapshotRepository snapshots, SnapshotDirectories directories,
                                  ExecutorExportJobs pool, ExportProperties export, NodeProperties node) {
        return new ClaimedExports(claims, snapshots, directories, pool, new ClaimedExports.Settings(node.id(), export.lease(),
                export.workers(), export.maxAttempts(), export.resumeAfterRestart()), CLOCK);
    }

    @Singleton
    SnapshotExporter snapshotExporter(SnapshotRepository snapshots, MappingRepository mappings, SourceRows source,
                                      SnapshotWriterFactory writers, SnapshotDirectories directories,
                                      ClaimedExports jobs, ExportSettings settings,
                                      PlatformConfig config) {
        // The time limit is the live /api/config/export value, read as each export starts.
        return new SnapshotExporter(snapshots, mappings, source, writers, directories, jobs, settings,
                () -> Duration.ofSeconds(config.export().maxDurationSeconds()), CLOCK);
    }

    @Singleton
    SnapshotUseCases snapshotUseCases(SnapshotRepository snapshots, MappingRepository mappings, SnapshotExporter exporter,
                                      SnapshotDirectories directories, SnapshotDependants dependants) {
        return new SnapshotUseCases(snapshots, mappings, exporter, directories, dependants, CLOCK);
    }

    @Singleton
    ReconcileSnapshots reconcileSnapshots(SnapshotRepository snapshots, SnapshotExporter exporter, SnapshotDirectories directories) {
        return new ReconcileSnapshots(snapshots, exporter, directories, CLOCK);
    }

    @Singleton
    MappingDependencies snapshotMappingDependencies(SnapshotRepository snapshots, SnapshotDependants dependants) {
        return new SnapshotMappingDependencies(snapshots, dependants);
    }

    @Singleton
    ResourceNames snapshotNames(SnapshotRepository snapshots) {
        return new SnapshotNames(snapshots);
    }

    /**
     * Exports on the {@code snapshot-export} threads; queued jobs wait (their snapshots stay pending
     * in the database, claimed by this node, whose heartbeat keeps the claims).
     */
    static final class ExecutorExportJobs implements ExportJobs, AutoCloseable {
        private final ExecutorService executor;
        private volatile boolean stopping;

        ExecutorExportJobs(ExecutorService executor) {
            this.executor = executor;
        }

        @Override
        public void submit(long snapshotId, Runnable job) {
            executor.execute(job);
        }

        @Override
        public boolean stopping() {
            return stopping;
        }

        /** Stops taking jobs; running exports are abandoned and reconciled on the next start. */
        @Override
        public void close() {
            stopping = true;
            executor.shutdownNow();
        }
    }
}
