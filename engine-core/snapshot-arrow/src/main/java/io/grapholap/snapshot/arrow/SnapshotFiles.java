package io.grapholap.snapshot.arrow;

import io.grapholap.application.graph.CancellationToken;
import io.grapholap.domain.error.SnapshotCorruptException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Checks the data files of a snapshot against its manifest and opens them: presence, size,
 * SHA-256 and Arrow schema. Every disagreement is a {@link SnapshotCorruptException} naming the file.
 */
public final class SnapshotFiles {

    private SnapshotFiles() {
    }

    /**
     * Checks that every file exists with the size the manifest records and, when {@code checksums},
     * that its SHA-256 matches; files are hashed in parallel on {@code pool}.
     */
    public static void verify(Path dir, SnapshotManifest manifest, boolean checksums, ForkJoinPool pool,
                              CancellationToken cancel) {
        List<SnapshotManifest.FileMeta> files = new ArrayList<>();
        manifest.nodes().forEach(n -> files.add(n.file()));
        manifest.edges().forEach(e -> files.add(e.file()));
        for (SnapshotManifest.FileMeta f : files) {
            checkSize(dir, f);
        }
        if (!checksums) {
            return;
        }
        List<ForkJoinTask<?>> tasks = new ArrayList<>();
        for (SnapshotManifest.FileMeta f : files) {
            Runnable check = () -> checkDigest(dir, f, cancel);
            tasks.add(pool == null ? ForkJoinTask.adapt(check) : pool.submit(check));
        }
        RuntimeException failure = null;
        for (ForkJoinTask<?> t : tasks) {
            try {
                if (pool == null) {
                    t.invoke();
                } else {
                    t.join();
                }
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static void checkSize(Path dir, SnapshotManifest.FileMeta f) {
        long size;
        try {
            size = Files.size(dir.resolve(f.file()));
        } catch (NoSuchFileException e) {
            throw new SnapshotCorruptException(f.file(), "is missing (listed in the manifest)");
        } catch (IOException e) {
            throw new SnapshotCorruptException(f.file(), "cannot be read: " + e.getMessage(), Map.of(), e);
        }
        if (size != f.bytes()) {
            throw new SnapshotCorruptException(f.file(), "is " + size + " bytes, the manifest says " + f.bytes()
                    + (size < f.bytes() ? " (truncated)" : ""), Map.of("actual_bytes", size, "expected_bytes", f.bytes()),
                    null);
        }
    }

    private static void checkDigest(Path dir, SnapshotManifest.FileMeta f, CancellationToken cancel) {
        String actual = sha256(dir.resolve(f.file()), f.file(), cancel);
        if (!actual.equalsIgnoreCase(f.sha256())) {
            throw new SnapshotCorruptException(f.file(), "checksum mismatch: SHA-256 is " + actual + ", the manifest says "
                    + f.sha256(), Map.of("actual_sha256", actual, "expected_sha256", f.sha256()), null);
        }
    }

    public static String sha256(Path path, String name, CancellationToken cancel) {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
            while (ch.read(buffer) >= 0) {
                buffer.flip();
                digest.update(buffer);
                buffer.clear();
                cancel.throwIfCancelled("snapshot verification");
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new SnapshotCorruptException(name, "cannot be read: " + e.getMessage(), Map.of(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /**
     * Opens an Arrow IPC file and checks that its columns are {@code expected} in order (names and
     * types). The caller closes the reader (which closes the channel).
     */
    public static ArrowFileReader open(Path dir, String file, List<SnapshotManifest.ColumnMeta> expected,
                                BufferAllocator allocator) {
        FileChannel ch = null;
        ArrowFileReader reader = null;
        try {
            ch = FileChannel.open(dir.resolve(file), StandardOpenOption.READ);
            reader = new ArrowFileReader(ch, allocator);
            Schema schema = reader.getVectorSchemaRoot().getSchema();
            checkSchema(file, schema, expected);
            reader.getRecordBlocks();
            return reader;
        } catch (SnapshotCorruptException e) {
            closeQuietly(reader, ch);
            throw e;
        } catch (NoSuchFileException e) {
            closeQuietly(reader, ch);
            throw new SnapshotCorruptException(file, "is missing (listed in the manifest)");
        } catch (IOException | RuntimeException e) {
            closeQuietly(reader, ch);
            throw new SnapshotCorruptException(file, "is not a valid Arrow IPC file: " + e.getMessage(), Map.of(), e);
        }
    }

    private static void checkSchema(String file, Schema schema, List<SnapshotManifest.ColumnMeta> expected) {
        List<Field> fields = schema.getFields();
        if (fields.size() != expected.size()) {
            throw new SnapshotCorruptException(file, "schema has " + fields.size() + " columns " + names(fields)
                    + ", the manifest lists " + expected.size() + " " + expected.stream().map(SnapshotManifest.ColumnMeta::name).toList());
        }
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            SnapshotManifest.ColumnMeta c = expected.get(i);
            ArrowType want = ArrowTypes.arrowType(c.type());
            if (!f.getName().equals(c.name()) || !f.getType().equals(want)) {
                throw new SnapshotCorruptException(file, "schema disagrees with the manifest at column " + i + ": file has "
                        + f.getName() + " " + f.getType() + ", manifest says " + c.name() + " " + c.type() + " (" + want + ")");
            }
        }
    }

    private static List<String> names(List<Field> fields) {
        return fields.stream().map(Field::getName).toList();
    }

    private static void closeQuietly(ArrowFileReader reader, FileChannel ch) {
        try {
            if (reader != null) {
                reader.close();
            } else if (ch != null) {
                ch.close();
            }
        } catch (IOException | RuntimeException ignored) {
            // already failing with a clearer error
        }
    }
}
