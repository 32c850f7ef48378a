package io.grapholap.application.dataset;

import io.grapholap.application.common.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where uploaded dataset versions live: {@code {root}/{dataset id}/{directory}}, each a snapshot
 * directory published atomically by the snapshot writer (its temporary directory sits beside it).
 * Directory names are {@code v<version>-<random>}, unique per upload.
 */
public final class DatasetDirectories {

    private final Path root;

    public DatasetDirectories(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path of(long datasetId, String directory) {
        return root.resolve(Long.toString(datasetId)).resolve(directory);
    }

    /** A fresh directory name for {@code version}. */
    public static String newName(int version) {
        return "v" + version + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    }

    /** Removes one upload's files (an upload that lost the race to publish). */
    public void remove(long datasetId, String directory) {
        FileTrees.delete(of(datasetId, directory));
    }

    /** Removes every version of the dataset, and what unfinished writers left. */
    public void removeAll(long datasetId) {
        FileTrees.delete(root.resolve(Long.toString(datasetId)));
    }

    /** The dataset ids that have a directory under the root (other names are ignored). */
    public List<Long> datasetIds() {
        return children(root).stream().filter(n -> n.matches("[0-9]{1,18}")).map(Long::parseLong).toList();
    }

    /** The names in a dataset's directory: published versions, and what unfinished writers left. */
    public List<String> entries(long datasetId) {
        return children(root.resolve(Long.toString(datasetId)));
    }

    private static List<String> children(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
