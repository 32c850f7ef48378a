package io.grapholap.server.config;

import io.grapholap.application.admin.BulkDeletable;
import io.grapholap.application.admin.BulkDelete;
import io.grapholap.application.audit.AuditLog;
import io.grapholap.application.config.ConcurrencyConfig;
import io.grapholap.application.config.ExportConfig;
import io.grapholap.application.config.LifecycleConfig;
import io.grapholap.application.config.ManagePlatformConfig;
import io.grapholap.application.config.PlatformConfig;
import io.grapholap.application.config.PlatformDefaults;
import io.grapholap.application.health.CheckReadiness;
import io.grapholap.application.mapping.DeleteMapping;
import io.grapholap.application.mapping.MappingBulkDeletable;
import io.grapholap.application.mapping.MappingRepository;
import io.grapholap.application.ops.BackgroundJob;
import io.grapholap.application.ops.BackgroundJobs;
import io.grapholap.application.ops.InstanceCensus;
import io.grapholap.application.ops.JobRecords;
import io.grapholap.application.ops.ReadClusterStatus;
import io.grapholap.application.ops.ReadPlatformState;
import io.grapholap.application.snapshot.ReconcileSnapshots;
import io.grapholap.application.snapshot.SnapshotBulkDeletable;
import io.grapholap.application.snapshot.SnapshotRepository;
import io.grapholap.application.snapshot.SnapshotUseCases;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wires the ops use cases: platform settings, background jobs, state and cluster views, admin bulk
 * delete. Defaults of the stored settings (used until an operator changes them):
 * {@code grapholap.lifecycle.<mapping|snapshot|instance>.<default-ttl|default-inactivity|max-ttl>}
 * (ISO-8601 durations, "none" for none), {@code grapholap.concurrency.per-analyst} (5),
 * {@code grapholap.concurrency.cluster-total} (20) and {@code grapholap.export.time-limit} (PT1H).
 * Jobs: {@code grapholap.jobs.threads} (2) threads run them;
 * {@code grapholap.jobs.export-reconciliation-interval} (5m) paces {@code export_reconciliation}.
 */
@Factory
final class OpsUseCasesFactory {

    private static final Clock CLOCK = Clock.systemUTC();
    /** How old an unfinished snapshot must be before the periodic pass may call it abandoned. */
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(1);

    @Singleton
    PlatformDefaults platformDefaults(Environment env) {
        LifecycleConfig builtIn = PlatformDefaults.BUILT_IN.lifecycle();
        LifecycleConfig lifecycle = new LifecycleConfig(
                resource(env, "mapping", builtIn.mapping()),
                resource(env, "snapshot", builtIn.snapshot()),
                resource(env, "instance", builtIn.instance()));
        ConcurrencyConfig concurrency = new ConcurrencyConfig(
                env.getProperty("grapholap.concurrency.per-analyst", Integer.class, PlatformDefaults.BUILT_IN.concurrency().perAnalyst()),
                env.getProperty("grapholap.concurrency.cluster-total", Integer.class, PlatformDefaults.BUILT_IN.concurrency().clusterTotal()));
        Duration exportLimit = duration(env, "grapholap.export.time-limit", Duration.ofSeconds(PlatformDefaults.BUILT_IN.export().maxDurationSeconds()));
        if (exportLimit == null || exportLimit.toSeconds() < 1) {
            throw new IllegalArgumentException("grapholap.export.time-limit must be at least one second");
        }
        return new PlatformDefaults(lifecycle, concurrency, new ExportConfig(exportLimit.toSeconds()));
    }

    private static LifecycleConfig.ResourceLifecycle resource(Environment env, String kind, LifecycleConfig.ResourceLifecycle builtIn) {
        String prefix = "grapholap.lifecycle." + kind + ".";
        return new LifecycleConfig.ResourceLifecycle(duration(env, prefix + "default-ttl", builtIn.defaultTtl()),
                duration(env, prefix + "default-inactivity", builtIn.defaultInactivity()),
                duration(env, prefix + "max-ttl", builtIn.maxTtl()));
    }

    private static Duration duration(Environment env, String key, Duration fallback) {
        Optional<String> text = env.getProperty(key, String.class);
        if (text.isEmpty()) {
            return fallback;
        }
        if (text.get().isBlank() || text.get().trim().equalsIgnoreCase("none")) {
            return null;
        }
        try {
            return Duration.parse(text.get().trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(key + " must be an ISO-8601 duration such as PT24H or 'none', got '" + text.get() + "'", e);
        }
    }

    @Singleton
    ManagePlatformConfig managePlatformConfig(PlatformConfig config) {
        return new ManagePlatformConfig(config);
    }

    @Singleton
    @Named("background-jobs")
    @Bean(preDestroy = "shutdownNow")
    ScheduledExecutorService jobThreads(@Value("${grapholap.jobs.threads:2}") int threads) {
        if (threads < 1 || threads > 16) {
            throw new IllegalArgumentException("grapholap.jobs.threads must be between 1 and 16, got " + threads);
        }
        AtomicInteger n = new AtomicInteger();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(threads, r -> {
            Thread t = new Thread(r, "background-job-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    @Singleton
    BackgroundJobs backgroundJobs(List<BackgroundJob> jobs, @Named("background-jobs") ScheduledExecutorService threads,
                                  JobRecords records) {
        return new BackgroundJobs(jobs, threads, records, CLOCK);
    }

    /** Starts the job schedule once the server is up (after the start-up export reconciliation was queued). */
    @Singleton
    static final class StartJobs implements ApplicationEventListener<ServerStartupEvent> {
        private final BackgroundJobs jobs;

        StartJobs(BackgroundJobs jobs) {
            this.jobs = jobs;
        }

        @Override
        public void onApplicationEvent(ServerStartupEvent event) {
            jobs.start();
        }
    }

    /**
     * {@code export_reconciliation}: unfinished snapshots that this server neither queued nor runs
     * (and that have not changed for a minute) are exported again or failed, as at start-up.
     */
    @Singleton
    BackgroundJob exportReconciliation(ReconcileSnapshots reconcile,
                                       @Named("snapshot-export") SnapshotUseCasesFactory.ExecutorExportJobs exports,
                                       @Value("${grapholap.jobs.export-reconciliation-interval:5m}") Duration interval) {
        return new BackgroundJob() {
            @Override
            public String name() {
                return "export_reconciliation";
            }

            @Override
            public String description() {
                return "resumes or fails snapshot exports that no export thread holds";
            }

            @Override
            public Duration interval() {
                return interval;
            }

            @Override
            public String run() {
                var cutoff = CLOCK.instant().minus(ABANDONED_AFTER);
                ReconcileSnapshots.Outcome outcome = reconcile.reconcile(
                        s -> !exports.holds(s.id()) && s.updatedAt().isBefore(cutoff));
                return outcome.resumed() + " export(s) resumed, " + outcome.failed() + " marked failed";
            }
        };
    }

    @Singleton
    ReadPlatformState readPlatformState(MappingRepository mappings, SnapshotRepository snapshots, Optional<InstanceCensus> census) {
        return new ReadPlatformState(mappings, snapshots, census, CLOCK);
    }

    @Singleton
    ReadClusterStatus readClusterStatus(CheckReadiness readiness, BackgroundJobs jobs, PlatformConfig config,
                                        Optional<InstanceCensus> census) {
        return new ReadClusterStatus(readiness, jobs, config, census, CLOCK);
    }

    @Singleton
    BulkDeletable mappingBulkDeletable(MappingRepository mappings, DeleteMapping delete) {
        return new MappingBulkDeletable(mappings, delete);
    }

    @Singleton
    BulkDeletable snapshotBulkDeletable(SnapshotRepository snapshots, SnapshotUseCases useCases) {
        return new SnapshotBulkDeletable(snapshots, useCases);
    }

    @Singleton
    BulkDelete bulkDelete(List<BulkDeletable> kinds, AuditLog audit) {
        return new BulkDelete(kinds, audit, CLOCK);
    }
}
