package io.grapholap.rest.ops;

import io.grapholap.application.ops.ExportJobRows;
import io.grapholap.application.ops.InstanceCensus;
import io.grapholap.application.ops.ReadPlatformState;
import io.grapholap.application.security.Actor;
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
import java.util.Map;

/** The state views of the OpsResource (ops role): counts per status, and the export jobs. */
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
    @Operation(summary = "Counts: mappings, snapshots per status, instances per status and without_pod_name (live with no engine "
            + "holding them; available=false without an instance census), exports queued and running, export jobs by status, "
            + "and every server node with its status")
    DataEnvelope<StateWebModel> state(Actor actor) {
        ReadPlatformState.State s = state.state(actor);
        Map<String, InstanceCensus.NodeLoad> loads = state.census().map(InstanceCensus::liveByNode).orElse(Map.of());
        Map<String, Long> snapshots = s.snapshotsByStatus();
        InstancesWebModel instances = s.instancesByStatus()
                .map(by -> new InstancesWebModel(true, by.values().stream().mapToLong(Long::longValue).sum(), by,
                        s.instancesWithoutEngine().orElse(0L)))
                .orElse(new InstancesWebModel(false, 0, Map.of(), 0));
        return DataEnvelope.of(new StateWebModel(new TotalWebModel(s.mappings()),
                new SnapshotsWebModel(s.snapshotTotal(), snapshots), instances,
                new ExportJobsWebModel(snapshots.getOrDefault("pending", 0L), snapshots.getOrDefault("creating", 0L),
                        s.exportJobsByStatus()), s.nodes().stream().map(n -> NodeWebModel.from(n, loads)).toList()));
    }

    @Get("/export-jobs")
    @Operation(summary = "Export jobs, one per definition of the recent snapshots, newest first: entity_type, entity_name, "
            + "status (pending, claimed, completed, failed), attempts, claimed_by (the node), lease_expires_at, timestamps, "
            + "error_message; filter status, limit at most 100")
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
    record InstancesWebModel(boolean available, long total, Map<String, Long> byStatus, long withoutPodName) {
    }

    @Introspected
    record ExportJobsWebModel(long queued, long running, Map<String, Long> byStatus) {
    }

    @Introspected
    record StateWebModel(TotalWebModel mappings, SnapshotsWebModel snapshots, InstancesWebModel instances,
                         ExportJobsWebModel exportJobs, List<NodeWebModel> nodes) {
    }

    @Introspected
    record ExportJobWebModel(String id, long snapshotId, String snapshotName, String entityType, String entityName,
                             String status, long rows, int attempts, String claimedBy, Instant leaseExpiresAt,
                             Instant createdAt, Instant startedAt, Instant updatedAt, String errorMessage) {
        static ExportJobWebModel from(ExportJobRows.ExportJob j) {
            return new ExportJobWebModel(j.id(), j.snapshotId(), j.snapshotName(), j.entityType(), j.entityName(), j.status(),
                    j.rows(), j.attempts(), j.claimedBy(), j.leaseExpiresAt(), j.createdAt(), j.startedAt(), j.updatedAt(), j.errorMessage());
        }
    }
}
