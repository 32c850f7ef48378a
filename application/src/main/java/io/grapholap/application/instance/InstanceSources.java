package io.grapholap.application.instance;

import io.grapholap.application.security.Actor;
import io.grapholap.domain.snapshot.Snapshot;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Out-port: the snapshots instances load. {@link SnapshotInstanceSources} implements it over the
 * snapshot use cases; tests use a fake.
 */
public interface InstanceSources {

    /** The snapshot, or empty when it was deleted. */
    Optional<Snapshot> snapshot(long snapshotId);

    /**
     * Starts a snapshot export of {@code mappingId} at {@code version} (null: current), as
     * {@code actor} would through the snapshot route.
     *
     * @throws io.grapholap.domain.error.NotFoundException   when the mapping does not exist
     * @throws io.grapholap.domain.error.ValidationException when the version does not exist
     */
    Snapshot createSnapshot(Actor actor, long mappingId, Integer version, String name);

    /** The directory the engines load for a snapshot: a verified node-local copy (downloaded when need be). */
    Path directory(long snapshotId);

    /**
     * A directory with at least the snapshot's manifest, which memory estimates read: on the request
     * path this never waits for the data files. By default, {@link #directory}.
     */
    default Path manifestDirectory(long snapshotId) {
        return directory(snapshotId);
    }
}
