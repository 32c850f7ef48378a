package io.grapholap.snapshot.arrow;

import io.grapholap.application.graph.snapshot.ColumnSpec;
import io.grapholap.application.graph.snapshot.SnapshotSource;
import io.grapholap.application.graph.snapshot.SnapshotSummary;
import io.grapholap.application.graph.snapshot.SnapshotWriter;
import io.grapholap.application.graph.snapshot.TableWriter;
import io.grapholap.domain.error.ConflictException;
import io.grapholap.domain.error.ValidationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Writes a snapshot into a hidden temporary directory beside the target ({@code .<name>.tmp-<uuid>})
 * and publishes it in {@link #finish()}: manifest written and fsynced, directory fsynced, then one
 * atomic rename. A reader therefore sees either no directory or a complete snapshot.
 */
final class ArrowSnapshotWriter implements SnapshotWriter {

    private final BufferAllocator allocator;
    private final Path target;
    private final Path temp;
    private final SnapshotSource source;
    private final int batchRows;
    private final Clock clock;
    private final List<SnapshotManifest.NodeTable> nodes = new ArrayList<>();
    private final List<SnapshotManifest.EdgeTable> edges = new ArrayList<>();
    private ArrowTableWriter open;
    private boolean finished;
    private boolean closed;

    ArrowSnapshotWriter(BufferAllocator parent, Path target, SnapshotSource source, int batchRows, Clock clock) {
        this.target = target.toAbsolutePath().normalize();
        if (Files.exists(this.target)) {
            throw new ConflictException("CONFLICT", "snapshot directory " + this.target + " already exists",
                    Map.of("path", this.target.toString()));
        }
        this.source = source;
        this.batchRows = batchRows;
        this.clock = clock;
        this.temp = this.target.resolveSibling("." + this.target.getFileName() + ".tmp-" + UUID.randomUUID());
        try {
            Files.createDirectories(temp);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + temp, e);
        }
        this.allocator = parent.newChildAllocator("snapshot-writer-" + this.target.getFileName(), 0, Long.MAX_VALUE);
    }

    @Override
    public TableWriter beginNodes(String label, ColumnSpec key, List<ColumnSpec> properties) {
        checkName("label", label);
        checkReady();
        if (nodes.stream().anyMatch(n -> n.label().equals(label))) {
            throw new ValidationException("label", "label " + label + " was already written");
        }
        List<ColumnSpec> columns = new ArrayList<>();
        columns.add(key);
        columns.addAll(properties);
        String file = "nodes-" + nodes.size() + ".arrow";
        open = new ArrowTableWriter(allocator, temp.resolve(file), label, columns, 1, batchRows, w -> {
            nodes.add(new SnapshotManifest.NodeTable(label, fileMeta(w),
                    new SnapshotManifest.ColumnMeta(key.name(), key.type(), 0), w.keyIdentity(), metas(properties, w, 1)));
            open = null;
        });
        return open;
    }

    @Override
    public TableWriter beginEdges(String type, String fromLabel, String toLabel, ColumnSpec fromKey, ColumnSpec toKey,
                                  List<ColumnSpec> properties) {
        checkName("type", type);
        checkName("from_label", fromLabel);
        checkName("to_label", toLabel);
        checkReady();
        if (edges.stream().anyMatch(e -> e.type().equals(type))) {
            throw new ValidationException("type", "edge type " + type + " was already written");
        }
        List<ColumnSpec> columns = new ArrayList<>();
        columns.add(fromKey);
        columns.add(toKey);
        columns.addAll(properties);
        String file = "edges-" + edges.size() + ".arrow";
        open = new ArrowTableWriter(allocator, temp.resolve(file), type, columns, 2, batchRows, w -> {
            edges.add(new SnapshotManifest.EdgeTable(type, fromLabel, toLabel, fileMeta(w),
                    new SnapshotManifest.ColumnMeta(fromKey.name(), fromKey.type(), 0),
                    new SnapshotManifest.ColumnMeta(toKey.name(), toKey.type(), 0), metas(properties, w, 2)));
            open = null;
        });
        return open;
    }

    private static SnapshotManifest.FileMeta fileMeta(ArrowTableWriter.Written w) {
        return new SnapshotManifest.FileMeta(w.file(), w.rows(), w.bytes(), w.sha256());
    }

    private static List<SnapshotManifest.ColumnMeta> metas(List<ColumnSpec> properties, ArrowTableWriter.Written w,
                                                           int offset) {
        List<SnapshotManifest.ColumnMeta> list = new ArrayList<>();
        for (int i = 0; i < properties.size(); i++) {
            ColumnSpec p = properties.get(i);
            list.add(new SnapshotManifest.ColumnMeta(p.name(), p.type(), w.nullCounts()[offset + i]));
        }
        return list;
    }

    private static void checkName(String field, String name) {
        if (name == null || name.isBlank()) {
            throw new ValidationException(field, field + " must not be blank");
        }
    }

    private void checkReady() {
        if (closed || finished) {
            throw new IllegalStateException("snapshot writer for " + target + " is already " + (finished ? "finished" : "closed"));
        }
        if (open != null) {
            throw new IllegalStateException("close the table being written before beginning another");
        }
    }

    @Override
    public SnapshotSummary finish() {
        checkReady();
        for (SnapshotManifest.EdgeTable e : edges) {
            for (String label : List.of(e.fromLabel(), e.toLabel())) {
                if (nodes.stream().noneMatch(n -> n.label().equals(label))) {
                    throw new ValidationException("from_label", "edge type " + e.type() + " refers to label " + label
                            + ", which has no node table");
                }
            }
        }
        var manifest = new SnapshotManifest(SnapshotManifest.FORMAT_VERSION, source,
                clock.instant().truncatedTo(ChronoUnit.MILLIS), nodes, edges);
        try {
            Path manifestFile = temp.resolve(SnapshotManifest.FILE_NAME);
            try (FileChannel ch = FileChannel.open(manifestFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(manifest.toJson());
                while (buffer.hasRemaining()) {
                    ch.write(buffer);
                }
                ch.force(true);
            }
            fsyncDirectory(temp);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            fsyncDirectory(target.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish snapshot " + target, e);
        }
        finished = true;
        Map<String, Long> nodeCounts = new LinkedHashMap<>();
        nodes.forEach(n -> nodeCounts.put(n.label(), n.file().rows()));
        Map<String, Long> edgeCounts = new LinkedHashMap<>();
        edges.forEach(e -> edgeCounts.put(e.type(), e.file().rows()));
        return new SnapshotSummary(target, nodeCounts, edgeCounts, manifest.totalBytes());
    }

    private static void fsyncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // some file systems cannot open directories for fsync; the rename is still atomic there
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (open != null) {
            open.abandon();
            open = null;
        }
        allocator.close();
        if (!finished) {
            deleteRecursively(temp);
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

}
