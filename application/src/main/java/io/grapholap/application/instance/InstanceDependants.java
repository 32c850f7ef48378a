package io.grapholap.application.instance;

import io.grapholap.application.dataset.DatasetDependants;
import io.grapholap.application.mapping.MappingDependencies.InstanceLeaf;
import io.grapholap.application.snapshot.SnapshotDependants;
import io.grapholap.domain.instance.Instance;
import io.grapholap.domain.instance.InstanceStatus;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The instances made from snapshots and uploaded datasets, from the instance store: for snapshot and
 * dataset delete and the mapping tree. Live instances are few (the concurrency limits bound them),
 * so a dataset's are filtered here rather than by a query of their own.
 */
public final class InstanceDependants implements SnapshotDependants, DatasetDependants {

    private final InstanceRepository instances;

    public InstanceDependants(InstanceRepository instances) {
        this.instances = instances;
    }

    @Override
    public long liveInstances(long snapshotId) {
        return instances.ofSnapshots(List.of(snapshotId)).stream().filter(i -> i.status().live()).count();
    }

    @Override
    public long liveInstances(String datasetName) {
        return instances.withStatus(InstanceStatus.LIVE).stream().filter(i -> datasetName.equals(i.datasetId())).count();
    }

    @Override
    public Set<String> liveDataDirectories() {
        return instances.withStatus(InstanceStatus.LIVE).stream().map(Instance::dataDirectory)
                .filter(Objects::nonNull).collect(Collectors.toSet());
    }

    @Override
    public Map<Long, List<InstanceLeaf>> instances(Collection<Long> snapshotIds) {
        return instances.ofSnapshots(snapshotIds).stream().collect(Collectors.groupingBy(Instance::snapshotId,
                LinkedHashMap::new, Collectors.mapping(i -> new InstanceLeaf(i.id(), i.name(), i.status().wire(), i.engine(),
                        i.createdAt()), Collectors.toList())));
    }
}
