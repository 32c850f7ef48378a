package io.grapholap.application.snapshot;

import io.grapholap.application.mapping.MappingDependencies;
import io.grapholap.domain.mapping.MappingId;
import java.util.List;

/** What depends on a mapping: its snapshots (instances come with the instance store). */
public final class SnapshotMappingDependencies implements MappingDependencies {

    private final SnapshotRepository snapshots;

    public SnapshotMappingDependencies(SnapshotRepository snapshots) {
        this.snapshots = snapshots;
    }

    @Override
    public long snapshotCount(MappingId mapping) {
        return snapshots.countOfMapping(mapping.value());
    }

    @Override
    public List<SnapshotBranch> snapshots(MappingId mapping, String status, boolean includeInstances) {
        return snapshots.ofMapping(mapping.value()).stream()
                .filter(s -> status == null || s.status().wire().equalsIgnoreCase(status))
                .map(s -> new SnapshotBranch(s.id(), s.mappingVersion(), s.name(), s.status().wire(), s.createdAt(), List.of()))
                .toList();
    }
}
