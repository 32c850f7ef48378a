package io.grapholap.application.instance;

import io.grapholap.application.security.Actor;
import io.grapholap.application.snapshot.SnapshotDirectories;
import io.grapholap.application.snapshot.SnapshotRepository;
import io.grapholap.application.snapshot.SnapshotUseCases;
import io.grapholap.domain.snapshot.Snapshot;
import java.nio.file.Path;
import java.util.Optional;

/** Instance sources over the snapshot store: snapshots are created through {@link SnapshotUseCases}. */
public final class SnapshotInstanceSources implements InstanceSources {

    private final SnapshotUseCases useCases;
    private final SnapshotRepository snapshots;
    private final SnapshotDirectories directories;

    public SnapshotInstanceSources(SnapshotUseCases useCases, SnapshotRepository snapshots, SnapshotDirectories directories) {
        this.useCases = useCases;
        this.snapshots = snapshots;
        this.directories = directories;
    }

    @Override
    public Optional<Snapshot> snapshot(long snapshotId) {
        return snapshots.find(snapshotId);
    }

    @Override
    public Snapshot createSnapshot(Actor actor, long mappingId, Integer version, String name) {
        return useCases.create(actor, new SnapshotUseCases.CreateRequest(mappingId, name, null, version, null, null));
    }

    @Override
    public Path directory(long snapshotId) {
        return directories.localCopy(snapshotId);
    }

    @Override
    public Path manifestDirectory(long snapshotId) {
        return directories.manifestOnly(snapshotId);
    }
}
