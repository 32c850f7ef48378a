package io.grapholap.snapshot.s3;

import io.grapholap.application.graph.snapshot.SnapshotStore;
import io.grapholap.application.snapshot.DirectorySnapshotStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;

/** The store contract for a local (or shared, mounted) directory. */
class DirectorySnapshotStoreTest extends SnapshotStoreContractTest {

    @TempDir
    Path root;

    @Override
    protected SnapshotStore store() {
        return new DirectorySnapshotStore(root);
    }

    @Override
    protected SnapshotStore otherNode() {
        return new DirectorySnapshotStore(root);
    }

    @Override
    protected void replaceObject(String key, String file, byte[] bytes) throws Exception {
        Files.write(root.resolve(key).resolve(file), bytes);
    }

    @Override
    protected void removeObject(String key, String file) throws Exception {
        Files.delete(root.resolve(key).resolve(file));
    }

    @Override
    protected List<String> objects(String key) throws Exception {
        Path dir = root.resolve(key);
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }
}
