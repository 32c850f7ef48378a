package io.grapholap.rest.ops;

import io.grapholap.application.ops.ReadClusterStatus;
import io.grapholap.application.security.Actor;
import io.grapholap.rest.web.DataEnvelope;
import io.grapholap.rest.web.PlatformErrors;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The cluster part of the OpsResource (ops role): health, the server nodes and the instance census with limits. */
@Controller("/api/cluster")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "ops")
@PlatformErrors
final class ClusterController {

    private final ReadClusterStatus cluster;

    ClusterController(ReadClusterStatus cluster) {
        this.cluster = cluster;
    }

    @Get("/health")
    @Operation(summary = "healthy, degraded or unhealthy, with each component: databases, engines, background jobs, maintenance")
    DataEnvelope<HealthWebModel> health(Actor actor) {
        ReadClusterStatus.Health h = cluster.health(actor);
        Map<String, ComponentWebModel> components = new LinkedHashMap<>();
        h.components().forEach((name, c) -> components.put(name, new ComponentWebModel(c.status(), c.detail())));
        return DataEnvelope.of(new HealthWebModel(h.status(), components, h.checkedAt()));
    }

    @Get("/nodes")
    @Operation(summary = "The server nodes on the metadata database: id, url, cores, memory_budget_bytes, engines, started_at, "
            + "heartbeat_at, status (alive or dead: no heartbeat within grapholap.node.dead-after), self (the node answering), "
            + "instances and instance_memory_bytes (the live instances placed on it)")
    DataEnvelope<List<NodeWebModel>> nodes(Actor actor) {
        var loads = cluster.nodeLoads(actor);
        return DataEnvelope.of(cluster.nodes(actor).stream().map(n -> NodeWebModel.from(n, loads)).toList());
    }

    @Get("/instances")
    @Operation(summary = "Instances: total, by_status, by_owner (live ones) and the limits with cluster_used and cluster_available")
    DataEnvelope<InstancesWebModel> instances(Actor actor) {
        ReadClusterStatus.Instances i = cluster.instances(actor);
        return DataEnvelope.of(new InstancesWebModel(i.total(), i.byStatus(),
                i.byOwner().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                        .map(e -> new OwnerCount(e.getKey(), e.getValue())).toList(),
                LimitsWebModel.from(i.limits()), i.censusAvailable()));
    }

    @Introspected
    record OwnerCount(String owner, long count) {
    }

    @Introspected
    record LimitsWebModel(int perAnalyst, int clusterTotal, long clusterUsed, long clusterAvailable) {
        static LimitsWebModel from(ReadClusterStatus.Limits l) {
            return new LimitsWebModel(l.perAnalyst(), l.clusterTotal(), l.clusterUsed(), l.clusterAvailable());
        }
    }

    @Introspected
    record InstancesWebModel(long total, Map<String, Long> byStatus, List<OwnerCount> byOwner, LimitsWebModel limits,
                             boolean censusAvailable) {
    }

    @Introspected
    record ComponentWebModel(String status, String detail) {
    }

    @Introspected
    record HealthWebModel(String status, Map<String, ComponentWebModel> components, Instant checkedAt) {
    }
}
