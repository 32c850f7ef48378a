package io.grapholap.application.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.grapholap.application.graph.algo.AlgorithmRegistry;
import io.grapholap.application.graph.snapshot.ColumnSpec;
import io.grapholap.application.graph.snapshot.SnapshotSource;
import io.grapholap.application.graph.snapshot.SnapshotWriter;
import io.grapholap.application.graph.snapshot.SnapshotWriterFactory;
import io.grapholap.application.graph.snapshot.TableWriter;
import io.grapholap.domain.error.CancelledException;
import io.grapholap.domain.error.DomainException;
import io.grapholap.domain.error.NotFoundException;
import io.grapholap.domain.error.SnapshotCorruptException;
import io.grapholap.domain.error.ValidationException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cases every {@link GraphEngine} must pass. A subclass per engine supplies the engine and a snapshot
 * writer; graphs are written with the writer, loaded with the engine, and checked against the
 * answers written beside them.
 */
public abstract class GraphEngineContractTest {

    @TempDir
    protected Path tmp;

    /** The engine under test. */
    protected abstract GraphEngine engine();

    /** A writer for snapshots the engine can load. */
    protected abstract SnapshotWriterFactory writers();

    protected LoadOptions options() {
        return LoadOptions.defaults().withParallelism(2);
    }

    /**
     * Whether the engine runs Gremlin queries. One that does not (the Spark engine) must refuse them with
     * a {@code NOT_SUPPORTED_ON_ENGINE} query error naming the engine, which the Gremlin cases check instead.
     */
    protected boolean runsGremlin() {
        return true;
    }

    private boolean refusesGremlin(GraphInstance g) {
        if (runsGremlin()) {
            return false;
        }
        assertThatThrownBy(() -> g.gremlin("g.V().count()", Map.of(), QueryLimits.defaults()))
                .isInstanceOfSatisfying(io.grapholap.domain.error.QueryException.class, e -> {
                    assertThat(e.code()).isEqualTo("NOT_SUPPORTED_ON_ENGINE");
                    assertThat(e.details()).containsEntry("engine", engine().info().name());
                });
        return true;
    }

    // ---- graphs ----

    /**
     * A property graph: person (STRING keys ann, bob, cat, dan; age INT32, dan's null) and city
     * (INT64 keys 100, 200; name STRING); knows person→person with weight DOUBLE and since INT32:
     * ann→bob 1.0/2010, bob→cat 2.0/2011, ann→cat 5.0/2012, cat→dan 1.0/2013; lives_in
     * person→city without properties: ann→100, bob→100, cat→200.
     */
    protected Path writePeopleGraph(String name) {
        Path dir = tmp.resolve(name);
        try (SnapshotWriter w = writers().create(dir, SnapshotSource.mapping("m-1", 3))) {
            try (TableWriter t = w.beginNodes("person", ColumnSpec.of("name", ValueType.STRING),
                    List.of(ColumnSpec.of("age", ValueType.INT32)))) {
                t.append("ann", 31);
                t.append("bob", 42);
                t.append("cat", 27);
                t.append("dan", null);
            }
            try (TableWriter t = w.beginNodes("city", ColumnSpec.of("id", ValueType.INT64),
                    List.of(ColumnSpec.of("name", ValueType.STRING)))) {
                t.append(100L, "Paris");
                t.append(200L, "Oslo");
            }
            try (TableWriter t = w.beginEdges("knows", "person", "person", ColumnSpec.of("src", ValueType.STRING),
                    ColumnSpec.of("dst", ValueType.STRING),
                    List.of(ColumnSpec.of("weight", ValueType.DOUBLE), ColumnSpec.of("since", ValueType.INT32)))) {
                t.append("ann", "bob", 1.0, 2010);
                t.append("bob", "cat", 2.0, 2011);
                t.append("ann", "cat", 5.0, 2012);
                t.append("cat", "dan", 1.0, 2013);
            }
            try (TableWriter t = w.beginEdges("lives_in", "person", "city", ColumnSpec.of("person", ValueType.STRING),
                    ColumnSpec.of("city", ValueType.INT64), List.of())) {
                t.append("ann", 100L);
                t.append("bob", 100L);
                t.append("cat", 200L);
            }
            w.finish();
        }
        return dir;
    }

    /**
     * A plain weighted graph over INT64 keys 10, 20, 30, 40, 50 (50 isolated): 10→20 (1.0),
     * 20→30 (2.0), 10→30 (5.0), 30→40 (1.0).
     */
    protected Path writeChainGraph(String name) {
        Path dir = tmp.resolve(name);
        try (SnapshotWriter w = writers().create(dir, SnapshotSource.dataset("chain"))) {
            try (TableWriter t = w.beginNodes("v", ColumnSpec.of("id", ValueType.INT64), List.of())) {
                for (long k : new long[] {10, 20, 30, 40, 50}) {
                    t.append(k);
                }
            }
            try (TableWriter t = w.beginEdges("e", "v", "v", ColumnSpec.of("src", ValueType.INT64),
                    ColumnSpec.of("dst", ValueType.INT64), List.of(ColumnSpec.of("weight", ValueType.DOUBLE)))) {
                t.append(10L, 20L, 1.0);
                t.append(20L, 30L, 2.0);
                t.append(10L, 30L, 5.0);
                t.append(30L, 40L, 1.0);
            }
            w.finish();
        }
        return dir;
    }

    /** A plain graph with keys 0..n-1 and {@code n * 4} pseudo-random edges, written in small batches. */
    protected Path writePlainGraph(String name, int n) {
        Path dir = tmp.resolve(name);
        try (SnapshotWriter w = writers().create(dir, SnapshotSource.dataset(name))) {
            try (TableWriter t = w.beginNodes("v", ColumnSpec.of("id", ValueType.INT64), List.of())) {
                for (long k = 0; k < n; k++) {
                    t.append(k);
                }
            }
            try (TableWriter t = w.beginEdges("e", "v", "v", ColumnSpec.of("src", ValueType.INT64),
                    ColumnSpec.of("dst", ValueType.INT64), List.of())) {
                long x = 12345;
                for (int i = 0; i < n * 4; i++) {
                    x = x * 6364136223846793005L + 1442695040888963407L;
                    long a = (x >>> 33) % n;
                    long b = ((x >>> 13) & 0xFFFFF) % n;
                    t.append(a, b == a ? (b + 1) % n : b);
                }
            }
            w.finish();
        }
        return dir;
    }

    private GraphInstance load(Path dir) {
        return engine().load(dir, options(), ProgressListener.NONE, CancellationToken.create());
    }

    // ---- cases ----

    @Test
    void engineDescribesItself() {
        EngineInfo info = engine().info();
        assertThat(info.name()).isNotBlank();
        assertThat(info.threads()).isPositive();
        if (!info.available()) {
            assertThat(info.unavailableReason()).isNotBlank();
        }
    }

    @Test
    void loadsPropertyGraphWithStatistics() {
        Path dir = writePeopleGraph("people");
        try (GraphInstance g = load(dir)) {
            GraphStatistics s = g.statistics();
            assertThat(s.vertexCount()).isEqualTo(6);
            assertThat(s.edgeCount()).isEqualTo(7);
            assertThat(s.directed()).isTrue();
            assertThat(s.verticesPerLabel()).containsExactly(Map.entry("person", 4L), Map.entry("city", 2L));
            assertThat(s.edgesPerType()).containsExactly(Map.entry("knows", 4L), Map.entry("lives_in", 3L));
            assertThat(s.hostBytes() + s.deviceBytes()).isPositive();
            assertThat(g.engine()).isEqualTo(engine().info().name());
        }
    }

    @Test
    void nodeAndEdgeTablesGiveBackOriginalKeysAndProperties() {
        Path dir = writePeopleGraph("people");
        try (GraphInstance g = load(dir)) {
            Table persons = g.nodes("person");
            assertThat(persons.columnNames()).containsExactly("id", "key", "age");
            assertThat(values(persons.column("id"))).containsExactly("person:ann", "person:bob", "person:cat", "person:dan");
            assertThat(values(persons.column("key"))).containsExactly("ann", "bob", "cat", "dan");
            assertThat(values(persons.column("age"))).containsExactly(31, 42, 27, null);
            Table cities = g.nodes("city");
            assertThat(values(cities.column("id"))).containsExactly("city:100", "city:200");
            assertThat(values(cities.column("key"))).containsExactly(100L, 200L);
            assertThat(values(cities.column("name"))).containsExactly("Paris", "Oslo");

            Table knows = g.edges("knows");
            assertThat(knows.columnNames()).containsExactly("from", "to", "weight", "since");
            assertThat(rows(knows)).containsExactlyInAnyOrder(
                    List.of("person:ann", "person:bob", 1.0, 2010), List.of("person:bob", "person:cat", 2.0, 2011),
                    List.of("person:ann", "person:cat", 5.0, 2012), List.of("person:cat", "person:dan", 1.0, 2013));
            assertThat(rows(g.edges("lives_in"))).containsExactlyInAnyOrder(
                    List.of("person:ann", "city:100"), List.of("person:bob", "city:100"), List.of("person:cat", "city:200"));
            assertThatThrownBy(() -> g.nodes("planet")).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> g.edges("hates")).isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void schemaListsLabelsTypesCountsAndPropertyTypes() {
        try (GraphInstance g = load(writePeopleGraph("people"))) {
            GraphSchema schema = g.schema();
            assertThat(schema.labels()).containsExactly(
                    new GraphSchema.Label("person", 4, ValueType.STRING,
                            List.of(new GraphSchema.Property("age", ValueType.INT32))),
                    new GraphSchema.Label("city", 2, ValueType.INT64,
                            List.of(new GraphSchema.Property("name", ValueType.STRING))));
            assertThat(schema.edgeTypes()).containsExactly(
                    new GraphSchema.EdgeType("knows", "person", "person", 4, List.of(
                            new GraphSchema.Property("weight", ValueType.DOUBLE),
                            new GraphSchema.Property("since", ValueType.INT32))),
                    new GraphSchema.EdgeType("lives_in", "person", "city", 3, List.of()));
        }
    }

    @Test
    void undirectedLoadCountsEachEdgeOnce() {
        Path dir = writeChainGraph("chain");
        try (GraphInstance g = engine().load(dir, options().withDirected(false), ProgressListener.NONE,
                CancellationToken.create())) {
            assertThat(g.statistics().directed()).isFalse();
            assertThat(g.statistics().edgeCount()).isEqualTo(4);
            assertThat(rows(g.edges("e"))).hasSize(4);
        }
    }

    @Test
    void estimateCoversWhatTheLoadedGraphHolds() {
        for (Path dir : List.of(writePeopleGraph("people"), writePlainGraph("plain", 600))) {
            for (LoadOptions o : List.of(options(), options().withDirected(false), options().withWeightProperty(
                    dir.endsWith("people") ? "weight" : null))) {
                MemoryEstimate estimate = engine().estimate(dir, o);
                try (GraphInstance g = engine().load(dir, o, ProgressListener.NONE, CancellationToken.create())) {
                    long held = g.statistics().hostBytes() + g.statistics().deviceBytes();
                    long estimated = estimate.hostBytes() + estimate.deviceBytes();
                    assertThat(estimated).as("estimate for %s %s", dir.getFileName(), o).isGreaterThanOrEqualTo(held);
                    assertThat((double) estimated).as("estimate for %s %s", dir.getFileName(), o)
                            .isLessThanOrEqualTo(held * 1.05);
                    assertThat(estimate.peakHostBytes()).isGreaterThanOrEqualTo(estimate.hostBytes());
                }
            }
        }
    }

    @Test
    void progressIsReportedUpToCompletion() {
        Path dir = writePlainGraph("plain", 500);
        List<Double> fractions = java.util.Collections.synchronizedList(new ArrayList<>());
        try (GraphInstance g = engine().load(dir, options(), (phase, f, msg) -> fractions.add(f),
                CancellationToken.create())) {
            assertThat(g.statistics().vertexCount()).isEqualTo(500);
        }
        assertThat(fractions).isNotEmpty().allSatisfy(f -> assertThat(f).isBetween(0.0, 1.0));
        assertThat(fractions).contains(1.0);
    }

    @Test
    void cancelledLoadStopsWithCancelledError() {
        Path dir = writePlainGraph("plain", 500);
        CancellationToken token = CancellationToken.create();
        token.cancel();
        assertThatThrownBy(() -> engine().load(dir, options(), ProgressListener.NONE, token))
                .isInstanceOf(CancelledException.class);
    }

    @Test
    void loadCancelledWhileReadingEdgesStops() {
        Path dir = writePlainGraph("plain", 300);
        CancellationToken token = CancellationToken.create();
        ProgressListener cancelOnEdges = (phase, f, msg) -> {
            if (phase.equals("edges")) {
                token.cancel();
            }
        };
        assertThatThrownBy(() -> engine().load(dir, options(), cancelOnEdges, token))
                .isInstanceOf(CancelledException.class);
    }

    @Test
    void missingManifestIsReported() throws IOException {
        Path dir = writeChainGraph("chain");
        Files.delete(dir.resolve("manifest.json"));
        assertCorrupt(dir, "manifest.json");
        assertThatThrownBy(() -> engine().estimate(dir)).isInstanceOf(SnapshotCorruptException.class);
    }

    @Test
    void missingDataFileIsReportedByName() throws IOException {
        Path dir = writeChainGraph("chain");
        Path data = dataFiles(dir).getLast();
        Files.delete(data);
        assertCorrupt(dir, data.getFileName().toString()).hasMessageContaining("missing");
    }

    @Test
    void truncatedDataFileIsReportedByName() throws IOException {
        Path dir = writeChainGraph("chain");
        Path data = dataFiles(dir).getLast();
        try (RandomAccessFile f = new RandomAccessFile(data.toFile(), "rw")) {
            f.setLength(f.length() / 2);
        }
        assertCorrupt(dir, data.getFileName().toString()).hasMessageContaining("truncated");
    }

    @Test
    void flippedByteIsAChecksumMismatch() throws IOException {
        Path dir = writeChainGraph("chain");
        Path data = dataFiles(dir).getFirst();
        byte[] bytes = Files.readAllBytes(data);
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(data, bytes);
        assertCorrupt(dir, data.getFileName().toString()).hasMessageContaining("checksum");
    }

    @Test
    void edgeToUnknownVertexNamesFileAndKey() {
        Path dir = tmp.resolve("dangling");
        try (SnapshotWriter w = writers().create(dir, SnapshotSource.dataset("dangling"))) {
            try (TableWriter t = w.beginNodes("v", ColumnSpec.of("id", ValueType.STRING), List.of())) {
                t.append("a");
                t.append("b");
            }
            try (TableWriter t = w.beginEdges("e", "v", "v", ColumnSpec.of("src", ValueType.STRING),
                    ColumnSpec.of("dst", ValueType.STRING), List.of())) {
                t.append("a", "b");
                t.append("b", "zed");
            }
            w.finish();
        }
        String edgeFile = dataFiles(dir).getLast().getFileName().toString();
        assertCorrupt(dir, edgeFile).hasMessageContaining("zed");
    }

    @Test
    void unfinishedWriterLeavesNothingBehind() throws IOException {
        Path dir = tmp.resolve("unfinished");
        try (SnapshotWriter w = writers().create(dir, SnapshotSource.dataset("x"));
             TableWriter t = w.beginNodes("v", ColumnSpec.of("id", ValueType.INT64), List.of())) {
            t.append(1L);
        }
        assertThat(dir).doesNotExist();
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void writerRejectsValuesOfTheWrongType() {
        Path dir = tmp.resolve("bad");
        try (SnapshotWriter w = writers().create(dir, SnapshotSource.dataset("x"));
             TableWriter t = w.beginNodes("v", ColumnSpec.of("id", ValueType.INT64),
                     List.of(ColumnSpec.of("born", ValueType.DATE)))) {
            assertThatThrownBy(() -> t.append("not-a-number", null)).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("id");
            assertThatThrownBy(() -> t.append(1L, "yesterday")).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("born");
            assertThatThrownBy(() -> t.append(null, null)).isInstanceOf(ValidationException.class);
        }
    }

    @Test
    void weightPropertyThatDoesNotExistIsAValidationError() {
        Path dir = writeChainGraph("chain");
        assertThatThrownBy(() -> engine().load(dir, options().withWeightProperty("cost"), ProgressListener.NONE,
                CancellationToken.create())).isInstanceOf(ValidationException.class).hasMessageContaining("cost");
    }

    // ---- vertex identity (docs/identity.md) ----

    /**
     * Keys shared across labels: account 1, 2 and customer 1, 3 (INT64 keys); owns customer→account:
     * 1→1, 3→2.
     */
    protected Path writeSharedKeysGraph(String name) {
        Path dir = tmp.resolve(name);
        try (SnapshotWriter w = writers().create(dir, SnapshotSource.dataset(name))) {
            try (TableWriter t = w.beginNodes("account", ColumnSpec.of("id", ValueType.INT64), List.of())) {
                t.append(1L);
                t.append(2L);
            }
            try (TableWriter t = w.beginNodes("customer", ColumnSpec.of("id", ValueType.INT64), List.of())) {
                t.append(1L);
                t.append(3L);
            }
            try (TableWriter t = w.beginEdges("owns", "customer", "account", ColumnSpec.of("c", ValueType.INT64),
                    ColumnSpec.of("a", ValueType.INT64), List.of())) {
                t.append(1L, 1L);
                t.append(3L, 2L);
            }
            w.finish();
        }
        return dir;
    }

    @Test
    void resultRowsNameEachVertexByIdentityLabelAndKey() {
        Path dir = writeSharedKeysGraph("shared");
        try (GraphInstance g = load(dir)) {
            AlgorithmResult r = g.run(AlgorithmRegistry.parse("degree", Map.of("direction", "in")), ExecutionContext.of(2));
            assertThat(r.columns()).containsExactly("id", "label", "key", "degree");
            assertThat(values(r.column("id"))).containsExactlyInAnyOrder("account:1", "account:2", "customer:1", "customer:3");
            for (int i = 0; i < r.rowCount(); i++) {
                assertThat(r.column("id").get(i)).isEqualTo(r.column("label").get(i) + ":" + r.column("key").get(i));
            }
            try (GraphInstance again = load(dir)) {
                AlgorithmResult second = again.run(AlgorithmRegistry.parse("degree", Map.of("direction", "in")),
                        ExecutionContext.of(2));
                assertThat(rows(second.asTable())).isEqualTo(rows(r.asTable()));
            }
        }
    }

    @Test
    void aSourceIsNamedByIdentityByLabelAndKeyOrByAKeyOneLabelHolds() {
        try (GraphInstance g = load(writeSharedKeysGraph("shared"))) {
            for (Object source : List.of("customer:3", Map.of("label", "customer", "key", 3), 3L, "3")) {
                AlgorithmResult r = g.run(AlgorithmRegistry.parse("bfs", Map.of("source", source)), ExecutionContext.of(2));
                Map<Object, Object> depth = new java.util.HashMap<>();
                for (int i = 0; i < r.rowCount(); i++) {
                    depth.put(r.column("id").get(i), r.column("depth").get(i));
                }
                assertThat(depth).as("source %s", source).containsEntry("customer:3", 0L).containsEntry("account:2", 1L)
                        .containsEntry("account:1", Long.MAX_VALUE);
            }
            assertThatThrownBy(() -> g.run(AlgorithmRegistry.parse("bfs", Map.of("source", 1L)), ExecutionContext.of(2)))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.field()).isEqualTo("source");
                        assertThat(e.details()).containsEntry("labels", List.of("account", "customer"));
                    });
            assertThatThrownBy(() -> g.run(AlgorithmRegistry.parse("bfs", Map.of("source", "customer:2")),
                    ExecutionContext.of(2)))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("source"));
        }
    }

    @Test
    void gremlinIdsAreIdentitiesAndABareKeyNamesAtMostOneVertex() {
        try (GraphInstance g = load(writeSharedKeysGraph("shared"))) {
            if (refusesGremlin(g)) {
                return;
            }
            QueryLimits limits = QueryLimits.defaults();
            assertThat(g.gremlin("g.V('customer:1').out().id()", Map.of(), limits).rows())
                    .containsExactly(List.of("account:1"));
            assertThat(g.gremlin("g.V(3).id()", Map.of(), limits).rows()).containsExactly(List.of("customer:3"));
            assertThatThrownBy(() -> g.gremlin("g.V(1).id()", Map.of(), limits))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.field()).isEqualTo("query");
                        assertThat(e.details()).containsEntry("labels", List.of("account", "customer"));
                    });
        }
    }

    // ---- algorithms (expected answers beside each graph) ----

    @Test
    void bfsDepthsByOriginalKey() {
        try (GraphInstance g = load(writeChainGraph("chain"))) {
            AlgorithmResult r = g.run(AlgorithmRegistry.parse("bfs", Map.of("source", 10L)), ExecutionContext.of(2));
            assertThat(r.engine()).isEqualTo(engine().info().name());
            assertThat(byKey(r, "depth")).containsExactlyInAnyOrderEntriesOf(Map.of(
                    10L, 0L, 20L, 1L, 30L, 1L, 40L, 2L, 50L, Long.MAX_VALUE));
        }
    }

    @Test
    void ssspUsesTheWeightProperty() {
        try (GraphInstance g = load(writeChainGraph("chain"))) {
            AlgorithmResult r = g.run(AlgorithmRegistry.parse("sssp", Map.of("source", "10", "weight", "weight")), ExecutionContext.of(2));
            assertThat(byKey(r, "distance")).containsExactlyInAnyOrderEntriesOf(Map.of(
                    10L, 0.0, 20L, 1.0, 30L, 3.0, 40L, 4.0, 50L, Double.POSITIVE_INFINITY));
        }
    }

    @Test
    void wccLabelsComponentsWithTheirSmallestKey() {
        try (GraphInstance g = load(writeChainGraph("chain"))) {
            AlgorithmResult r = g.run(AlgorithmRegistry.parse("wcc", Map.of()), ExecutionContext.of(2));
            assertThat(byKey(r, "component")).containsExactlyInAnyOrderEntriesOf(Map.of(
                    10L, 10L, 20L, 10L, 30L, 10L, 40L, 10L, 50L, 50L));
        }
    }

    @Test
    void pagerankSumsToOneAndFollowsTheEdges() {
        try (GraphInstance g = load(writeChainGraph("chain"))) {
            AlgorithmResult r = g.run(AlgorithmRegistry.parse("pagerank", Map.of("damping", 0.85, "iterations", 20)),
                    ExecutionContext.of(2));
            Map<Object, Object> rank = byKey(r, "rank");
            double sum = rank.values().stream().mapToDouble(v -> (Double) v).sum();
            assertThat(sum).isCloseTo(1.0, within(1e-6));
            // 10 and 50 have no in-edges: equal ranks; 40 collects the whole chain
            assertThat((Double) rank.get(10L)).isCloseTo((Double) rank.get(50L), within(1e-12));
            assertThat((Double) rank.get(40L)).isGreaterThan((Double) rank.get(30L));
            assertThat((Double) rank.get(30L)).isGreaterThan((Double) rank.get(20L));
        }
    }

    @Test
    void everyAlgorithmTheEngineAdvertisesIsRegisteredAndAnswersItsResultColumns() {
        EngineInfo info = engine().info();
        assertThat(info.algorithms()).isNotEmpty();
        assertThat(AlgorithmRegistry.names()).containsAll(info.algorithms());
        try (GraphInstance g = load(writePeopleGraph("people"))) {
            for (String name : info.algorithms()) {
                var definition = AlgorithmRegistry.get(name);
                Map<String, Object> raw = new java.util.HashMap<>();
                definition.params().stream().filter(p -> p.required())
                        .forEach(p -> raw.put(p.name(), p.name().equals("target") ? "dan" : "ann"));
                AlgorithmResult r = g.run(definition.parse(raw), ExecutionContext.of(2));
                assertThat(r.algorithm()).isEqualTo(name);
                assertThat(r.engine()).isEqualTo(info.name());
                assertThat(r.columns()).as(name).isEqualTo(definition.resultColumns());
            }
        }
    }

    @Test
    void unknownAlgorithmAndBadParametersNameTheField() {
        try (GraphInstance g = load(writeChainGraph("chain"))) {
            assertThatThrownBy(() -> g.run(AlgorithmRegistry.parse("no_such_algo", Map.of()), ExecutionContext.of(1)))
                    .isInstanceOf(ValidationException.class);
            assertThatThrownBy(() -> g.run(AlgorithmRegistry.parse("pagerank", Map.of("damping", 1.5)), ExecutionContext.of(1)))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("damping"));
            assertThatThrownBy(() -> g.run(AlgorithmRegistry.parse("bfs", Map.of("source", 999L)), ExecutionContext.of(1)))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("source"));
        }
    }

    @Test
    void cancelledAlgorithmStops() {
        try (GraphInstance g = load(writePlainGraph("plain", 400))) {
            CancellationToken token = CancellationToken.create();
            token.cancel();
            assertThatThrownBy(() -> g.run(AlgorithmRegistry.parse("pagerank", Map.of("iterations", 50)),
                    new ExecutionContext(token, ProgressListener.NONE, 2))).isInstanceOf(CancelledException.class);
        }
    }

    // ---- Gremlin ----

    @Test
    void gremlinTraversesTheLoadedGraph() {
        try (GraphInstance g = load(writePeopleGraph("people"))) {
            if (refusesGremlin(g)) {
                return;
            }
            QueryLimits limits = QueryLimits.defaults();
            assertThat(g.gremlin("g.V().count()", Map.of(), limits).rows()).containsExactly(List.of(6L));
            // knows: ann→bob, bob→cat, ann→cat, cat→dan
            assertThat(g.gremlin("g.V().hasLabel('person').out('knows').count()", Map.of(), limits).rows())
                    .containsExactly(List.of(4L));
            assertThat(g.gremlin("g.E().hasLabel(t).count()", Map.of("t", "lives_in"), limits).rows())
                    .containsExactly(List.of(3L));
            QueryResult truncated = g.gremlin("g.V()", Map.of(), new QueryLimits(java.time.Duration.ofSeconds(30), 2));
            assertThat(truncated.rows()).hasSize(2);
            assertThat(truncated.truncated()).isTrue();
            assertThatThrownBy(() -> g.gremlin("g.V(", Map.of(), limits)).isInstanceOfSatisfying(
                    ValidationException.class, e -> assertThat(e.field()).isEqualTo("query"));
        }
    }

    // ---- algorithm results stored as vertex properties ----

    @Test
    void storedAlgorithmResultIsReadByGremlinAndNodeTables() {
        try (GraphInstance g = load(writePeopleGraph("people"))) {
            QueryLimits limits = QueryLimits.defaults();
            AlgorithmResult rank = g.run(AlgorithmRegistry.parse("pagerank", Map.of()), ExecutionContext.of(2));
            g.storeVertexProperty("pagerank", rank, "rank");
            Map<Object, Object> byKey = byKey(rank, "rank");
            boolean gremlin = !refusesGremlin(g);

            if (gremlin) {
                assertThat(g.gremlin("g.V().has('pagerank', gt(0.0)).count()", Map.of(), limits).rows())
                        .containsExactly(List.of(6L));
                assertThat(g.gremlin("g.V(k).values('pagerank')", Map.of("k", "dan"), limits).rows())
                        .containsExactly(List.of(byKey.get("dan")));
            }
            Table persons = g.nodes("person");
            assertThat(persons.columnNames()).containsExactly("id", "key", "age", "pagerank");
            assertThat(values(persons.column("pagerank"))).containsExactly(byKey.get("ann"), byKey.get("bob"),
                    byKey.get("cat"), byKey.get("dan"));
            assertThat(values(g.nodes("city").column("pagerank"))).containsExactly(byKey.get(100L), byKey.get(200L));

            // out-degree over both edge types: ann 3 (bob, cat, 100), bob 2, cat 2, dan 0, cities 0
            AlgorithmResult degree = g.run(AlgorithmRegistry.parse("degree", Map.of("direction", "out")), ExecutionContext.of(2));
            g.storeVertexProperty("score", degree, "degree");
            if (gremlin) {
                assertThat(g.gremlin("g.V().has('score', gte(3)).id()", Map.of(), limits).rows())
                        .containsExactly(List.of("person:ann"));
            }
            assertThat(values(g.nodes("person").column("score"))).containsExactly(3L, 2L, 2L, 0L);
            // storing the same name again replaces the values
            g.storeVertexProperty("score", rank, "rank");
            assertThat(values(g.nodes("person").column("score"))).containsExactly(byKey.get("ann"), byKey.get("bob"),
                    byKey.get("cat"), byKey.get("dan"));
            if (gremlin) {
                assertThat(g.gremlin("g.V().has('score', gte(3)).count()", Map.of(), limits).rows())
                        .containsExactly(List.of(0L));
                assertThat(g.gremlin("g.V().has('pagerank').count()", Map.of(), limits).rows())
                        .containsExactly(List.of(6L));
            }
        }
    }

    @Test
    void storingAPropertyChecksItsNameAndTheResultShape() {
        try (GraphInstance g = load(writePeopleGraph("people"))) {
            AlgorithmResult rank = g.run(AlgorithmRegistry.parse("pagerank", Map.of()), ExecutionContext.of(1));
            for (String bad : List.of("age", "bad name", "1st", "id", "key", "")) {
                assertThatThrownBy(() -> g.storeVertexProperty(bad, rank, "rank"))
                        .as("name '%s'", bad)
                        .isInstanceOfSatisfying(ValidationException.class,
                                e -> assertThat(e.field()).isEqualTo("mutate_property"));
            }
            if (engine().info().runs("shortest_path")) {
                AlgorithmResult path = g.run(AlgorithmRegistry.parse("shortest_path", Map.of("source", "ann", "target",
                        "dan")), ExecutionContext.of(1));
                assertThatThrownBy(() -> g.storeVertexProperty("hops", path, "distance"))
                        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("mode"));
            }
            assertThatThrownBy(() -> g.storeVertexProperty("x", rank, "no_such_column"))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("mode"));
            assertThat(g.nodes("person").columnNames()).containsExactly("id", "key", "age");
        }
    }

    // ---- helpers ----

    /** Data files of a snapshot in name order (nodes-*, then edges-* after them by convention of the test graphs). */
    protected static List<Path> dataFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> all = new ArrayList<>(files.filter(p -> !p.getFileName().toString().equals("manifest.json"))
                    .sorted((a, b) -> rank(a) - rank(b) != 0 ? rank(a) - rank(b) : a.compareTo(b)).toList());
            return all;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int rank(Path p) {
        return p.getFileName().toString().startsWith("node") ? 0 : 1;
    }

    private org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> assertCorrupt(Path dir, String file) {
        var assertion = assertThatThrownBy(() -> engine().load(dir, options(), ProgressListener.NONE,
                CancellationToken.create()).close());
        assertion.isInstanceOf(SnapshotCorruptException.class)
                .satisfies(e -> assertThat(((DomainException) e).code()).isEqualTo("SNAPSHOT_INVALID"))
                .satisfies(e -> assertThat(((SnapshotCorruptException) e).file()).isEqualTo(file))
                .hasMessageContaining(file);
        return assertion;
    }

    protected static List<Object> values(Column c) {
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < c.size(); i++) {
            list.add(c.get(i));
        }
        return list;
    }

    protected static List<List<Object>> rows(Table t) {
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 0; r < t.rowCount(); r++) {
            List<Object> row = new ArrayList<>();
            for (Column c : t.columns()) {
                row.add(c.get(r));
            }
            rows.add(row);
        }
        return rows;
    }

    protected static Map<Object, Object> byKey(AlgorithmResult r, String column) {
        Column ids = r.column("key");
        Column values = r.column(column);
        Map<Object, Object> map = new java.util.HashMap<>();
        Set<Object> seen = new HashSet<>();
        for (int i = 0; i < r.rowCount(); i++) {
            assertThat(seen.add(ids.get(i))).as("key %s appears once", ids.get(i)).isTrue();
            map.put(ids.get(i), values.get(i));
        }
        return map;
    }
}
