package io.grapholap.server.config;

import io.grapholap.application.admin.BulkDeletable;
import io.grapholap.application.admin.BulkDelete;
import io.grapholap.application.audit.AuditLog;
import io.grapholap.application.cluster.NodeRegistry;
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
import io.grapholap.application.ops.JobLocks;
import io.grapholap.application.ops.JobRecords;
import io.grapholap.application.ops.ReadClusterStatus;
import io.grapholap.application.ops.ReadPlatformState;
import io.grapholap.application.snapshot.ClaimedExports;
import io.grapholap.application.snapshot.ExportClaims;
import io.grapholap.application.snapshot.SnapshotExporter;
import io.grapholap.application.snapshot.SnapshotBulkDeletable;
import io.grapholap.application.snapshot.SnapshotRepository;
import io.grapholap.application.snapshot.SnapshotUseCases;
import io.grapholap.server.settings.ConcurrencyProperties;
import io.grapholap.server.settings.ExportProperties;
import io.grapholap.server.settings.JobsProperties;
import io.grapholap.server.settings.NodeProperties;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import io.micronaut.core.convert.ConversionService;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Wires the ops use cases: platform settings, background jobs, state and cluster views, admin bulk
 * delete. Defaults of the stored settings (used until an operator changes them):
 * {@code grapholap.lifecycle.<mapping|snapshot|instance>.<default-ttl|default-inactivity|max-ttl>}
 * (durations such as PT24H, or "none" for none; unset keeps the built-in value),
 * {@link ConcurrencyProperties} and {@code grapholap.export.time-limit} ({@link ExportProperties}).
 * Jobs: {@link JobsProperties}.
 */
@Factory
final class OpsUseCasesFactory {

    private static final Clock CLOCK = Clock.systemUTC();

    @Singleton
    PlatformDefaults platformDefaults(Environment env, ConversionService conversion, ConcurrencyProperties concurrency,
                                      ExportProperties export) {
        LifecycleConfig builtIn = PlatformDefaults.BUILT_IN.lifecycle();
        LifecycleConfig lifecycle = new LifecycleConfig(
                resource(env, conversion, "mapping", builtIn.mapping()),
                resource(env, conversion, "snapshot", builtIn.snapshot()),
                resource(env, conversion, "instance", builtIn.instance()));
        return new PlatformDefaults(lifecycle, concurrency.config(), new ExportConfig(export.timeLimit().toSeconds()));
    }

    private static LifecycleConfig.ResourceLifecycle resource(Environment env, ConversionService conversion, String kind,
                                                              LifecycleConfig.ResourceLifecycle builtIn) {
        String prefix = "grapholap.lifecycle." + kind + ".";
        return new LifecycleConfig.ResourceLifecycle(lifecycle(env, conversion, prefix + "default-ttl", builtIn.defaultTtl()),
                lifecycle(env, conversion, prefix + "default-inactivity", builtIn.defaultInactivity()),
                lifecycle(env, conversion, prefix + "max-ttl", builtIn.maxTtl()));
    }

    /**
     * A lifecycle default has three states, which a {@code Duration} property cannot hold: unset (the
     * built-in value), "none" (no limit, null) or a duration, converted as Micronaut converts every
     * duration setting.
     */
    private static Duration lifecycle(Environment env, ConversionService conversion, String key, Duration builtIn) {
        Optional<String> text = env.getProperty(key, String.class);
        if (text.isEmpty()) {
            return builtIn;
        }
        if (text.get().isBlank() || text.get().trim().equalsIgnoreCase("none")) {
            return null;
        }
        return conversion.convert(text.get().trim(), Duration.class).orElseThrow(() ->
                new ConfigurationException(key + " must be a duration such as PT24H or 'none', got '" + text.get() + "'"));
    }

    @Singleton
    ManagePlatformConfig managePlatformConfig(PlatformConfig config) {
        return new ManagePlatformConfig(config);
    }

    @Singleton
    BackgroundJobs backgroundJobs(List<BackgroundJob> jobs, @Named("background-jobs") ScheduledExecutorService threads,
                                  JobRecords records, JobLocks locks, NodeProperties node) {
        return new BackgroundJobs(jobs, threads, records, locks, node.id(), CLOCK);
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
     * {@code export_reconciliation}: claims unclaimed snapshots and those whose export claim ran out
     * (a node stopped) while this node has free export slots, and exports them again or fails them,
     * as the {@code export-claims} thread does every second; here on demand and on its own schedule.
     */
    @Singleton
    BackgroundJob exportReconciliation(ClaimedExports exports, SnapshotExporter exporter, JobsProperties jobs) {
        Duration interval = jobs.exportReconciliationInterval();
        return new BackgroundJob() {
            @Override
            public String name() {
                return "export_reconciliation";
            }

            @Override
            public String description() {
                return "claims snapshot exports that no node holds and resumes or fails them";
            }

            @Override
            public Duration interval() {
                return interval;
            }

            @Override
            public String run() {
                ClaimedExports.Outcome outcome = exports.poll(id -> () -> exporter.run(id));
                return outcome.resumed() + " export(s) resumed, " + outcome.failed() + " marked failed";
            }
        };
    }

    @Singleton
    ReadPlatformState readPlatformState(MappingRepository mappings, SnapshotRepository snapshots, ExportClaims claims,
                                        NodeRegistry nodes, Optional<InstanceCensus> census) {
        return new ReadPlatformState(mappings, snapshots, claims, nodes, census);
    }

    @Singleton
    ReadClusterStatus readClusterStatus(CheckReadiness readiness, BackgroundJobs jobs, PlatformConfig config,
                                        Optional<InstanceCensus> census, NodeRegistry nodes) {
        return new ReadClusterStatus(readiness, jobs, config, census, nodes, CLOCK);
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
