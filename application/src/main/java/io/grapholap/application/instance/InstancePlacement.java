package io.grapholap.application.instance;

import io.grapholap.application.cluster.NodeRegistry;
import io.grapholap.domain.error.ConflictException;
import io.grapholap.domain.instance.Instance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which server node an instance goes to, and where a placed instance is served. A new instance goes
 * to a live node that has its engine and room for it: that node's instance memory budget minus the
 * memory estimates of the live instances placed on it. The node that received the request is
 * preferred when it has room; otherwise the live node with the most room left takes it. A node
 * {@link #alone alone} on its metadata database (embedded H2) is the only candidate and counts every
 * live instance against its budget, as a single server always did.
 */
public final class InstancePlacement {

    private final String selfId;
    private final long selfBudget;
    private final Set<String> selfEngines;
    private final NodeRegistry nodes;

    private InstancePlacement(String selfId, long selfBudget, Set<String> selfEngines, NodeRegistry nodes) {
        this.selfId = Objects.requireNonNull(selfId);
        this.selfBudget = selfBudget;
        this.selfEngines = Set.copyOf(selfEngines);
        this.nodes = nodes;
    }

    /** A node alone on its metadata database: every instance goes to it. */
    public static InstancePlacement alone(String selfId, long budget, Set<String> engines) {
        return new InstancePlacement(selfId, budget, engines, null);
    }

    /** A node sharing its metadata database with the nodes of {@code nodes}. */
    public static InstancePlacement shared(NodeRegistry nodes, String selfId, long budget, Set<String> engines) {
        return new InstancePlacement(selfId, budget, engines, Objects.requireNonNull(nodes));
    }

    /** This node's id. */
    public String selfId() {
        return selfId;
    }

    /** Whether {@code instance} is placed on this node (always, for a node alone). */
    public boolean mine(Instance instance) {
        return nodes == null || selfId.equals(instance.nodeId());
    }

    /** Whether this node is alone on its metadata database. */
    public boolean isAlone() {
        return nodes == null;
    }

    /**
     * The base URL of the node {@code instance} is placed on when that is another registered node;
     * empty for this node, an unplaced instance, or a node no longer registered.
     */
    public Optional<String> remoteUrl(Instance instance) {
        if (mine(instance) || instance.nodeId() == null) {
            return Optional.empty();
        }
        return nodes.statuses().stream().filter(s -> s.node().id().equals(instance.nodeId()))
                .map(s -> s.node().url()).findFirst();
    }

    /** Whether {@code nodeId} is a registered node whose heartbeat is recent (this node always is). */
    public boolean alive(String nodeId) {
        return nodes == null || selfId.equals(nodeId)
                || nodes.statuses().stream().anyMatch(s -> s.node().id().equals(nodeId) && s.status().equals("alive"));
    }

    /**
     * The nodes an instance's owner is not alive on: ids of registered nodes whose heartbeat is older
     * than the dead-after, with their last heartbeat; empty for a node alone.
     */
    public Map<String, String> deadNodes() {
        Map<String, String> dead = new LinkedHashMap<>();
        if (nodes != null) {
            for (NodeRegistry.NodeStatus s : nodes.statuses()) {
                if (!s.self() && s.status().equals("dead")) {
                    dead.put(s.node().id(), s.node().heartbeatAt().toString());
                }
            }
        }
        return dead;
    }

    /**
     * The node a new instance of {@code engine} needing {@code needed} bytes goes to, given the live
     * instances; 409 {@code MEMORY_LIMIT_EXCEEDED} naming the need and each node's room when none fits.
     * With {@code thisNodeOnly} (an instance whose files only this node has) no other node is a candidate.
     */
    public String choose(String engine, long needed, List<Instance> live, boolean thisNodeOnly) {
        if (nodes == null) {
            long held = live.stream().mapToLong(Instance::memoryBytes).sum();
            if (needed > Math.max(0, selfBudget - held)) {
                throw tooBig(needed, held, null);
            }
            return selfId;
        }
        Map<String, Long> held = new LinkedHashMap<>();
        for (Instance i : live) {
            if (i.nodeId() != null) {
                held.merge(i.nodeId(), i.memoryBytes(), Long::sum);
            }
        }
        List<Map<String, Object>> room = new ArrayList<>();
        String best = null;
        long bestAvailable = -1;
        boolean selfSeen = false;
        List<NodeRegistry.NodeStatus> statuses = new ArrayList<>(nodes.statuses());
        for (NodeRegistry.NodeStatus s : statuses) {
            selfSeen |= s.self();
        }
        List<Candidate> candidates = new ArrayList<>();
        if (!selfSeen) {
            candidates.add(new Candidate(selfId, selfBudget, selfEngines.contains(engine)));
        }
        for (NodeRegistry.NodeStatus s : statuses) {
            if (s.self() || (!thisNodeOnly && s.status().equals("alive"))) {
                candidates.add(new Candidate(s.node().id(), s.self() ? selfBudget : s.node().memoryBudget(),
                        s.self() ? selfEngines.contains(engine) : s.node().engines().contains(engine)));
            }
        }
        for (Candidate c : candidates) {
            long available = Math.max(0, c.budget() - held.getOrDefault(c.id(), 0L));
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("node_id", c.id());
            r.put("has_engine", c.hasEngine());
            r.put("available_bytes", available);
            r.put("budget_bytes", c.budget());
            room.add(r);
            if (!c.hasEngine() || needed > available) {
                continue;
            }
            if (c.id().equals(selfId)) {
                return selfId;
            }
            if (available > bestAvailable) {
                best = c.id();
                bestAvailable = available;
            }
        }
        if (best != null) {
            return best;
        }
        throw tooBig(needed, held.getOrDefault(selfId, 0L), candidates.size() > 1 ? room : null);
    }

    /**
     * 409 {@code MEMORY_LIMIT_EXCEEDED}: the need and this node's budget, what its live instances
     * hold and what is left; with other candidate nodes, each node's room in {@code nodes}.
     */
    private ConflictException tooBig(long needed, long held, List<Map<String, Object>> room) {
        long available = Math.max(0, selfBudget - held);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("needed_bytes", needed);
        details.put("available_bytes", available);
        details.put("budget_bytes", selfBudget);
        details.put("held_by_live_instances_bytes", held);
        if (room == null) {
            return new ConflictException("MEMORY_LIMIT_EXCEEDED", "loading needs " + needed + " bytes but only " + available
                    + " of the " + selfBudget + "-byte instance memory budget are free", details);
        }
        details.put("nodes", room);
        return new ConflictException("MEMORY_LIMIT_EXCEEDED", "loading needs " + needed + " bytes of instance memory but no"
                + " live node with the engine has that much free: this node has " + available + " of its " + selfBudget
                + "-byte budget (details.nodes: every node)", details);
    }

    private record Candidate(String id, long budget, boolean hasEngine) {
    }
}
