package io.grapholap.application.graph.snapshot;

import java.nio.file.Path;
import java.util.List;

/**
 * Where published snapshots (exports and uploaded dataset versions) are kept: a local directory, or
 * an object store shared by several servers (out-port; implementations in {@code application} for a
 * directory and in {@code engine-core/snapshot-s3} for S3). A snapshot is named by a key of one or
 * more plain segments joined by {@code /} (a snapshot id, or a dataset id and version directory).
 *
 * <p>Writers always write to a node-local directory ({@link #staging}); {@link #publish} makes that
 * directory visible in the store, with the manifest last, so a snapshot without its manifest is never
 * visible. Engines load from {@link #localCopy}, a node-local directory checked against the manifest
 * (sizes and SHA-256 of every file). All methods are safe to call from several threads.
 */
public interface SnapshotStore {

    /**
     * The node-local directory a {@link SnapshotWriter} publishes {@code key} into (it must not exist
     * yet); its writer's temporary directories sit beside it as {@code .<name>.tmp-*}.
     */
    Path staging(String key);

    /**
     * Makes the snapshot that a writer finished at {@link #staging}{@code (key)} visible in the
     * store: every data file first, then the manifest. For a directory store the writer's rename has
     * already done it and nothing remains to do.
     *
     * @throws io.grapholap.domain.error.SnapshotCorruptException when a file listed in the manifest
     *                                                            cannot be read
     */
    void publish(String key);

    /**
     * A node-local directory holding the snapshot {@code key}, ready to load: for an object store, a
     * cached copy downloaded into a temporary directory, checked against the manifest and renamed into
     * place, and reused while the store's manifest is unchanged.
     *
     * @throws io.grapholap.domain.error.SnapshotCorruptException naming the file when the manifest or a
     *                                                            file it lists is missing, or a file's
     *                                                            size or SHA-256 disagrees with it
     */
    Path localCopy(String key);

    /**
     * A node-local directory holding at least the manifest of the published snapshot {@code key}:
     * what a memory estimate reads. An object store fetches only the manifest (or reuses a local
     * copy that is current), so that an estimate never waits for the data files; by default, the
     * {@link #localCopy}.
     *
     * @throws io.grapholap.domain.error.SnapshotCorruptException when the manifest is missing
     */
    default Path manifestOnly(String key) {
        return localCopy(key);
    }

    /** Whether {@code key} is published (its manifest is in the store). */
    boolean exists(String key);

    /**
     * The names directly under {@code prefix} ({@code ""} for the top) that hold anything: published
     * snapshots, half-published ones, and groups of them; sorted.
     */
    List<String> list(String prefix);

    /**
     * When anything under {@code key} last changed (the newest of its files or objects), or null when
     * nothing is there; reconciliation leaves young leftovers alone, as an export may still own them.
     */
    java.time.Instant modifiedAt(String key);

    /**
     * Removes {@code key} and everything under it (a snapshot, or a whole group such as every version
     * of a dataset), with its node-local copies and its writers' temporary directories: the manifest
     * first, so a half-deleted snapshot is not visible. Removing what does not exist does nothing.
     */
    void delete(String key);

    /** Where this store keeps snapshots, for logs and messages (a directory or an {@code s3://} URL). */
    String location();
}
