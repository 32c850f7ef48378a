package io.grapholap.application.snapshot;

import io.grapholap.application.favorite.ResourceNames;
import io.grapholap.domain.favorite.ResourceType;
import io.grapholap.domain.snapshot.Snapshot;
import java.util.Optional;

/** Snapshot names for favorites, read from the snapshot store. */
public final class SnapshotNames implements ResourceNames {

    private final SnapshotRepository snapshots;

    public SnapshotNames(SnapshotRepository snapshots) {
        this.snapshots = snapshots;
    }

    @Override
    public ResourceType type() {
        return ResourceType.SNAPSHOT;
    }

    @Override
    public Optional<String> nameOf(long id) {
        return snapshots.find(id).map(Snapshot::name);
    }
}
