package io.grapholap.rest.ops;

import io.grapholap.application.ops.ReadPlatformState;
import io.grapholap.application.security.Actor;
import io.grapholap.application.snapshot.SnapshotProgressView;
import io.grapholap.rest.web.DataEnvelope;
import io.grapholap.rest.web.PlatformErrors;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The state views of the OpsResource (ops role): counts per status, and the export queue. */
@Controller("/api/ops")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "ops")
@PlatformErrors
final class OpsStateController {

    private final ReadPlatformState state;

    OpsStateController(ReadPlatformState state) {
        this.state = state;
    }

    @Get("/state")
    @Operation(summary = "Counts: mappings, snapshots per status, instances per status (available=false without an instance census), exports queued and running")
    DataEnvelope<StateWebModel> state(Actor actor) {
        ReadPlatformState.State s = state.state(actor);
        Map<String, Long> snapshots = s.snapshotsByStatus();
        InstancesWebModel instances = s.instancesByStatus()
                .map(by -> new InstancesWebModel(true, by.values().stream().mapToLong(Long::longValue).sum(), by))
                .orElse(new InstancesWebModel(false, 0, Map.of()));
        return DataEnvelope.of(new StateWebModel(new TotalWebModel(s.mappings()),
                new SnapshotsWebModel(s.snapshotTotal(), snapshots), instances,
                new ExportJobsWebModel(snapshots.getOrDefault("pending", 0L), snapshots.getOrDefault("creating", 0L))));
    }

    @Get("/export-jobs")
    @Operation(summary = "Exports queued (pending) or running (creating), oldest first, with progress; filter status, limit at most 100")
    DataEnvelope<List<ExportJobWebModel>> exportJobs(Actor actor, @Nullable @QueryValue String status,
                                                     @Nullable @QueryValue Integer limit) {
        return DataEnvelope.of(state.exportJobs(actor, status, limit).stream().map(ExportJobWebModel::from).toList());
    }

    @Introspected
    record TotalWebModel(long total) {
    }

    @Introspected
    record SnapshotsWebModel(long total, Map<String, Long> byStatus) {
    }

    @Introspected
    record InstancesWebModel(boolean available, long total, Map<String, Long> byStatus) {
    }

    @Introspected
    record ExportJobsWebModel(long queued, long running) {
    }

    @Introspected
    record StateWebModel(TotalWebModel mappings, SnapshotsWebModel snapshots, InstancesWebModel instances,
                         ExportJobsWebModel exportJobs) {
    }

    @Introspected
    record StepWebModel(String name, String status, long rows) {
    }

    @Introspected
    record ExportJobWebModel(long id, long snapshotId, String status, String phase, Instant startedAt, String currentStep,
                             int progressPercent, Long estimatedRemainingSeconds, List<StepWebModel> steps) {
        static ExportJobWebModel from(SnapshotProgressView p) {
            return new ExportJobWebModel(p.id(), p.id(), p.status(), p.phase(), p.startedAt(), p.currentStep(),
                    p.progressPercent(), p.estimatedRemainingSeconds(),
                    p.steps().stream().map(s -> new StepWebModel(s.name(), s.status().name().toLowerCase(Locale.ROOT), s.rows())).toList());
        }
    }
}
