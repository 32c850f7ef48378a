package io.grapholap.application.instance;

import io.grapholap.application.mapping.MappingDependencies.InstanceLeaf;
import io.grapholap.application.snapshot.SnapshotDependants;
import io.grapholap.domain.instance.Instance;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The instances of snapshots, from the instance store: for snapshot delete and the mapping tree. */
public final class InstanceSnapshotDependants implements SnapshotDependants {

    private final InstanceRepository instances;

    public InstanceSnapshotDependants(InstanceRepository instances) {
        this.instances = instances;
    }

    @Override
    public long liveInstances(long snapshotId) {
        return instances.ofSnapshots(List.of(snapshotId)).stream().filter(i -> i.status().live()).count();
    }

    @Override
    public Map<Long, List<InstanceLeaf>> instances(Collection<Long> snapshotIds) {
        return instances.ofSnapshots(snapshotIds).stream().collect(Collectors.groupingBy(Instance::snapshotId,
                LinkedHashMap::new, Collectors.mapping(i -> new InstanceLeaf(i.id(), i.name(), i.status().wire(), i.engine(),
                        i.createdAt()), Collectors.toList())));
    }
}
