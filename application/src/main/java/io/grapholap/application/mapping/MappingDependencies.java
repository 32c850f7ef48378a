package io.grapholap.application.mapping;

import io.grapholap.domain.mapping.MappingId;
import java.time.Instant;
import java.util.List;

/**
 * Out-port: what was made from a mapping (snapshots, and instances of those snapshots). Deleting a
 * mapping is refused while it has snapshots; the tree route shows them under their version.
 */
public interface MappingDependencies {

    long snapshotCount(MappingId mapping);

    /**
     * The snapshots of a mapping, optionally only those in {@code status} (null for all), each with
     * its instances when {@code includeInstances}.
     */
    List<SnapshotBranch> snapshots(MappingId mapping, String status, boolean includeInstances);

    record SnapshotBranch(long id, int mappingVersion, String name, String status, Instant createdAt,
                          List<InstanceLeaf> instances) {
        public SnapshotBranch {
            instances = List.copyOf(instances);
        }
    }

    record InstanceLeaf(long id, String name, String status, String engine, Instant createdAt) {
    }

    /** Until snapshots exist: nothing depends on any mapping. */
    MappingDependencies NONE = new MappingDependencies() {
        @Override
        public long snapshotCount(MappingId mapping) {
            return 0;
        }

        @Override
        public List<SnapshotBranch> snapshots(MappingId mapping, String status, boolean includeInstances) {
            return List.of();
        }
    };
}
