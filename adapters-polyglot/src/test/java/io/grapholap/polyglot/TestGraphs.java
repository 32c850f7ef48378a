package io.grapholap.polyglot;

import io.grapholap.application.function.EntryPoint;
import io.grapholap.application.function.FunctionSession;
import io.grapholap.application.function.Invocation;
import io.grapholap.application.function.Language;
import io.grapholap.application.function.RunLimits;
import io.grapholap.application.graph.AlgorithmResult;
import io.grapholap.application.graph.CancellationToken;
import io.grapholap.application.graph.ExecutionContext;
import io.grapholap.application.graph.GraphInstance;
import io.grapholap.application.graph.LoadOptions;
import io.grapholap.application.graph.ProgressListener;
import io.grapholap.application.graph.ValueType;
import io.grapholap.application.graph.algo.AlgorithmRegistry;
import io.grapholap.application.graph.snapshot.ColumnSpec;
import io.grapholap.application.graph.snapshot.SnapshotSource;
import io.grapholap.application.graph.snapshot.SnapshotWriter;
import io.grapholap.application.graph.snapshot.TableWriter;
import io.grapholap.domain.error.NotFoundException;
import io.grapholap.engine.cpu.CpuGraphEngine;
import io.grapholap.snapshot.arrow.ArrowSnapshotWriterFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.RootAllocator;

/**
 * What the runtime tests share: one runtime (its warmed Python contexts serve every test class), the
 * real CPU engine, and the people graph of the engine contract test:
 * person ann, bob, cat, dan (age 31, 42, 27, null); city 100 Paris, 200 Oslo; knows ann→bob (1.0),
 * bob→cat (2.0), ann→cat (5.0), cat→dan (1.0); lives_in ann→100, bob→100, cat→200.
 */
final class TestGraphs {

    static final GraalFunctionRuntime RUNTIME = new GraalFunctionRuntime(
            new PolyglotSettings(4, 3, 1_000, 1_000, 0.6, Duration.ofSeconds(5)));
    static final RunLimits LIMITS = new RunLimits(Duration.ofSeconds(20), 1 << 20);

    private static final RootAllocator ALLOCATOR = new RootAllocator();
    private static final CpuGraphEngine ENGINE = new CpuGraphEngine(ALLOCATOR, 2);
    private static final Path DIR = tempDir();
    private static final AtomicInteger NEXT = new AtomicInteger();
    static final GraphInstance PEOPLE = load(writePeople(), "weight");

    private TestGraphs() {
    }

    static Object execute(Language language, String code, Object args) {
        return RUNTIME.run(invocation(language, code, EntryPoint.EXECUTE, List.of(PEOPLE, args), Map.of(), LIMITS));
    }

    static Invocation invocation(Language language, String code, EntryPoint entry, List<?> args,
                                 Map<String, String> libraries, RunLimits limits) {
        List<Object> arguments = new ArrayList<>();
        for (Object a : args) {
            arguments.add(a == NO_ARGS ? null : a);
        }
        return new Invocation(language, code, entry, arguments, libraries, new Session(), limits);
    }

    /** Stands for a null argument in {@code List.of(...)}, which refuses nulls. */
    static final Object NO_ARGS = new Object();

    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("udf-runtime-test");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static GraphInstance load(Path dir, String weight) {
        return ENGINE.load(dir, LoadOptions.defaults().withParallelism(2).withWeightProperty(weight),
                ProgressListener.NONE, CancellationToken.create());
    }

    private static Path writePeople() {
        Path dir = DIR.resolve("people");
        try (SnapshotWriter w = new ArrowSnapshotWriterFactory(ALLOCATOR).create(dir, SnapshotSource.dataset("people"))) {
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
                    ColumnSpec.of("dst", ValueType.STRING), List.of(ColumnSpec.of("weight", ValueType.DOUBLE)))) {
                t.append("ann", "bob", 1.0);
                t.append("bob", "cat", 2.0);
                t.append("ann", "cat", 5.0);
                t.append("cat", "dan", 1.0);
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
     * A session over the people graph (dataset {@code people}); {@link #buildGraph} writes nodes
     * (string keys, grouped by label, default {@code node}) and edges (grouped by type, default
     * {@code edge}; endpoints by id or identity {@code "label:id"}) without properties into a snapshot
     * and loads it.
     */
    static final class Session implements FunctionSession {

        @Override
        public List<Map<String, Object>> datasets() {
            return List.of(Map.of("id", "people", "version", 1));
        }

        @Override
        public List<Map<String, Object>> instances() {
            return List.of(Map.of("id", 7, "name", "people-live", "engine", "cpu"));
        }

        @Override
        public GraphInstance loadDataset(String datasetId) {
            if (!datasetId.equals("people")) {
                throw new NotFoundException("dataset", datasetId);
            }
            return PEOPLE;
        }

        @Override
        public GraphInstance instance(long instanceId) {
            if (instanceId != 7) {
                throw new NotFoundException("instance", Long.toString(instanceId));
            }
            return PEOPLE;
        }

        /** Straight to the graph, as a session does for a graph no instance lock guards. */
        @Override
        public AlgorithmResult runAlgorithm(GraphInstance graph, String algorithm, Map<String, Object> params,
                                            CancellationToken cancel) {
            return graph.run(AlgorithmRegistry.parse(algorithm, params),
                    new ExecutionContext(cancel, ProgressListener.NONE, graph.parallelism()));
        }

        @Override
        public GraphInstance buildGraph(List<Map<String, Object>> nodes, List<Map<String, Object>> edges) {
            Map<String, String[]> nodeOf = new LinkedHashMap<>();
            Map<String, List<String>> byLabel = new LinkedHashMap<>();
            for (Map<String, Object> n : nodes) {
                String label = String.valueOf(n.getOrDefault("label", "node"));
                String id = String.valueOf(n.get("id"));
                nodeOf.put(id, new String[] {label, id});
                nodeOf.put(label + ":" + id, new String[] {label, id});
                byLabel.computeIfAbsent(label, k -> new ArrayList<>()).add(id);
            }
            Map<String, List<String[]>> byType = new LinkedHashMap<>();
            for (Map<String, Object> e : edges) {
                String[] from = nodeOf.get(String.valueOf(e.get("source")));
                String[] to = nodeOf.get(String.valueOf(e.get("target")));
                String type = String.valueOf(e.getOrDefault("type", "edge"));
                byType.computeIfAbsent(type + "\u0000" + from[0] + "\u0000" + to[0],
                        k -> new ArrayList<>()).add(new String[] {from[1], to[1]});
            }
            Path dir = DIR.resolve("built-" + NEXT.incrementAndGet());
            try (SnapshotWriter w = new ArrowSnapshotWriterFactory(ALLOCATOR).create(dir, SnapshotSource.dataset("built"))) {
                for (var entry : byLabel.entrySet()) {
                    try (TableWriter t = w.beginNodes(entry.getKey(), ColumnSpec.of("id", ValueType.STRING), List.of())) {
                        for (String id : entry.getValue()) {
                            t.append(id);
                        }
                    }
                }
                for (var entry : byType.entrySet()) {
                    String[] key = entry.getKey().split("\u0000");
                    try (TableWriter t = w.beginEdges(key[0], key[1], key[2], ColumnSpec.of("from", ValueType.STRING),
                            ColumnSpec.of("to", ValueType.STRING), List.of())) {
                        for (String[] e : entry.getValue()) {
                            t.append(e[0], e[1]);
                        }
                    }
                }
                w.finish();
            }
            return load(dir, null);
        }
    }
}
