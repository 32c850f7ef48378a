package io.grapholap.application.snapshot;

import io.grapholap.application.mapping.MappingDependencies;
import io.grapholap.domain.mapping.MappingId;
import io.grapholap.domain.snapshot.Snapshot;
import java.util.List;
import java.util.Map;

/** What depends on a mapping: its snapshots, each with the instances made from it. */
public final class SnapshotMappingDependencies implements MappingDependencies {

    private final SnapshotRepository snapshots;
    private final SnapshotDependants dependants;

    public SnapshotMappingDependencies(SnapshotRepository snapshots) {
        this(snapshots, SnapshotDependants.NONE);
    }

    public SnapshotMappingDependencies(SnapshotRepository snapshots, SnapshotDependants dependants) {
        this.snapshots = snapshots;
        this.dependants = dependants;
    }

    @Override
    public long snapshotCount(MappingId mapping) {
        return snapshots.countOfMapping(mapping.value());
    }

    @Override
    public List<SnapshotBranch> snapshots(MappingId mapping, String status, boolean includeInstances) {
        List<Snapshot> found = snapshots.ofMapping(mapping.value()).stream()
                .filter(s -> status == null || s.status().wire().equalsIgnoreCase(status))
                .toList();
        Map<Long, List<InstanceLeaf>> instances = includeInstances
                ? dependants.instances(found.stream().map(Snapshot::id).toList()) : Map.of();
        return found.stream()
                .map(s -> new SnapshotBranch(s.id(), s.mappingVersion(), s.name(), s.status().wire(), s.createdAt(),
                        instances.getOrDefault(s.id(), List.of())))
                .toList();
    }
}
