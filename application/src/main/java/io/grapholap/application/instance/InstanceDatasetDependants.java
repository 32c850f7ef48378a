package io.grapholap.application.instance;

import io.grapholap.application.dataset.DatasetDependants;
import io.grapholap.domain.instance.InstanceStatus;

/**
 * The live instances of a dataset, from the instance store. Live instances are few (the
 * concurrency limits bound them), so they are filtered here rather than by a query of their own.
 */
public final class InstanceDatasetDependants implements DatasetDependants {

    private final InstanceRepository instances;

    public InstanceDatasetDependants(InstanceRepository instances) {
        this.instances = instances;
    }

    @Override
    public long liveInstances(String datasetName) {
        return instances.withStatus(InstanceStatus.LIVE).stream().filter(i -> datasetName.equals(i.datasetId())).count();
    }
}
