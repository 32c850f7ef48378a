package io.grapholap.application.snapshot;

import io.grapholap.application.common.FileTrees;
import io.grapholap.application.graph.snapshot.SnapshotKeys;
import io.grapholap.application.graph.snapshot.SnapshotStore;
import io.grapholap.domain.error.SnapshotCorruptException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * The snapshot store in a local (or mounted) directory: {@code {root}/{key}}. The writer's atomic
 * rename publishes a snapshot, so {@link #publish} has nothing left to do and {@link #localCopy} is the
 * directory itself; engines check the files against the manifest when they load it.
 */
public final class DirectorySnapshotStore implements SnapshotStore {

    /** The file whose presence makes a snapshot directory published (written last by the writer). */
    public static final String MANIFEST = "manifest.json";

    private final Path root;

    public DirectorySnapshotStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    @Override
    public Path staging(String key) {
        return resolve(key);
    }

    @Override
    public void publish(String key) {
        if (!Files.isRegularFile(resolve(key).resolve(MANIFEST))) {
            throw new SnapshotCorruptException(MANIFEST, "missing in " + resolve(key) + " (the writer did not finish)");
        }
    }

    @Override
    public Path localCopy(String key) {
        Path dir = resolve(key);
        if (!Files.isRegularFile(dir.resolve(MANIFEST))) {
            throw new SnapshotCorruptException(MANIFEST, "missing in " + dir + " (not a snapshot, or not finished)");
        }
        return dir;
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(resolve(key).resolve(MANIFEST));
    }

    @Override
    public List<String> list(String prefix) {
        Path dir = prefix.isEmpty() ? root : resolve(prefix);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    @Override
    public Instant modifiedAt(String key) {
        Path dir = resolve(key);
        if (!Files.exists(dir)) {
            return null;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            Instant newest = Instant.EPOCH;
            for (Path p : files.toList()) {
                Instant t = Files.getLastModifiedTime(p).toInstant();
                newest = t.isAfter(newest) ? t : newest;
            }
            return newest;
        } catch (NoSuchFileException e) {
            // removed while walked: someone is changing it right now, so it is young
            return Instant.now();
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof NoSuchFileException) {
                return Instant.now();
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
    }

    @Override
    public void delete(String key) {
        Path dir = resolve(key);
        try {
            Files.deleteIfExists(dir.resolve(MANIFEST));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir.resolve(MANIFEST), e);
        }
        FileTrees.delete(dir);
        removeTemporaries(dir);
    }

    @Override
    public String location() {
        return root.toString();
    }

    /** Removes the temporary directories writers left beside {@code dir} ({@code .<name>.tmp-*}). */
    static void removeTemporaries(Path dir) {
        Path parent = dir.getParent();
        if (!Files.isDirectory(parent)) {
            return;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(parent, "." + dir.getFileName() + ".tmp-*")) {
            for (Path temp : dirs) {
                FileTrees.delete(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + parent, e);
        }
    }

    private Path resolve(String key) {
        SnapshotKeys.check(key);
        return root.resolve(key);
    }
}
