package io.grapholap.application.instance;

import io.grapholap.application.ops.InstanceCensus;
import io.grapholap.domain.instance.InstanceStatus;
import java.util.EnumSet;
import java.util.Map;

/** The instance counts of the ops views, from the instance store and (for graphs held) this server's registry. */
public final class InstanceCensusView implements InstanceCensus {

    private final InstanceRepository instances;
    private final InstanceRegistry registry;

    public InstanceCensusView(InstanceRepository instances, InstanceRegistry registry) {
        this.instances = instances;
        this.registry = registry;
    }

    @Override
    public long withoutEngine() {
        return instances.withStatus(EnumSet.of(InstanceStatus.STARTING, InstanceStatus.RUNNING)).stream()
                .filter(i -> registry.running(i.id()).isEmpty() && registry.load(i.id()).isEmpty())
                .count();
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
