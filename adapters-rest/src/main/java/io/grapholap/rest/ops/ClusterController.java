package io.grapholap.rest.ops;

import io.grapholap.application.ops.ReadClusterStatus;
import io.grapholap.application.security.Actor;
import io.grapholap.rest.web.DataEnvelope;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;

/** The cluster part of the OpsResource (ops role): health and the instance census with limits. */
@Controller("/api/cluster")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "ops")
final class ClusterController {

    private final ReadClusterStatus cluster;

    ClusterController(ReadClusterStatus cluster) {
        this.cluster = cluster;
    }

    @Get("/health")
    @Operation(summary = "healthy, degraded or unhealthy, with each component: databases, engines, background jobs, maintenance")
    DataEnvelope<ReadClusterStatus.Health> health(Actor actor) {
        return DataEnvelope.of(cluster.health(actor));
    }

    @Get("/instances")
    @Operation(summary = "Instances: total, by_status, by_owner (live ones) and the limits with cluster_used and cluster_available")
    DataEnvelope<InstancesWebModel> instances(Actor actor) {
        ReadClusterStatus.Instances i = cluster.instances(actor);
        return DataEnvelope.of(new InstancesWebModel(i.total(), i.byStatus(),
                i.byOwner().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                        .map(e -> new OwnerCount(e.getKey(), e.getValue())).toList(),
                i.limits(), i.censusAvailable()));
    }

    @Introspected
    record OwnerCount(String owner, long count) {
    }

    @Introspected
    record InstancesWebModel(long total, Map<String, Long> byStatus, List<OwnerCount> byOwner, ReadClusterStatus.Limits limits,
                             boolean censusAvailable) {
    }
}
