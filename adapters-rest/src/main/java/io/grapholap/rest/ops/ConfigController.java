package io.grapholap.rest.ops;

import io.grapholap.application.config.ConcurrencyConfig;
import io.grapholap.application.config.ExportConfig;
import io.grapholap.application.config.LifecycleConfig;
import io.grapholap.application.config.ManagePlatformConfig;
import io.grapholap.application.config.MaintenanceMode;
import io.grapholap.application.security.Actor;
import io.grapholap.rest.web.DataEnvelope;
import io.grapholap.rest.web.PlatformErrors;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;

/** The config part of the OpsResource: the ops role (or admin) reads and changes it, as in seed 001. */
@Controller("/api/config")
@Secured("ops")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "ops")
@PlatformErrors
final class ConfigController {

    private final ManagePlatformConfig config;

    ConfigController(ManagePlatformConfig config) {
        this.config = config;
    }

    @Get("/lifecycle")
    @Operation(summary = "Lifecycle defaults per resource kind: default_ttl, default_inactivity, max_ttl (ISO-8601, null = none)")
    DataEnvelope<LifecycleWebModel> lifecycle() {
        return DataEnvelope.of(LifecycleWebModel.from(config.lifecycle()));
    }

    @Put("/lifecycle")
    @Operation(summary = "Replace the lifecycle settings of the kinds given (mapping, snapshot, instance); ops role")
    DataEnvelope<LifecycleWebModel> updateLifecycle(Actor actor, @Body LifecycleBody body) {
        return DataEnvelope.of(LifecycleWebModel.from(config.updateLifecycle(actor, input(body.mapping()),
                input(body.snapshot()), input(body.instance()))));
    }

    @Get("/concurrency")
    @Operation(summary = "Instance limits: per_analyst and cluster_total")
    DataEnvelope<ConcurrencyWebModel> concurrency() {
        return DataEnvelope.of(ConcurrencyWebModel.from(config.concurrency()));
    }

    @Put("/concurrency")
    @Operation(summary = "Change per_analyst and/or cluster_total (1 to 10000, per_analyst <= cluster_total); ops role")
    DataEnvelope<ConcurrencyWebModel> updateConcurrency(Actor actor, @Body ConcurrencyBody body) {
        return DataEnvelope.of(ConcurrencyWebModel.from(config.updateConcurrency(actor, body.perAnalyst(), body.clusterTotal())));
    }

    @Get("/maintenance")
    @Operation(summary = "Maintenance mode: enabled, message, who changed it and when")
    DataEnvelope<MaintenanceWebModel> maintenance() {
        return DataEnvelope.of(MaintenanceWebModel.from(config.maintenance()));
    }

    @Put("/maintenance")
    @Operation(summary = "Turn maintenance mode on or off (enabled, message up to 500 characters); ops role."
            + " While on, requests that create resources answer 503 MAINTENANCE_MODE")
    DataEnvelope<MaintenanceWebModel> updateMaintenance(Actor actor, @Body MaintenanceBody body) {
        return DataEnvelope.of(MaintenanceWebModel.from(config.updateMaintenance(actor, body.enabled(), body.message())));
    }

    @Get("/export")
    @Operation(summary = "Export settings: max_duration_seconds, the time limit of one snapshot export")
    DataEnvelope<ExportWebModel> export() {
        return DataEnvelope.of(new ExportWebModel(config.export().maxDurationSeconds()));
    }

    @Put("/export")
    @Operation(summary = "Change max_duration_seconds (1 to 604800); applies to exports that start afterwards; ops role")
    DataEnvelope<ExportWebModel> updateExport(Actor actor, @Body ExportBody body) {
        ExportConfig updated = config.updateExport(actor, body.maxDurationSeconds());
        return DataEnvelope.of(new ExportWebModel(updated.maxDurationSeconds()));
    }

    private static ManagePlatformConfig.ResourceLifecycleInput input(@Nullable ResourceLifecycleBody b) {
        return b == null ? null : new ManagePlatformConfig.ResourceLifecycleInput(b.defaultTtl(), b.defaultInactivity(), b.maxTtl());
    }

    @Introspected
    record ResourceLifecycleBody(@Nullable String defaultTtl, @Nullable String defaultInactivity, @Nullable String maxTtl) {
    }

    @Introspected
    record LifecycleBody(@Nullable ResourceLifecycleBody mapping, @Nullable ResourceLifecycleBody snapshot,
                         @Nullable ResourceLifecycleBody instance) {
    }

    @Introspected
    record ConcurrencyBody(@Nullable Integer perAnalyst, @Nullable Integer clusterTotal) {
    }

    @Introspected
    record MaintenanceBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable Boolean enabled, @Nullable String message) {
    }

    @Introspected
    record ExportBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable Long maxDurationSeconds) {
    }

    @Introspected
    record ResourceLifecycleWebModel(String defaultTtl, String defaultInactivity, String maxTtl) {
        static ResourceLifecycleWebModel from(LifecycleConfig.ResourceLifecycle r) {
            return new ResourceLifecycleWebModel(text(r.defaultTtl()), text(r.defaultInactivity()), text(r.maxTtl()));
        }
    }

    @Introspected
    record LifecycleWebModel(ResourceLifecycleWebModel mapping, ResourceLifecycleWebModel snapshot,
                             ResourceLifecycleWebModel instance) {
        static LifecycleWebModel from(LifecycleConfig c) {
            return new LifecycleWebModel(ResourceLifecycleWebModel.from(c.mapping()), ResourceLifecycleWebModel.from(c.snapshot()),
                    ResourceLifecycleWebModel.from(c.instance()));
        }
    }

    @Introspected
    record ConcurrencyWebModel(int perAnalyst, int clusterTotal) {
        static ConcurrencyWebModel from(ConcurrencyConfig c) {
            return new ConcurrencyWebModel(c.perAnalyst(), c.clusterTotal());
        }
    }

    @Introspected
    record MaintenanceWebModel(boolean enabled, String message, String updatedBy, Instant updatedAt) {
        static MaintenanceWebModel from(MaintenanceMode m) {
            return new MaintenanceWebModel(m.enabled(), m.message(), m.changedBy(), m.changedAt());
        }
    }

    @Introspected
    record ExportWebModel(long maxDurationSeconds) {
    }

    private static String text(Duration d) {
        return d == null ? null : d.toString();
    }
}
