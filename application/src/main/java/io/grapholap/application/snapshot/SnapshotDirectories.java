package io.grapholap.application.snapshot;

import io.grapholap.application.graph.snapshot.SnapshotStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Where exported snapshots live: key {@code {id}} in the snapshot store. A writer publishes into
 * {@link #staging}, then {@link #publish} makes the snapshot visible in the store; engines load from
 * {@link #localCopy}.
 */
public final class SnapshotDirectories {

    private final SnapshotStore store;

    /** Snapshots in the local directory {@code root} ({@code {root}/{id}}). */
    public SnapshotDirectories(Path root) {
        this(new DirectorySnapshotStore(root));
    }

    public SnapshotDirectories(SnapshotStore store) {
        this.store = store;
    }

    public SnapshotStore store() {
        return store;
    }

    /** The node-local directory the export of {@code id} publishes into before {@link #publish}. */
    public Path staging(long id) {
        return store.staging(Long.toString(id));
    }

    /** Makes the snapshot a writer finished at {@link #staging} visible in the store. */
    public void publish(long id) {
        store.publish(Long.toString(id));
    }

    /** A node-local, verified directory of the published snapshot {@code id}. */
    public Path localCopy(long id) {
        return store.localCopy(Long.toString(id));
    }

    /** A node-local directory with at least the manifest of the published snapshot {@code id}, for estimates. */
    public Path manifestOnly(long id) {
        return store.manifestOnly(Long.toString(id));
    }

    public boolean exists(long id) {
        return store.exists(Long.toString(id));
    }

    /** The snapshot ids that have anything in the store, published or not (other names are ignored). */
    public List<Long> ids() {
        return store.list("").stream().filter(n -> n.matches("[0-9]{1,18}")).map(Long::parseLong).toList();
    }

    /** When the files of {@code id} last changed, or null when there are none. */
    public Instant modifiedAt(long id) {
        return store.modifiedAt(Long.toString(id));
    }

    /** Removes published and temporary files of {@code id}. */
    public void removeAll(long id) {
        store.delete(Long.toString(id));
    }
}
