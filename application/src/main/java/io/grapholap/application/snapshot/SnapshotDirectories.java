package io.grapholap.application.snapshot;

import io.grapholap.application.common.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where snapshot files live: {@code {root}/{id}} for a published snapshot; a writer's temporary
 * directory sits beside it as {@code .{id}.tmp-*} until it is published or discarded.
 */
public final class SnapshotDirectories {

    private final Path root;

    public SnapshotDirectories(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    public Path of(long id) {
        return root.resolve(Long.toString(id));
    }

    /** Removes the published directory of {@code id}, if any. */
    public void removePublished(long id) {
        FileTrees.delete(of(id));
    }

    /** Removes every temporary directory a writer left for {@code id} (a crashed or cancelled export). */
    public void removeTemporary(long id) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, "." + id + ".tmp-*")) {
            for (Path dir : dirs) {
                FileTrees.delete(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }

    /** Removes published and temporary files of {@code id}. */
    public void removeAll(long id) {
        removeTemporary(id);
        removePublished(id);
    }
}
