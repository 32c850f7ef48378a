package io.grapholap.application.cluster;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * This node's presence in the registry, and everybody's status. The node registers when it starts,
 * renews its heartbeat while it runs (registering again if its record was removed, for example by
 * an operator) and deregisters when it stops cleanly; a node whose heartbeat is older than
 * {@code deadAfter} shows as {@code dead} (killed, or cut off from the database).
 */
public final class NodeRegistry {

    private static final System.Logger LOG = System.getLogger(NodeRegistry.class.getName());

    /** A node with its status: {@code alive} or {@code dead}; {@code self} marks the node answering. */
    public record NodeStatus(ClusterNode node, String status, boolean self) {
    }

    private final ClusterNodes nodes;
    private final String selfId;
    private final Duration deadAfter;
    private final Clock clock;
    private volatile ClusterNode self;

    public NodeRegistry(ClusterNodes nodes, String selfId, Duration deadAfter, Clock clock) {
        this.nodes = nodes;
        this.selfId = selfId;
        this.deadAfter = deadAfter;
        this.clock = clock;
    }

    /** Records this node (its id must be the registry's); its URL is known once the server listens. */
    public void register(ClusterNode node) {
        if (!node.id().equals(selfId)) {
            throw new IllegalArgumentException("this registry is node " + selfId + "'s, not " + node.id() + "'s");
        }
        self = node;
        nodes.register(node.withHeartbeat(clock.instant()));
        LOG.log(System.Logger.Level.INFO, "node {0} registered at {1}", node.id(), node.url());
    }

    /** Renews this node's heartbeat, registering it again when its record is gone; nothing before {@link #register}. */
    public void heartbeat() {
        ClusterNode node = self;
        if (node != null && !nodes.heartbeat(selfId, clock.instant())) {
            register(node);
        }
    }

    public void deregister() {
        if (self != null) {
            nodes.deregister(selfId);
        }
    }

    /** Every registered node with its status, this node included. */
    public List<NodeStatus> statuses() {
        var now = clock.instant();
        return nodes.list().stream()
                .map(n -> new NodeStatus(n, n.alive(now, deadAfter) ? "alive" : "dead", n.id().equals(selfId)))
                .toList();
    }
}
