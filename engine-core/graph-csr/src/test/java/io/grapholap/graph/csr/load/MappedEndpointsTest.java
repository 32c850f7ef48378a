package io.grapholap.graph.csr.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grapholap.application.graph.CancellationToken;
import io.grapholap.application.graph.LoadOptions;
import io.grapholap.application.graph.ProgressListener;
import io.grapholap.application.graph.ValueType;
import io.grapholap.application.graph.snapshot.ColumnSpec;
import io.grapholap.application.graph.snapshot.SnapshotSource;
import io.grapholap.application.graph.snapshot.SnapshotWriter;
import io.grapholap.application.graph.snapshot.TableWriter;
import io.grapholap.domain.error.SnapshotCorruptException;
import io.grapholap.graph.csr.CsrGraph;
import io.grapholap.snapshot.arrow.ArrowSnapshotWriterFactory;
import io.grapholap.snapshot.arrow.ArrowTypes;
import io.grapholap.snapshot.arrow.SnapshotManifest;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.message.ArrowBlock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-place reading of plain edge files, checked against the Arrow path and against damaged files. */
class MappedEndpointsTest {

    private static final String EDGES = "edges-0.arrow";

    @TempDir
    Path tmp;

    private BufferAllocator allocator;

    @BeforeEach
    void setUp() {
        allocator = new RootAllocator();
    }

    @AfterEach
    void tearDown() {
        allocator.close();
    }

    private CsrGraph load(Path dir) {
        return new CsrLoader(allocator, ProgressListener.NONE, CancellationToken.create())
                .load(dir, LoadOptions.defaults().withParallelism(2).withVerifyChecksums(false));
    }

    /**
     * Vertices with keys {@code keys} and edges {@code i → (i*5+1) mod n} for i in 0..29, in batches of
     * 4 rows; with {@code property} every edge also carries an INT32 column, which sends the file
     * through Arrow.
     */
    private Path write(String name, ValueType keyType, long[] keys, boolean property) {
        Path dir = tmp.resolve(name);
        var writers = new ArrowSnapshotWriterFactory(allocator, 4, Clock.systemUTC());
        try (SnapshotWriter w = writers.create(dir, SnapshotSource.dataset(name))) {
            try (TableWriter t = w.beginNodes("v", ColumnSpec.of("id", keyType), List.of())) {
                for (long k : keys) {
                    t.append(key(keyType, k));
                }
            }
            List<ColumnSpec> props = property ? List.of(ColumnSpec.of("p", ValueType.INT32)) : List.of();
            try (TableWriter t = w.beginEdges("e", "v", "v", ColumnSpec.of("s", keyType), ColumnSpec.of("d", keyType), props)) {
                for (int i = 0; i < 30; i++) {
                    Object s = key(keyType, keys[i % keys.length]);
                    Object d = key(keyType, keys[(i * 5 + 1) % keys.length]);
                    if (property) {
                        t.append(s, d, i);
                    } else {
                        t.append(s, d);
                    }
                }
            }
            w.finish();
        }
        return dir;
    }

    private static Object key(ValueType type, long k) {
        return type == ValueType.INT32 ? (Object) (int) k : (Object) k;
    }

    private MappedEndpoints map(Path dir, List<ArrowBlock> blocks, Arena arena) {
        SnapshotManifest.EdgeTable table = SnapshotManifest.read(dir).edges().getFirst();
        return MappedEndpoints.map(dir, table, blocks, arena);
    }

    private List<ArrowBlock> blocks(Path dir) throws IOException {
        try (ArrowFileReader reader = new ArrowFileReader(FileChannel.open(dir.resolve(EDGES)), allocator)) {
            return List.copyOf(reader.getRecordBlocks());
        }
    }

    @Test
    void plainIntegerFilesReadInPlaceGiveTheGraphArrowGives() throws IOException {
        long[] identity = {0, 1, 2, 3, 4, 5, 6};
        long[] sparse = {70, 10, 60, 20, 50, 30, 40};
        for (ValueType type : List.of(ValueType.INT64, ValueType.INT32)) {
            for (long[] keys : List.of(identity, sparse)) {
                Path plain = write("plain-" + type + keys[0], type, keys, false);
                Path viaArrow = write("arrow-" + type + keys[0], type, keys, true);
                assertThat(MappedEndpoints.eligible(SnapshotManifest.read(plain).edges().getFirst())).isTrue();
                assertThat(MappedEndpoints.eligible(SnapshotManifest.read(viaArrow).edges().getFirst())).isFalse();
                try (Arena arena = Arena.ofConfined()) {
                    MappedEndpoints mapped = map(plain, blocks(plain), arena);
                    assertThat(mapped).isNotNull();
                    // 30 rows in batches of 4
                    assertThat(mapped.rows(0)).isEqualTo(4);
                    assertThat(mapped.rows(7)).isEqualTo(2);
                    assertThat(mapped.fromWidth()).isEqualTo(type == ValueType.INT64 ? 8 : 4);
                }
                CsrGraph a = load(plain);
                CsrGraph b = load(viaArrow);
                assertThat(a.outOffsets()).isEqualTo(b.outOffsets());
                assertThat(a.outTargets()).isEqualTo(b.outTargets());
                assertThat(a.inOffsets()).isEqualTo(b.inOffsets());
                assertThat(a.inSources()).isEqualTo(b.inSources());
                assertThat(a.arcCount()).isEqualTo(30);
                // edge 0 is keys[0] → keys[1], and arcs of a vertex keep file order (edges 0, 7, 14, 21, 28)
                int v = a.vertexId(key(type, keys[0]));
                assertThat(a.outStart(v)).isZero();
                assertThat(a.outTargets()[0]).isEqualTo(a.vertexId(key(type, keys[1])));
                assertThat(a.outTargets()[1]).isEqualTo(a.vertexId(key(type, keys[(7 * 5 + 1) % 7])));
            }
        }
    }

    @Test
    void stringKeysAreNotReadInPlace() {
        var key = new SnapshotManifest.ColumnMeta("s", ValueType.STRING, 0);
        var table = new SnapshotManifest.EdgeTable("e", "v", "v", new SnapshotManifest.FileMeta(EDGES, 1, 1, "00"), key, key,
                List.of());
        assertThat(MappedEndpoints.eligible(table)).isFalse();
    }

    @Test
    void unknownKeyReadInPlaceNamesFileRowAndKey() {
        Path dir = write("unknown", ValueType.INT64, new long[] {0, 1, 2, 3, 4, 5, 6, 7}, false);
        // 8 vertices but the node table is told it has 7 keys: key 7 is then unknown
        Path dangling = write("dangling", ValueType.INT64, new long[] {0, 1, 2, 3, 4, 5, 6}, false);
        try {
            Files.copy(dir.resolve(EDGES), dangling.resolve(EDGES), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            setEdgeFileBytes(dangling, Files.size(dangling.resolve(EDGES)));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        // edge 7 (7 → 4) is row 3 of record batch 1
        assertThatThrownBy(() -> load(dangling)).isInstanceOfSatisfying(SnapshotCorruptException.class,
                e -> assertThat(e.file()).isEqualTo(EDGES)).hasMessageContaining("row 3 of record batch 1: s 7 is not a vertex");
    }

    @Test
    void damagedBatchMetadataNamesTheFile() throws IOException {
        Path dir = write("damaged", ValueType.INT64, new long[] {0, 1, 2, 3, 4, 5, 6}, false);
        ArrowBlock second = blocks(dir).get(1);
        try (FileChannel ch = FileChannel.open(dir.resolve(EDGES), StandardOpenOption.WRITE)) {
            ByteBuffer junk = ByteBuffer.allocate(second.getMetadataLength() - 8);
            while (junk.hasRemaining()) {
                junk.put((byte) 0x7d);
            }
            ch.write(junk.flip(), second.getOffset() + 8);
        }
        List<ArrowBlock> blocks = blocks(dir);
        try (Arena arena = Arena.ofConfined()) {
            assertThatThrownBy(() -> map(dir, blocks, arena)).isInstanceOfSatisfying(SnapshotCorruptException.class,
                    e -> assertThat(e.file()).isEqualTo(EDGES)).hasMessageContaining("record batch 1");
        }
        assertThatThrownBy(() -> load(dir)).isInstanceOfSatisfying(SnapshotCorruptException.class,
                e -> assertThat(e.file()).isEqualTo(EDGES)).hasMessageContaining("corrupt");
    }

    @Test
    void blockRunningPastTheEndOfTheFileNamesTheFile() throws IOException {
        Path dir = write("past-end", ValueType.INT64, new long[] {0, 1, 2, 3, 4, 5, 6}, false);
        long size = Files.size(dir.resolve(EDGES));
        ArrowBlock last = blocks(dir).getLast();
        List<ArrowBlock> blocks = List.of(new ArrowBlock(last.getOffset(), last.getMetadataLength(), size));
        try (Arena arena = Arena.ofConfined()) {
            assertThatThrownBy(() -> map(dir, blocks, arena)).isInstanceOfSatisfying(SnapshotCorruptException.class,
                    e -> assertThat(e.file()).isEqualTo(EDGES)).hasMessageContaining("runs past the end of the file");
        }
    }

    @Test
    void nullKeyFallsBackToArrowWhichReportsIt() throws IOException {
        Path dir = write("nulls", ValueType.INT64, new long[] {0, 1, 2}, false);
        Path file = dir.resolve(EDGES);
        Files.delete(file);
        try (VectorSchemaRoot root = VectorSchemaRoot.create(new org.apache.arrow.vector.types.pojo.Schema(List.of(
                org.apache.arrow.vector.types.pojo.Field.nullable("s", ArrowTypes.arrowType(ValueType.INT64)),
                org.apache.arrow.vector.types.pojo.Field.nullable("d", ArrowTypes.arrowType(ValueType.INT64)))), allocator);
             FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             ArrowFileWriter writer = new ArrowFileWriter(root, null, ch)) {
            BigIntVector s = (BigIntVector) root.getVector(0);
            BigIntVector d = (BigIntVector) root.getVector(1);
            writer.start();
            for (int batch = 0; batch < 2; batch++) {
                root.allocateNew();
                for (int i = 0; i < 15; i++) {
                    s.set(i, i % 3);
                    if (batch == 1 && i == 2) {
                        d.setNull(i);
                    } else {
                        d.set(i, (i + 1) % 3);
                    }
                }
                root.setRowCount(15);
                writer.writeBatch();
            }
            writer.end();
        }
        setEdgeFileBytes(dir, Files.size(file));
        try (Arena arena = Arena.ofConfined()) {
            assertThat(map(dir, blocks(dir), arena)).isNull();
        }
        assertThatThrownBy(() -> load(dir)).isInstanceOfSatisfying(SnapshotCorruptException.class,
                e -> assertThat(e.file()).isEqualTo(EDGES)).hasMessageContaining("edge row 17 has a null d");
    }

    /** Points the manifest at an edge file of {@code bytes} bytes (checksums are not verified here). */
    private static void setEdgeFileBytes(Path dir, long bytes) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Path manifest = dir.resolve(SnapshotManifest.FILE_NAME);
        ObjectNode root = (ObjectNode) json.readTree(manifest.toFile());
        ((ObjectNode) root.withArray("edges").get(0)).put("bytes", bytes);
        json.writeValue(manifest.toFile(), root);
    }
}
