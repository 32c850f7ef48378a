package io.grapholap.rest.ops;

import io.grapholap.application.cluster.NodeRegistry;
import io.grapholap.application.ops.InstanceCensus;
import io.micronaut.core.annotation.Introspected;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A server node on the wire: what it registered, {@code status} (alive or dead), {@code self} (the
 * node answering), and the live instances placed on it with the memory they hold by estimate.
 */
@Introspected
record NodeWebModel(String id, String url, int cores, long memoryBudgetBytes, List<String> engines, Instant startedAt,
                    Instant heartbeatAt, String status, boolean self, long instances, long instanceMemoryBytes) {

    static NodeWebModel from(NodeRegistry.NodeStatus s, Map<String, InstanceCensus.NodeLoad> loads) {
        var n = s.node();
        var load = loads.getOrDefault(n.id(), new InstanceCensus.NodeLoad(0, 0));
        return new NodeWebModel(n.id(), n.url(), n.cores(), n.memoryBudget(), n.engines(), n.startedAt(), n.heartbeatAt(),
                s.status(), s.self(), load.instances(), load.memoryBytes());
    }
}
