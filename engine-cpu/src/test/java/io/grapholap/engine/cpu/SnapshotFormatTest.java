package io.grapholap.engine.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapholap.application.graph.CancellationToken;
import io.grapholap.application.graph.LoadOptions;
import io.grapholap.application.graph.ProgressListener;
import io.grapholap.application.graph.ValueType;
import io.grapholap.application.graph.snapshot.ColumnSpec;
import io.grapholap.application.graph.snapshot.SnapshotSource;
import io.grapholap.application.graph.snapshot.SnapshotSummary;
import io.grapholap.application.graph.snapshot.SnapshotWriter;
import io.grapholap.application.graph.snapshot.TableWriter;
import io.grapholap.domain.error.ConflictException;
import io.grapholap.domain.error.SnapshotCorruptException;
import io.grapholap.graph.csr.CsrGraph;
import io.grapholap.graph.csr.VertexKeys;
import io.grapholap.graph.csr.load.CsrLoader;
import io.grapholap.graph.csr.load.MemoryModel;
import io.grapholap.snapshot.arrow.ArrowSnapshotWriterFactory;
import io.grapholap.snapshot.arrow.SnapshotFiles;
import io.grapholap.snapshot.arrow.SnapshotManifest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotFormatTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    @TempDir
    Path tmp;

    private BufferAllocator allocator;
    private ArrowSnapshotWriterFactory writers;

    @BeforeEach
    void setUp() {
        allocator = new RootAllocator();
        writers = new ArrowSnapshotWriterFactory(allocator, 2, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void tearDown() {
        allocator.close();
    }

    private CsrGraph load(Path dir, LoadOptions options) {
        return new CsrLoader(allocator, ProgressListener.NONE, CancellationToken.create()).load(dir, options);
    }

    private CsrGraph load(Path dir) {
        return load(dir, LoadOptions.defaults().withParallelism(2));
    }

    /** v(INT64 keys 5, 6, 7) with edges 5→6 (w 0.5), 6→7 (w 1.5). */
    private Path writeSmall(String name) {
        Path dir = tmp.resolve(name);
        try (SnapshotWriter w = writers.create(dir, SnapshotSource.mapping("map-9", 2))) {
            try (TableWriter t = w.beginNodes("v", ColumnSpec.of("id", ValueType.INT64), List.of())) {
                t.append(5L);
                t.append(6L);
                t.append(7L);
            }
            try (TableWriter t = w.beginEdges("e", "v", "v", ColumnSpec.of("src", ValueType.INT64),
                    ColumnSpec.of("dst", ValueType.INT64), List.of(ColumnSpec.of("w", ValueType.DOUBLE)))) {
                t.append(5L, 6L, 0.5);
                t.append(6L, 7L, 1.5);
            }
            w.finish();
        }
        return dir;
    }

    private static void editManifest(Path dir, String from, String to) throws IOException {
        Path manifest = dir.resolve(SnapshotManifest.FILE_NAME);
        String json = Files.readString(manifest, StandardCharsets.UTF_8);
        assertThat(json).contains(from);
        Files.writeString(manifest, json.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to)), StandardCharsets.UTF_8);
    }

    @Test
    void manifestRecordsSourceCountsTypesSizesAndChecksums() throws IOException {
        Path dir = writeSmall("small");
        SnapshotManifest m = SnapshotManifest.read(dir);

        assertThat(m.source()).isEqualTo(SnapshotSource.mapping("map-9", 2));
        assertThat(m.createdAt()).isEqualTo(NOW);
        assertThat(m.nodes()).singleElement().satisfies(n -> {
            assertThat(n.label()).isEqualTo("v");
            assertThat(n.file().rows()).isEqualTo(3);
            assertThat(n.key()).isEqualTo(new SnapshotManifest.ColumnMeta("id", ValueType.INT64, 0));
            assertThat(n.keyIdentity()).isFalse();
        });
        SnapshotManifest.EdgeTable e = m.edges().getFirst();
        assertThat(e.file().rows()).isEqualTo(2);
        assertThat(e.properties()).containsExactly(new SnapshotManifest.ColumnMeta("w", ValueType.DOUBLE, 0));
        Path file = dir.resolve(e.file().file());
        assertThat(e.file().bytes()).isEqualTo(Files.size(file));
        assertThat(e.file().sha256()).isEqualTo(SnapshotFiles.sha256(file, "x", CancellationToken.create()));
    }

    @Test
    void finishReportsTheSummaryAndRefusesAnExistingTarget() {
        Path dir = tmp.resolve("s");
        SnapshotSummary summary;
        try (SnapshotWriter w = writers.create(dir, SnapshotSource.dataset("d"))) {
            try (TableWriter t = w.beginNodes("v", ColumnSpec.of("id", ValueType.INT64), List.of())) {
                t.append(0L);
                t.append(1L);
            }
            summary = w.finish();
        }
        assertThat(summary.nodeCounts()).containsEntry("v", 2L);
        assertThat(summary.directory()).isEqualTo(dir.toAbsolutePath().normalize());
        assertThat(summary.sizeBytes()).isPositive();
        assertThat(SnapshotManifest.read(dir).nodes().getFirst().keyIdentity()).isTrue();
        assertThatThrownBy(() -> writers.create(dir, SnapshotSource.dataset("d"))).isInstanceOf(ConflictException.class);
    }

    @Test
    void identityKeysKeepNoKeyArrays() {
        Path dir = tmp.resolve("identity");
        try (SnapshotWriter w = writers.create(dir, SnapshotSource.dataset("d"))) {
            try (TableWriter t = w.beginNodes("v", ColumnSpec.of("id", ValueType.INT64), List.of())) {
                for (long k = 0; k < 5; k++) {
                    t.append(k);
                }
            }
            try (TableWriter t = w.beginEdges("e", "v", "v", ColumnSpec.of("s", ValueType.INT64),
                    ColumnSpec.of("d", ValueType.INT64), List.of())) {
                t.append(0L, 4L);
                t.append(4L, 0L);
                t.append(2L, 3L);
            }
            w.finish();
        }
        CsrGraph g = load(dir);
        assertThat(g.hasIdentityKeys()).isTrue();
        assertThat(g.outEdgeRows()).isNull();
        assertThat(g.outEdgeTypeCodes()).isNull();
        // out and in: offsets 6 ints and 3 arcs each
        assertThat(g.bytesHeld()).isEqualTo(2 * (6 + 3) * 4L);
        assertThat(MemoryModel.estimate(SnapshotManifest.read(dir), LoadOptions.defaults()).hostBytes())
                .isEqualTo(g.bytesHeld());
    }

    @Test
    void everyValueTypeRoundTripsWithNulls() {
        Path dir = tmp.resolve("types");
        UUID u1 = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        Instant t1 = Instant.parse("2024-02-29T10:15:30.123456Z");
        List<ColumnSpec> props = List.of(ColumnSpec.of("s", ValueType.STRING), ColumnSpec.of("i64", ValueType.INT64),
                ColumnSpec.of("i32", ValueType.INT32), ColumnSpec.of("d", ValueType.DOUBLE),
                ColumnSpec.of("f", ValueType.FLOAT), ColumnSpec.of("b", ValueType.BOOL),
                ColumnSpec.of("day", ValueType.DATE), ColumnSpec.of("ts", ValueType.TIMESTAMP),
                ColumnSpec.of("u", ValueType.UUID));
        try (SnapshotWriter w = writers.create(dir, SnapshotSource.dataset("types"))) {
            try (TableWriter t = w.beginNodes("thing", ColumnSpec.of("key", ValueType.UUID), props)) {
                t.append(u1, "héllo", Long.MIN_VALUE, -7, 2.5, 1.25f, true, LocalDate.of(2024, 2, 29), t1, u1);
                t.append(u1.toString().replace("000", "001"), null, null, null, null, null, null, null, null, null);
                t.append(new UUID(0, 3), "", 1L, 2, -0.0, Float.NaN, false, "1970-01-02", 0L, "00000000-0000-0000-0000-000000000009");
            }
            w.finish();
        }
        assertThat(SnapshotManifest.read(dir).nodes().getFirst().properties().get(1).nullCount()).isEqualTo(1);
        try (var instance = new CpuGraphInstance(load(dir), 1)) {
            var table = instance.nodes("thing");
            List<List<Object>> rows = new ArrayList<>();
            for (int r = 0; r < table.rowCount(); r++) {
                List<Object> row = new ArrayList<>();
                for (var c : table.columns()) {
                    row.add(c.get(r));
                }
                rows.add(row);
            }
            long micros = t1.getEpochSecond() * 1_000_000L + t1.getNano() / 1_000;
            assertThat(rows.get(0)).containsExactly("thing:" + u1, u1, "héllo", Long.MIN_VALUE, -7, 2.5, 1.25f, true,
                    (int) LocalDate.of(2024, 2, 29).toEpochDay(), micros, u1);
            UUID u2 = UUID.fromString(u1.toString().replace("000", "001"));
            assertThat(rows.get(1)).containsExactly("thing:" + u2, u2, null, null, null,
                    null, null, null, null, null, null);
            assertThat(rows.get(2)).containsExactly("thing:" + new UUID(0, 3), new UUID(0, 3), "", 1L, 2, -0.0, Float.NaN, false, 1, 0L,
                    new UUID(0, 9));
            assertThat(instance.graph().vertexId("thing", u1.toString())).isZero();
        }
    }

    @Test
    void manifestThatIsNotJsonNamesTheManifest() throws IOException {
        Path dir = writeSmall("small");
        Files.writeString(dir.resolve(SnapshotManifest.FILE_NAME), "{ not json");
        assertThatThrownBy(() -> load(dir)).isInstanceOf(SnapshotCorruptException.class)
                .hasMessageStartingWith("manifest.json:");
    }

    @Test
    void schemaDisagreeingWithTheManifestNamesTheFile() throws IOException {
        Path dir = writeSmall("small");
        editManifest(dir, "\"DOUBLE\"", "\"FLOAT\"");
        String edgeFile = SnapshotManifest.read(dir).edges().getFirst().file().file();
        assertThatThrownBy(() -> load(dir)).isInstanceOfSatisfying(SnapshotCorruptException.class,
                e -> assertThat(e.file()).isEqualTo(edgeFile)).hasMessageContaining("schema disagrees")
                .hasMessageContaining("w");
    }

    @Test
    void rowCountDisagreeingWithTheManifestNamesTheFile() throws IOException {
        Path dir = writeSmall("small");
        editManifest(dir, "\"rows\" : 2", "\"rows\" : 3");
        String edgeFile = SnapshotManifest.read(dir).edges().getFirst().file().file();
        assertThatThrownBy(() -> load(dir)).isInstanceOfSatisfying(SnapshotCorruptException.class,
                e -> assertThat(e.file()).isEqualTo(edgeFile)).hasMessageContaining("holds 2 rows, the manifest says 3");
    }

    @Test
    void garbageWithMatchingSizeIsNotAnArrowFile() throws IOException {
        Path dir = writeSmall("small");
        String nodeFile = SnapshotManifest.read(dir).nodes().getFirst().file().file();
        Path file = dir.resolve(nodeFile);
        byte[] junk = new byte[(int) Files.size(file)];
        Arrays.fill(junk, (byte) 7);
        Files.write(file, junk);
        assertThatThrownBy(() -> load(dir, LoadOptions.defaults().withVerifyChecksums(false)))
                .isInstanceOfSatisfying(SnapshotCorruptException.class, e -> assertThat(e.file()).isEqualTo(nodeFile))
                .hasMessageContaining("not a valid Arrow IPC file");
    }

    @Test
    void duplicateVertexKeyNamesFileAndKey() {
        Path dir = tmp.resolve("dup");
        try (SnapshotWriter w = writers.create(dir, SnapshotSource.dataset("d"))) {
            try (TableWriter t = w.beginNodes("v", ColumnSpec.of("id", ValueType.STRING), List.of())) {
                t.append("x");
                t.append("y");
                t.append("x");
            }
            w.finish();
        }
        assertThatThrownBy(() -> load(dir)).isInstanceOfSatisfying(SnapshotCorruptException.class,
                e -> assertThat(e.file()).isEqualTo("nodes-0.arrow")).hasMessageContaining("duplicate vertex key x at row 2");
    }

    @Test
    void unknownSourceKeyNamesFileBatchAndKey() {
        Path dir = tmp.resolve("dangling-source");
        try (SnapshotWriter w = writers.create(dir, SnapshotSource.dataset("d"))) {
            try (TableWriter t = w.beginNodes("v", ColumnSpec.of("id", ValueType.INT64), List.of())) {
                t.append(0L);
                t.append(1L);
            }
            try (TableWriter t = w.beginEdges("e", "v", "v", ColumnSpec.of("s", ValueType.INT64),
                    ColumnSpec.of("d", ValueType.INT64), List.of())) {
                t.append(0L, 1L);
                t.append(1L, 0L);
                t.append(1L, 1L);
                t.append(-4L, 1L);
            }
            w.finish();
        }
        // batches of two rows: the bad key is row 1 of record batch 1
        assertThatThrownBy(() -> load(dir)).isInstanceOfSatisfying(SnapshotCorruptException.class,
                e -> assertThat(e.file()).isEqualTo("edges-0.arrow"))
                .hasMessageContaining("row 1 of record batch 1: s -4 is not a vertex of label v");
    }

    @Test
    void edgeFileNotInTheManifestIsIgnoredButAMissingLabelIsNot() throws IOException {
        Path dir = writeSmall("small");
        editManifest(dir, "\"from_label\" : \"v\"", "\"from_label\" : \"w\"");
        assertThatThrownBy(() -> load(dir)).isInstanceOf(SnapshotCorruptException.class)
                .hasMessageContaining("label w");
    }

    @Test
    void loaderKeepsWeightsTypesAndRowsOnlyWhenNeeded() {
        Path dir = writeSmall("small");
        CsrGraph plain = load(dir);
        assertThat(plain.outWeights()).isNull();
        assertThat(plain.outEdgeRows()).isNotNull();
        assertThat(plain.outEdgeTypeCodes()).isNull();
        assertThat(plain.vertexKey(0)).isEqualTo(5L);
        assertThat(plain.keyColumn().get(2)).isEqualTo(7L);
        assertThat(plain.outWeights("w", 1.0)).containsExactly(0.5, 1.5);
        assertThat(plain.labels().getFirst().keys()).isInstanceOf(VertexKeys.Longs.class);

        CsrGraph weighted = load(dir, LoadOptions.defaults().withParallelism(3).withWeightProperty("w"));
        assertThat(weighted.outWeights()).containsExactly(0.5, 1.5);
        assertThat(weighted.inWeights()).containsExactly(0.5, 1.5);
        assertThat(weighted.inSources()).containsExactly(0, 1);

        CsrGraph undirected = load(dir, LoadOptions.defaults().withDirected(false).withWeightProperty("w"));
        // 5–6 (0.5), 6–7 (1.5): vertex 6 (id 1) sees 5 then 7
        assertThat(undirected.outOffsets()).containsExactly(0, 1, 3, 4);
        assertThat(undirected.outTargets()).containsExactly(1, 0, 2, 1);
        assertThat(undirected.outWeights()).containsExactly(0.5, 0.5, 1.5, 1.5);
        assertThat(undirected.edgeCount()).isEqualTo(2);
    }

    @Test
    void resultIsTheSameWhateverTheThreadCount() {
        Path dir = tmp.resolve("many");
        try (SnapshotWriter w = new ArrowSnapshotWriterFactory(allocator, 97, Clock.systemUTC())
                .create(dir, SnapshotSource.dataset("many"))) {
            try (TableWriter t = w.beginNodes("v", ColumnSpec.of("id", ValueType.STRING), List.of())) {
                for (int k = 0; k < 300; k++) {
                    t.append("k" + k);
                }
            }
            try (TableWriter t = w.beginEdges("e", "v", "v", ColumnSpec.of("s", ValueType.STRING),
                    ColumnSpec.of("d", ValueType.STRING), List.of(ColumnSpec.of("w", ValueType.INT32)))) {
                for (int i = 0; i < 3000; i++) {
                    t.append("k" + (i * 7 % 300), "k" + (i * 13 % 299), i);
                }
            }
            w.finish();
        }
        CsrGraph one = load(dir, LoadOptions.defaults().withParallelism(1).withWeightProperty("w"));
        CsrGraph four = load(dir, LoadOptions.defaults().withParallelism(4).withWeightProperty("w"));
        assertThat(four.outOffsets()).isEqualTo(one.outOffsets());
        assertThat(four.outTargets()).isEqualTo(one.outTargets());
        assertThat(four.outWeights()).isEqualTo(one.outWeights());
        assertThat(four.inSources()).isEqualTo(one.inSources());
        assertThat(four.outEdgeRows()).isEqualTo(one.outEdgeRows());
        // arcs of a vertex keep file order: vertex k0 has edges i = 0, 300, 600, … whose weights rise
        int v = one.vertexId("k0");
        double[] w = Arrays.copyOfRange(one.outWeights(), one.outStart(v), one.outEnd(v));
        assertThat(w).isSorted().hasSize(10);
    }
}
