package io.grapholap.application.instance;

import io.grapholap.application.ops.InstanceCensus;
import io.grapholap.domain.instance.InstanceStatus;
import java.util.EnumSet;
import io.grapholap.domain.instance.Instance;
import java.util.Map;
import java.util.TreeMap;

/**
 * The instance counts of the ops views, from the instance store and (for graphs held) this server's
 * registry; an instance without an engine is one placed on this node (or not placed) that it neither
 * holds nor loads.
 */
public final class InstanceCensusView implements InstanceCensus {

    private final InstanceRepository instances;
    private final InstanceRegistry registry;
    private final InstancePlacement placement;

    public InstanceCensusView(InstanceRepository instances, InstanceRegistry registry, InstancePlacement placement) {
        this.instances = instances;
        this.registry = registry;
        this.placement = placement;
    }

    @Override
    public long withoutEngine() {
        return instances.withStatus(EnumSet.of(InstanceStatus.STARTING, InstanceStatus.RUNNING)).stream()
                .filter(i -> i.nodeId() == null || placement.mine(i))
                .filter(i -> registry.running(i.id()).isEmpty() && registry.load(i.id()).isEmpty())
                .count();
    }

    @Override
    public Map<String, NodeLoad> liveByNode() {
        Map<String, NodeLoad> byNode = new TreeMap<>();
        for (Instance i : instances.withStatus(InstanceStatus.LIVE)) {
            if (i.nodeId() != null) {
                byNode.merge(i.nodeId(), new NodeLoad(1, i.memoryBytes()),
                        (a, b) -> new NodeLoad(a.instances() + b.instances(), a.memoryBytes() + b.memoryBytes()));
            }
        }
        return byNode;
    }

    @Override
    public Map<String, Long> countByStatus() {
        return instances.countByStatus();
    }

    @Override
    public Map<String, Long> liveCountByOwner() {
        return instances.liveCountByOwner();
    }
}
