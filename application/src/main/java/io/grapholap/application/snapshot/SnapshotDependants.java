package io.grapholap.application.snapshot;

import io.grapholap.application.mapping.MappingDependencies.InstanceLeaf;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Out-port: the instances made from snapshots. A snapshot that a live instance uses cannot be
 * deleted; the mapping tree lists every instance under its snapshot.
 */
public interface SnapshotDependants {

    /** Live instances (waiting, starting, running, stopping) made from {@code snapshotId}. */
    long liveInstances(long snapshotId);

    /** The instances of each of {@code snapshotIds}, newest first; snapshots without any are absent. */
    Map<Long, List<InstanceLeaf>> instances(Collection<Long> snapshotIds);

    /** Until instances exist: nothing depends on any snapshot. */
    SnapshotDependants NONE = new SnapshotDependants() {
        @Override
        public long liveInstances(long snapshotId) {
            return 0;
        }

        @Override
        public Map<Long, List<InstanceLeaf>> instances(Collection<Long> snapshotIds) {
            return Map.of();
        }
    };
}
