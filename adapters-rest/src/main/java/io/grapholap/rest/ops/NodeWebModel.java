package io.grapholap.rest.ops;

import io.grapholap.application.cluster.NodeRegistry;
import io.micronaut.core.annotation.Introspected;
import java.time.Instant;
import java.util.List;

/** A server node on the wire: what it registered, {@code status} (alive or dead) and {@code self} (the node answering). */
@Introspected
record NodeWebModel(String id, String url, int cores, long memoryBudgetBytes, List<String> engines, Instant startedAt,
                    Instant heartbeatAt, String status, boolean self) {

    static NodeWebModel from(NodeRegistry.NodeStatus s) {
        var n = s.node();
        return new NodeWebModel(n.id(), n.url(), n.cores(), n.memoryBudget(), n.engines(), n.startedAt(), n.heartbeatAt(),
                s.status(), s.self());
    }
}
