package io.grapholap.application.instance;

import io.grapholap.application.ops.InstanceCensus;
import java.util.Map;

/** The instance counts of the ops views, straight from the instance store. */
public final class InstanceCensusView implements InstanceCensus {

    private final InstanceRepository instances;

    public InstanceCensusView(InstanceRepository instances) {
        this.instances = instances;
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
