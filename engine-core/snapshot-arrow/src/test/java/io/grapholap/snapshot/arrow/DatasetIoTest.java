package io.grapholap.snapshot.arrow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapholap.application.dataset.UploadedTable;
import io.grapholap.application.graph.ValueType;
import io.grapholap.application.graph.snapshot.ColumnSpec;
import io.grapholap.application.graph.snapshot.SnapshotSource;
import io.grapholap.application.graph.snapshot.SnapshotWriter;
import io.grapholap.application.graph.snapshot.StoredGraph;
import io.grapholap.application.graph.snapshot.TableWriter;
import io.grapholap.domain.error.SnapshotCorruptException;
import io.grapholap.domain.error.ValidationException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.UInt4Vector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a snapshot back for copy-on-write, and decoding uploaded Arrow IPC streams; no allocator leaks. */
class DatasetIoTest {

    private final BufferAllocator allocator = new RootAllocator();

    @TempDir
    Path tmp;

    @AfterEach
    void noLeaks() {
        assertThat(allocator.getAllocatedMemory()).isZero();
        allocator.close();
    }

    private Path writeSample() {
        Path dir = tmp.resolve("v1");
        try (SnapshotWriter w = new ArrowSnapshotWriterFactory(allocator, 2, Clock.systemUTC()).create(dir, SnapshotSource.dataset("d"))) {
            try (TableWriter t = w.beginNodes("P", ColumnSpec.of("id", ValueType.STRING), List.of(ColumnSpec.of("n", ValueType.INT64),
                    ColumnSpec.of("on", ValueType.DATE), ColumnSpec.of("u", ValueType.UUID), ColumnSpec.of("f", ValueType.FLOAT),
                    ColumnSpec.of("b", ValueType.BOOL), ColumnSpec.of("at", ValueType.TIMESTAMP)))) {
                t.append("a", 1L, 3, new UUID(1, 2), 1.5f, true, 7L);
                t.append("b", null, null, null, null, null, null);
                t.append("c", 3L, 4, null, 2f, false, 8L);
            }
            try (TableWriter t = w.beginEdges("K", "P", "P", ColumnSpec.of("s", ValueType.STRING), ColumnSpec.of("t", ValueType.STRING),
                    List.of(ColumnSpec.of("w", ValueType.DOUBLE), ColumnSpec.of("i", ValueType.INT32)))) {
                t.append("a", "b", 0.5, 9);
            }
            w.finish();
        }
        return dir;
    }

    @Test
    void readsEveryTableBackInWriterForm() {
        StoredGraph g = new ArrowSnapshotReader(allocator).read(writeSample(), 100);
        StoredGraph.Nodes p = g.nodes().getFirst();
        assertThat(p.key()).isEqualTo(ColumnSpec.of("id", ValueType.STRING));
        assertThat(p.rows()).hasSize(3);
        assertThat(p.rows().get(0)).containsExactly("a", 1L, 3, new UUID(1, 2), 1.5f, true, 7L);
        assertThat(Arrays.asList(p.rows().get(1))).containsExactly("b", null, null, null, null, null, null);
        assertThat(p.rows().get(2)[0]).as("across record batches").isEqualTo("c");
        StoredGraph.Edges k = g.edges().getFirst();
        assertThat(List.of(k.type(), k.fromLabel(), k.toLabel())).containsExactly("K", "P", "P");
        assertThat(k.rows().getFirst()).containsExactly("a", "b", 0.5, 9);
    }

    @Test
    void refusesTooManyRowsAndFilesThatDisagreeWithTheManifest() throws Exception {
        Path dir = writeSample();
        assertThatThrownBy(() -> new ArrowSnapshotReader(allocator).read(dir, 3)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("more than the 3");
        Path file = dir.resolve("nodes-0.arrow");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);
        assertThatThrownBy(() -> new ArrowSnapshotReader(allocator).read(dir, 100)).isInstanceOf(SnapshotCorruptException.class)
                .hasMessageContaining("checksum");
    }

    @Test
    void decodesArrowStreamsAndRefusesWhatIsNotOne() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BigIntVector id = new BigIntVector("id", allocator); Float8Vector w = new Float8Vector("w", allocator)) {
            id.setSafe(0, 5);
            id.setSafe(1, 6);
            w.setSafe(0, 0.25);
            w.setNull(1);
            id.setValueCount(2);
            w.setValueCount(2);
            try (VectorSchemaRoot root = new VectorSchemaRoot(List.of(id.getField(), w.getField()), List.of(id, w), 2);
                 ArrowStreamWriter writer = new ArrowStreamWriter(root, null, out)) {
                writer.start();
                writer.writeBatch();
                writer.writeBatch();
                writer.end();
            }
        }
        ArrowStreamTables decoder = new ArrowStreamTables(allocator);
        UploadedTable t = decoder.decode(new ByteArrayInputStream(out.toByteArray()), 10);
        assertThat(t.columns()).containsExactly(ColumnSpec.of("id", ValueType.INT64), ColumnSpec.of("w", ValueType.DOUBLE));
        assertThat(t.rows()).hasSize(4);
        assertThat(Arrays.asList(t.rows().get(1))).containsExactly(6L, null);
        assertThatThrownBy(() -> decoder.decode(new ByteArrayInputStream(out.toByteArray()), 3))
                .hasMessageContaining("at most 3 rows");
        assertThatThrownBy(() -> decoder.decode(new ByteArrayInputStream("nope".getBytes(StandardCharsets.UTF_8)), 3))
                .isInstanceOf(ValidationException.class).extracting(e -> ((ValidationException) e).field()).isEqualTo("body");

        ByteArrayOutputStream unsigned = new ByteArrayOutputStream();
        try (UInt4Vector u = new UInt4Vector("u", FieldType.nullable(new ArrowType.Int(32, false)), allocator)) {
            u.setSafe(0, 1);
            u.setValueCount(1);
            try (VectorSchemaRoot root = new VectorSchemaRoot(List.of(u.getField()), List.of(u), 1);
                 ArrowStreamWriter writer = new ArrowStreamWriter(root, null, unsigned)) {
                writer.start();
                writer.writeBatch();
                writer.end();
            }
        }
        assertThatThrownBy(() -> decoder.decode(new ByteArrayInputStream(unsigned.toByteArray()), 3))
                .isInstanceOf(ValidationException.class).extracting(e -> ((ValidationException) e).field()).isEqualTo("u");
    }

    /** A stream's declared lengths are held to its size: nothing it claims beyond that is allocated, and nothing leaks. */
    @Test
    void refusesForgedLengthsWithoutAllocatingWhatTheyClaim() throws Exception {
        ArrowStreamTables decoder = new ArrowStreamTables(allocator);
        byte[] bomb = new byte[68];
        Arrays.fill(bomb, 0, 4, (byte) 0xff);
        Arrays.fill(bomb, 4, 68, (byte) 0x7f);
        assertThatThrownBy(() -> decoder.decode(new ByteArrayInputStream(bomb), 10)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("2139062143 bytes where 60 bytes of the body remain");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BigIntVector id = new BigIntVector("id", allocator)) {
            for (int i = 0; i < 100; i++) {
                id.setSafe(i, i);
            }
            id.setValueCount(100);
            try (VectorSchemaRoot root = new VectorSchemaRoot(List.of(id.getField()), List.of(id), 100);
                 ArrowStreamWriter writer = new ArrowStreamWriter(root, null, out)) {
                writer.start();
                writer.writeBatch();
                writer.end();
            }
        }
        byte[] whole = out.toByteArray();
        byte[] truncated = Arrays.copyOf(whole, whole.length - 20);
        assertThatThrownBy(() -> decoder.decode(new ByteArrayInputStream(truncated), 1000)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("message body");
        assertThat(allocator.getPeakMemoryAllocation()).as("Arrow memory ever held").isLessThan(64 * 1024);

        List<BigIntVector> columns = new java.util.ArrayList<>();
        for (int c = 0; c <= UploadedTable.MAX_COLUMNS; c++) {
            columns.add(new BigIntVector("c" + c, allocator));
        }
        ByteArrayOutputStream wide = new ByteArrayOutputStream();
        try (VectorSchemaRoot root = new VectorSchemaRoot(columns.stream().map(BigIntVector::getField).toList(),
                List.<org.apache.arrow.vector.FieldVector>copyOf(columns), 0);
             ArrowStreamWriter writer = new ArrowStreamWriter(root, null, wide)) {
            writer.start();
            writer.end();
        }
        assertThatThrownBy(() -> decoder.decode(new ByteArrayInputStream(wide.toByteArray()), 10))
                .isInstanceOf(ValidationException.class).hasMessageContaining("1001 columns");
    }
}
