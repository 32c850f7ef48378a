package io.grapholap.server.config;

import io.grapholap.application.config.PlatformConfig;
import io.grapholap.application.favorite.ResourceNames;
import io.grapholap.application.graph.snapshot.SnapshotWriterFactory;
import io.grapholap.application.mapping.MappingDependencies;
import io.grapholap.application.mapping.MappingRepository;
import io.grapholap.application.snapshot.ExportJobs;
import io.grapholap.application.snapshot.ExportSettings;
import io.grapholap.application.snapshot.ReconcileSnapshots;
import io.grapholap.application.snapshot.SnapshotDependants;
import io.grapholap.application.snapshot.SnapshotDirectories;
import io.grapholap.application.snapshot.SnapshotExporter;
import io.grapholap.application.snapshot.SnapshotMappingDependencies;
import io.grapholap.application.snapshot.SnapshotNames;
import io.grapholap.application.snapshot.SnapshotRepository;
import io.grapholap.application.snapshot.SnapshotUseCases;
import io.grapholap.application.snapshot.SourceRows;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * Wires the snapshot use cases. Settings: {@code grapholap.export.time-limit} (ISO-8601, default
 * PT1H; the default of {@code max_duration_seconds} in {@code /api/config/export}, which is what
 * exports obey), {@code grapholap.export.fetch-size} (10000), {@code grapholap.export.workers} (exports run
 * at once, 2), {@code grapholap.export.resume-after-restart} (true: exports a stopped server left
 * unfinished run again from scratch; false: they are marked failed). Files live under
 * {@code ${grapholap.data-dir}/snapshots}.
 */
@Factory
final class SnapshotUseCasesFactory {

    private static final Clock CLOCK = Clock.systemUTC();

    @Singleton
    SnapshotDirectories snapshotDirectories(@Value("${grapholap.data-dir:./data}") String dataDir) {
        return new SnapshotDirectories(Path.of(dataDir).resolve("snapshots"));
    }

    @Singleton
    ExportSettings exportSettings(@Value("${grapholap.export.time-limit:PT1H}") String timeLimit,
                                  @Value("${grapholap.export.fetch-size:10000}") int fetchSize,
                                  @Value("${grapholap.export.resume-after-restart:true}") boolean resume) {
        Duration limit;
        try {
            limit = Duration.parse(timeLimit.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("grapholap.export.time-limit must be an ISO-8601 duration such as PT1H, got '"
                    + timeLimit + "'", e);
        }
        return new ExportSettings(limit, fetchSize, 100_000, Duration.ofSeconds(1), resume);
    }

    @Singleton
    @Named("snapshot-export")
    @Bean(preDestroy = "close")
    ExecutorExportJobs exportJobs(@Value("${grapholap.export.workers:2}") int workers) {
        return new ExecutorExportJobs(workers);
    }

    @Singleton
    SnapshotExporter snapshotExporter(SnapshotRepository snapshots, MappingRepository mappings, SourceRows source,
                                      SnapshotWriterFactory writers, SnapshotDirectories directories,
                                      @Named("snapshot-export") ExecutorExportJobs jobs, ExportSettings settings,
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
     * A fixed number of export threads; queued jobs wait (their snapshots stay pending in the
     * database). Knows which snapshots it has queued or is running, so the periodic export
     * reconciliation leaves those alone.
     */
    static final class ExecutorExportJobs implements ExportJobs, AutoCloseable {
        private final java.util.concurrent.ExecutorService executor;
        private final java.util.Set<Long> held = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private volatile boolean stopping;

        ExecutorExportJobs(int workers) {
            if (workers < 1) {
                throw new IllegalArgumentException("grapholap.export.workers must be at least 1, got " + workers);
            }
            java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
            this.executor = java.util.concurrent.Executors.newFixedThreadPool(workers, r -> {
                Thread t = new Thread(r, "snapshot-export-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }

        @Override
        public void submit(long snapshotId, Runnable job) {
            held.add(snapshotId);
            try {
                executor.execute(() -> {
                    try {
                        job.run();
                    } finally {
                        held.remove(snapshotId);
                    }
                });
            } catch (RuntimeException e) {
                held.remove(snapshotId);
                throw e;
            }
        }

        /** Whether this server has the export of {@code snapshotId} queued or running. */
        boolean holds(long snapshotId) {
            return held.contains(snapshotId);
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
