package io.grapholap.engine.spark.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.FloatingPointVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.message.ArrowBlock;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.TaskCompletionListener;
import scala.Tuple2;

/**
 * A snapshot as the executors read it: its directory (a path every worker sees) and what the server
 * read from its manifest, one line a file in the spec file the server writes ({@code snapshot},
 * {@code node} and {@code edge} lines, tab-separated). Node files are numbered as the server numbers
 * them: labels in manifest order, rows in file order, dense id = the label's start + row. Edge files
 * are read by record batch in the tasks, their endpoint keys mapped to dense ids by two joins with
 * the node keys. The tasks never throw for bad data: they report what they found and the driver
 * compares, so a bad file fails the load with an {@link InvalidInput} naming it.
 */
final class Snapshot implements Serializable {

    record DataFile(String file, long rows, long bytes, String sha256, int start, int fromLabel, int toLabel)
            implements Serializable {
    }

    /** An endpoint key: the label's index and the key, canonical ({@link #key}). */
    record Key(int label, Object value) implements Serializable {
    }

    final String dir;
    final boolean directed;
    final boolean verify;
    final int vertices;
    final List<DataFile> nodes;
    final List<DataFile> edges;

    private Snapshot(String dir, boolean directed, boolean verify, int vertices, List<DataFile> nodes,
                     List<DataFile> edges) {
        this.dir = dir;
        this.directed = directed;
        this.verify = verify;
        this.vertices = vertices;
        this.nodes = nodes;
        this.edges = edges;
    }

    /**
     * Reads a spec file: {@code snapshot <dir> <directed> <verify> <vertices>}, then per node table
     * {@code node <file> <rows> <bytes> <sha256> <start>} and per edge table
     * {@code edge <file> <rows> <bytes> <sha256> <fromLabelIndex> <toLabelIndex>}, in manifest order.
     */
    static Snapshot read(Path spec) throws IOException {
        String dir = null;
        boolean directed = false;
        boolean verify = false;
        int vertices = 0;
        List<DataFile> nodes = new ArrayList<>();
        List<DataFile> edges = new ArrayList<>();
        for (String line : Files.readAllLines(spec)) {
            String[] p = line.split("\t");
            switch (p[0]) {
                case "snapshot" -> {
                    dir = p[1];
                    directed = Boolean.parseBoolean(p[2]);
                    verify = Boolean.parseBoolean(p[3]);
                    vertices = Integer.parseInt(p[4]);
                }
                case "node" -> nodes.add(new DataFile(p[1], Long.parseLong(p[2]), Long.parseLong(p[3]), p[4],
                        Integer.parseInt(p[5]), -1, -1));
                case "edge" -> edges.add(new DataFile(p[1], Long.parseLong(p[2]), Long.parseLong(p[3]), p[4], 0,
                        Integer.parseInt(p[5]), Integer.parseInt(p[6])));
                default -> throw new IllegalArgumentException("unknown line in " + spec + ": " + p[0]);
            }
        }
        if (dir == null) {
            throw new IllegalArgumentException(spec + " names no snapshot directory");
        }
        return new Snapshot(dir, directed, verify, vertices, List.copyOf(nodes), List.copyOf(edges));
    }

    /**
     * Checks every edge file in a task of its own: its size, its SHA-256 (when asked) and its rows
     * against the manifest, and that its key columns hold no null. The node files are the server's to
     * check: it reads their keys (and so their rows, nulls and duplicates) before the driver loads.
     */
    void verifyEdges(JavaSparkContext sc) {
        if (edges.isEmpty()) {
            return;
        }
        String root = dir;
        boolean checksums = verify;
        List<String[]> found = sc.parallelize(edges, edges.size()).map(f -> inspect(root, f, checksums)).collect();
        for (int i = 0; i < edges.size(); i++) {
            DataFile f = edges.get(i);
            String[] r = found.get(i);
            long bytes = r[1] == null ? -1 : Long.parseLong(r[1]);
            if (bytes >= 0 && bytes != f.bytes()) {
                throw InvalidInput.snapshot(f.file(), "is " + bytes + " bytes, the manifest says " + f.bytes()
                        + (bytes < f.bytes() ? " (truncated)" : ""));
            }
            if (r[0] != null) {
                throw InvalidInput.snapshot(f.file(), r[0]);
            }
            if (checksums && !r[2].equalsIgnoreCase(f.sha256())) {
                throw InvalidInput.snapshot(f.file(), "checksum mismatch: SHA-256 is " + r[2] + ", the manifest says "
                        + f.sha256());
            }
            long rows = Long.parseLong(r[3]);
            if (rows != f.rows()) {
                throw InvalidInput.snapshot(f.file(), "holds " + rows + " rows, the manifest says " + f.rows());
            }
            if (r[4] != null) {
                throw InvalidInput.snapshot(f.file(), r[4]);
            }
        }
    }

    /** {problem, bytes, sha256, rows, null key}: what a task found in one edge file. */
    private static String[] inspect(String dir, DataFile f, boolean checksums) {
        Path path = Path.of(dir, f.file());
        String[] r = new String[5];
        try {
            r[1] = Long.toString(Files.size(path));
            r[2] = checksums ? sha256(path) : "";
            long rows = 0;
            try (BufferAllocator allocator = new RootAllocator();
                 ArrowFileReader reader = new ArrowFileReader(FileChannel.open(path, StandardOpenOption.READ), allocator)) {
                for (ArrowBlock block : reader.getRecordBlocks()) {
                    reader.loadRecordBatch(block);
                    VectorSchemaRoot batch = reader.getVectorSchemaRoot();
                    for (int c = 0; c < 2 && r[4] == null; c++) {
                        if (batch.getVector(c).getNullCount() > 0) {
                            r[4] = "has a null " + batch.getVector(c).getName() + " near row " + rows;
                        }
                    }
                    rows += batch.getRowCount();
                }
            }
            r[3] = Long.toString(rows);
        } catch (NoSuchFileException e) {
            r[0] = "is missing (listed in the manifest)";
        } catch (IOException | RuntimeException e) {
            r[0] = "is not a valid Arrow IPC file: " + e.getMessage();
        }
        return r;
    }

    private static String sha256(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 20];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** Every vertex's key with its dense id, one task per node file, read a record batch at a time. */
    JavaPairRDD<Key, Integer> nodeKeys(JavaSparkContext sc) {
        List<Integer> labels = new ArrayList<>();
        for (int l = 0; l < nodes.size(); l++) {
            labels.add(l);
        }
        String root = dir;
        List<DataFile> files = nodes;
        return sc.parallelize(labels, Math.max(1, labels.size())).flatMapToPair(l -> new NodeKeys(root, files.get(l), l));
    }

    /**
     * The keys of one node file with their dense ids, batch by batch: only the current record batch is
     * held; the file is closed at its end, or when the task completes.
     */
    private static final class NodeKeys implements Iterator<Tuple2<Key, Integer>>, AutoCloseable {
        private final int label;
        private final BufferAllocator allocator;
        private final ArrowFileReader reader;
        private final List<ArrowBlock> blocks;
        private int nextBlock;
        private FieldVector keys;
        private int rows;
        private int row;
        private int id;
        private boolean closed;

        NodeKeys(String dir, DataFile file, int label) throws IOException {
            this.label = label;
            this.id = file.start();
            this.allocator = new RootAllocator();
            this.reader = new ArrowFileReader(FileChannel.open(Path.of(dir, file.file()), StandardOpenOption.READ),
                    allocator);
            this.blocks = reader.getRecordBlocks();
            TaskContext task = TaskContext.get();
            if (task != null) {
                task.addTaskCompletionListener((TaskCompletionListener) ctx -> close());
            }
        }

        @Override
        public boolean hasNext() {
            while (row == rows) {
                if (closed || nextBlock == blocks.size()) {
                    close();
                    return false;
                }
                VectorSchemaRoot batch;
                try {
                    reader.loadRecordBatch(blocks.get(nextBlock++));
                    batch = reader.getVectorSchemaRoot();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                keys = batch.getVector(0);
                rows = batch.getRowCount();
                row = 0;
            }
            return true;
        }

        @Override
        public Tuple2<Key, Integer> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return new Tuple2<>(new Key(label, key(keys, row++)), id++);
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                reader.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                allocator.close();
            }
        }
    }

    /**
     * The arcs with dense endpoints, each edge once ({@code (from, (to, weight))}) with the weight of
     * column {@code weightColumns[table]} of its file ({@code -1}: 1.0; a null: 1.0), the tasks reading
     * the edge files a record batch each. An endpoint key that is not a vertex of its label fails with
     * the file named.
     */
    JavaPairRDD<Integer, Tuple2<Integer, Double>> edges(JavaSparkContext sc, int[] weightColumns, int partitions,
                                                       Runnable checkCancelled) {
        List<int[]> units = new ArrayList<>();
        for (int t = 0; t < edges.size(); t++) {
            int blocks = blockCount(edges.get(t).file());
            for (int b = 0; b < blocks; b++) {
                units.add(new int[] {t, b});
            }
        }
        String root = dir;
        List<DataFile> files = edges;
        int[] weights = weightColumns.clone();
        JavaRDD<int[]> work = sc.parallelize(units, Math.max(1, Math.min(units.size(), 4 * partitions)));
        // (from key) -> (table, to key, weight)
        JavaPairRDD<Key, Tuple2<Tuple2<Integer, Key>, Double>> raw = work.flatMapToPair(u -> {
            DataFile f = files.get(u[0]);
            List<Tuple2<Key, Tuple2<Tuple2<Integer, Key>, Double>>> out = new ArrayList<>();
            forEachBatch(root, f.file(), u[1], batch -> {
                FieldVector from = batch.getVector(0);
                FieldVector to = batch.getVector(1);
                FieldVector w = weights[u[0]] < 0 ? null : batch.getVector(weights[u[0]]);
                for (int i = 0; i < batch.getRowCount(); i++) {
                    double weight = w == null || w.isNull(i) ? 1.0 : ((Number) w.getObject(i)).doubleValue();
                    out.add(new Tuple2<>(new Key(f.fromLabel(), key(from, i)),
                            new Tuple2<>(new Tuple2<>(u[0], new Key(f.toLabel(), key(to, i))), weight)));
                }
            });
            return out.iterator();
        }).persist(StorageLevel.MEMORY_AND_DISK());
        JavaPairRDD<Key, Integer> keys = nodeKeys(sc).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            checkCancelled.run();
            // (to key) -> ((table, from id), weight)
            JavaPairRDD<Key, Tuple2<Tuple2<Integer, Integer>, Double>> half = raw.join(keys, partitions).mapToPair(t ->
                    new Tuple2<>(t._2._1._1._2, new Tuple2<>(new Tuple2<>(t._2._1._1._1, t._2._2), t._2._1._2)));
            JavaPairRDD<Integer, Tuple2<Integer, Double>> arcs = half.join(keys, partitions).mapToPair(t ->
                    new Tuple2<>(t._2._1._1._2, new Tuple2<>(t._2._2, t._2._1._2))).persist(StorageLevel.MEMORY_AND_DISK());
            long expected = 0;
            for (DataFile f : edges) {
                expected += f.rows();
            }
            checkCancelled.run();
            long resolved = arcs.count();
            if (resolved != expected) {
                arcs.unpersist(false);
                throw unknownEndpoint(raw, keys);
            }
            return arcs;
        } finally {
            raw.unpersist(false);
            keys.unpersist(false);
        }
    }

    /** The first edge whose source or target key is not a vertex, named by its file and key. */
    private InvalidInput unknownEndpoint(JavaPairRDD<Key, Tuple2<Tuple2<Integer, Key>, Double>> raw,
                                         JavaPairRDD<Key, Integer> keys) {
        List<Tuple2<Key, Tuple2<Tuple2<Integer, Key>, Double>>> from = raw.subtractByKey(keys).take(1);
        if (!from.isEmpty()) {
            return InvalidInput.snapshot(edges.get(from.getFirst()._2._1._1).file(), "edge source key "
                    + from.getFirst()._1.value() + " is not a vertex of its label");
        }
        List<Tuple2<Key, Integer>> to = raw.mapToPair(t -> new Tuple2<>(t._2._1._2, t._2._1._1)).subtractByKey(keys)
                .take(1);
        String file = to.isEmpty() ? edges.getFirst().file() : edges.get(to.getFirst()._2).file();
        return InvalidInput.snapshot(file, "edge target key " + (to.isEmpty() ? "?" : to.getFirst()._1.value())
                + " is not a vertex of its label");
    }

    /** Weight columns for {@link #edges}: none (every weight 1.0). */
    int[] unweighted() {
        int[] none = new int[edges.size()];
        java.util.Arrays.fill(none, -1);
        return none;
    }

    /** Every vertex's key as a long (keys of integer-backed types only), for cdlp's initial labels. */
    JavaPairRDD<Integer, Long> numericKeys(JavaSparkContext sc) {
        return nodeKeys(sc).mapToPair(t -> {
            if (!(t._1.value() instanceof Long key)) {
                throw new IllegalStateException("vertex key " + t._1.value() + " is not an integer");
            }
            return new Tuple2<>(t._2, key);
        });
    }

    private int blockCount(String file) {
        try (BufferAllocator allocator = new RootAllocator();
             ArrowFileReader reader = new ArrowFileReader(FileChannel.open(Path.of(dir, file), StandardOpenOption.READ),
                     allocator)) {
            return reader.getRecordBlocks().size();
        } catch (IOException e) {
            throw InvalidInput.snapshot(file, "cannot be read: " + e.getMessage());
        }
    }

    private interface BatchBody {
        void accept(VectorSchemaRoot batch);
    }

    /** Reads record batch {@code block} of {@code file} ({@code null}: every batch in order) into {@code body}. */
    private static void forEachBatch(String dir, String file, Integer block, BatchBody body) {
        try (BufferAllocator allocator = new RootAllocator();
             ArrowFileReader reader = new ArrowFileReader(FileChannel.open(Path.of(dir, file), StandardOpenOption.READ),
                     allocator)) {
            List<ArrowBlock> blocks = reader.getRecordBlocks();
            for (ArrowBlock b : block == null ? blocks : List.of(blocks.get(block))) {
                reader.loadRecordBatch(b);
                body.accept(reader.getVectorSchemaRoot());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * A key as the joins compare it: integer-backed columns (any width, dates and timestamps too) as a
     * {@link Long} of the stored value, fixed-size binary (UUIDs) as hex, anything else as its text.
     */
    static Object key(FieldVector v, int row) {
        if (v instanceof BaseFixedWidthVector f && !(v instanceof FloatingPointVector)
                && !(v instanceof FixedSizeBinaryVector)) {
            var data = f.getDataBuffer();
            switch (f.getTypeWidth()) {
                case 8 -> {
                    return data.getLong(8L * row);
                }
                case 4 -> {
                    return (long) data.getInt(4L * row);
                }
                case 2 -> {
                    return (long) data.getShort(2L * row);
                }
                case 1 -> {
                    return (long) data.getByte(row);
                }
                default -> {
                }
            }
        }
        Object o = v.getObject(row);
        return o instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : String.valueOf(o);
    }
}
