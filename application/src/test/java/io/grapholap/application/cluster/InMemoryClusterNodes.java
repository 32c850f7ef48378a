package io.grapholap.application.cluster;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/** The node registry in memory, for use-case tests; held to {@link ClusterNodesContract} like the JDBC one. */
public final class InMemoryClusterNodes implements ClusterNodes {

    private final Map<String, ClusterNode> nodes = new ConcurrentSkipListMap<>();

    @Override
    public void register(ClusterNode node) {
        nodes.put(node.id(), node);
    }

    @Override
    public boolean heartbeat(String id, Instant at) {
        return nodes.computeIfPresent(id, (k, n) -> n.withHeartbeat(at)) != null;
    }

    @Override
    public void deregister(String id) {
        nodes.remove(id);
    }

    @Override
    public List<ClusterNode> list() {
        return List.copyOf(nodes.values());
    }
}
