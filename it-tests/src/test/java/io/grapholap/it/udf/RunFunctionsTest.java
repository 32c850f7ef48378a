package io.grapholap.it.udf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapholap.application.dataset.DatasetCatalog;
import io.grapholap.application.dataset.DatasetRef;
import io.grapholap.application.function.EntryPoint;
import io.grapholap.application.function.FunctionRuntime;
import io.grapholap.application.function.FunctionSession;
import io.grapholap.application.function.Invocation;
import io.grapholap.application.function.Language;
import io.grapholap.application.graph.CancellationToken;
import io.grapholap.application.graph.EngineInfo;
import io.grapholap.application.graph.GraphEngine;
import io.grapholap.application.graph.GraphInstance;
import io.grapholap.application.graph.LoadOptions;
import io.grapholap.application.graph.MemoryEstimate;
import io.grapholap.application.graph.ProgressListener;
import io.grapholap.application.graph.ValueType;
import io.grapholap.application.graph.snapshot.ColumnSpec;
import io.grapholap.application.graph.snapshot.SnapshotSource;
import io.grapholap.application.graph.snapshot.SnapshotWriter;
import io.grapholap.application.graph.snapshot.TableWriter;
import io.grapholap.application.algorithm.AlgorithmRunner;
import io.grapholap.application.algorithm.Executions;
import io.grapholap.application.algorithm.InstanceRuns;
import io.grapholap.application.dataplane.DataPlaneSettings;
import io.grapholap.application.instance.LiveInstance;
import io.grapholap.application.instance.LiveInstances;
import io.grapholap.application.security.Actor;
import io.grapholap.application.udf.FunctionEngines;
import io.grapholap.application.udf.FunctionRepository;
import io.grapholap.application.udf.OrganizationSettingsRepository;
import io.grapholap.application.udf.RunFunctions;
import io.grapholap.application.udf.RunFunctions.RunRequest;
import io.grapholap.application.udf.RunResult;
import io.grapholap.application.udf.RunSettings;
import io.grapholap.application.udf.RunSlots;
import io.grapholap.domain.error.ConflictException;
import io.grapholap.domain.error.NotFoundException;
import io.grapholap.domain.error.PermissionDeniedException;
import io.grapholap.domain.error.UnavailableException;
import io.grapholap.domain.error.ValidationException;
import io.grapholap.domain.udf.FunctionEngine;
import io.grapholap.domain.udf.FunctionParameter;
import io.grapholap.domain.udf.OrganizationSettings;
import io.grapholap.domain.udf.OutputFormat;
import io.grapholap.domain.udf.OutputType;
import io.grapholap.domain.udf.UserFunction;
import io.grapholap.domain.user.Role;
import io.grapholap.engine.cpu.CpuGraphEngine;
import io.grapholap.snapshot.arrow.ArrowSnapshotWriterFactory;
import io.grapholap.rest.udf.output.JacksonJsonWriter;
import io.grapholap.application.common.Page;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run path of {@link RunFunctions} over the real CPU engine and snapshot writer, with a runtime whose "code" names a Java function: what the polyglot runtime does
 * with real code is tested in adapters-polyglot and over HTTP; here the dataset precedence, the
 * graph building, the dataset cache, the limits, the permissions and the output shaping are.
 */
class RunFunctionsTest {

    private static final Actor ALICE = new Actor("alice", Set.of(Role.ANALYST), Set.of("acme"));
    private static final Actor BOB = new Actor("bob", Set.of(Role.ANALYST), Set.of("acme"));
    private static final Actor CAROL = new Actor("carol", Set.of(Role.ANALYST), Set.of("acme"));
    private static final Map<String, Object> PATH_GRAPH = Map.of(
            "nodes", List.of(Map.of("id", 1, "label", "person", "name", "ann"), Map.of("id", 2, "label", "person", "name", "bo"),
                    Map.of("id", 3, "label", "city", "name", "oslo", "size", 1.5)),
            "edges", List.of(Map.of("source", 1, "target", 2, "type", "knows", "since", 2020),
                    Map.of("source", 2, "target", 3, "type", "lives_in")));

    @TempDir
    Path tmp;

    private BufferAllocator allocator;
    private FunctionRepository functions;
    private CountingEngine cpu;
    private ScriptRuntime runtime;
    private final Map<String, DatasetRef> catalog = new ConcurrentHashMap<>();
    private final Map<String, String> libraries = new ConcurrentHashMap<>();
    private RunFunctions runs;
    private final ExecutorService guestThreads = Executors.newCachedThreadPool();

    @BeforeEach
    void setUp() {
        allocator = new RootAllocator();
        functions = new Functions();
        cpu = new CountingEngine(new CpuGraphEngine(allocator, 2));
        runtime = new ScriptRuntime();
        runs = runFunctions(10_000_000_000L);
        catalog.put("small", dataset("small", 3));
        catalog.put("large", dataset("large", 5));
    }

    @AfterEach
    void tearDown() {
        runs.close();
        allocator.close();
        guestThreads.shutdownNow();
    }

    private RunFunctions runFunctions(long budget) {
        DatasetCatalog datasets = new DatasetCatalog() {
            @Override
            public DatasetRef resolve(String id, Actor actor) {
                DatasetRef ref = catalog.get(id);
                if (ref == null) {
                    throw new NotFoundException("dataset", id);
                }
                return ref;
            }

            @Override
            public List<DatasetRef> list(Actor actor, int limit) {
                return catalog.values().stream().limit(limit).toList();
            }
        };
        LiveInstances instances = (id, actor) -> {
            throw new NotFoundException("instance", id);
        };
        GraphEngine gpu = new GraphEngine() {
            public EngineInfo info() {
                return new EngineInfo("gpu", false, "no CUDA driver (libcuda.so.1 missing)", 0, 0, Map.of());
            }

            public MemoryEstimate estimate(Path dir, LoadOptions options) {
                throw new AssertionError("an unavailable engine is never asked");
            }

            public GraphInstance load(Path dir, LoadOptions o, ProgressListener p, CancellationToken c) {
                throw new AssertionError("an unavailable engine is never asked");
            }
        };
        var engines = new io.grapholap.application.instance.EngineChoice(Map.of("cpu", cpu, "gpu", gpu), "cpu");
        var runner = new AlgorithmRunner(engines, () -> Long.MAX_VALUE);
        var algorithmRuns = new InstanceRuns(runner, new Executions(DataPlaneSettings.defaults(), java.time.Clock.systemUTC()));
        return new RunFunctions(functions, runtime, (language, org, names) -> {
            Map<String, String> out = new LinkedHashMap<>();
            for (String name : names) {
                String source = libraries.get(name);
                if (source == null) {
                    throw new NotFoundException("library", name);
                }
                out.put(name, source);
            }
            return out;
        }, datasets, instances, new FunctionEngines(engines), new ArrowSnapshotWriterFactory(allocator),
                Map.of(), new JacksonJsonWriter(), new RunSettings(Duration.ofSeconds(5), Duration.ofSeconds(30), 10_000, 1_000_000, 2,
                budget, 1000, tmp.resolve("work")), new RunSlots(guestThreads, RunSlots.Limits.fromCores(2)), algorithmRuns, runner,
                new OrganizationSettingsRepository() {
                    @Override
                    public OrganizationSettings find(String organization) {
                        return OrganizationSettings.defaults(organization);
                    }

                    @Override
                    public OrganizationSettings save(OrganizationSettings settings) {
                        throw new AssertionError("runs never change an organisation's settings");
                    }
                });
    }

    /** A dataset of {@code n} vertices in a chain. */
    private DatasetRef dataset(String name, int n) {
        Path dir = tmp.resolve("datasets").resolve(name);
        try (SnapshotWriter w = new ArrowSnapshotWriterFactory(allocator).create(dir, SnapshotSource.dataset(name))) {
            try (TableWriter t = w.beginNodes("v", ColumnSpec.of("id", ValueType.INT64), List.of())) {
                for (long i = 0; i < n; i++) {
                    t.append(i);
                }
            }
            try (TableWriter t = w.beginEdges("e", "v", "v", ColumnSpec.of("src", ValueType.INT64), ColumnSpec.of("dst", ValueType.INT64),
                    List.of())) {
                for (long i = 0; i + 1 < n; i++) {
                    t.append(i, i + 1);
                }
            }
            w.finish();
        }
        return new DatasetRef(name, 1, dir, null);
    }

    private UserFunction save(String alias, String loadDataset, String loadData, String execute, OutputType type, OutputFormat format,
                              boolean enabled) {
        Instant now = Instant.now();
        return functions.create(new UserFunction(UUID.randomUUID().toString(), alias, "acme", "python", "alice", enabled, loadDataset,
                loadData, execute, new FunctionEngine("cpu"), type, format, List.of(new FunctionParameter("n", "INT")), Set.of("bob"),
                Set.of("carol"), now, now), Set.of());
    }

    private RunResult run(Actor actor, String alias, String dataset, Map<String, Object> executeArgs) {
        return runs.run(actor, new RunRequest("acme", "python", alias, dataset, Map.of(), executeArgs, null, null, null));
    }

    private static String text(RunResult r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void loadDataListsBecomeAGraphThatExecuteSeesAndThatIsClosedAfterTheRun() {
        runtime.define("build", inv -> PATH_GRAPH);
        List<GraphInstance> seen = new ArrayList<>();
        runtime.define("count", inv -> {
            GraphInstance g = (GraphInstance) inv.arguments().get(0);
            seen.add(g);
            var s = g.statistics();
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("vertices", s.vertexCount());
            out.put("edges", s.edgeCount());
            out.put("labels", s.verticesPerLabel().keySet());
            out.put("n", ((Map<?, ?>) inv.arguments().get(1)).get("n"));
            return out;
        });
        save("counter", null, "build", "count", OutputType.JSON, OutputFormat.JSON, true);
        RunResult r = run(ALICE, "counter", null, Map.of("n", 7));
        assertThat(r.engine()).isEqualTo("cpu");
        assertThat(r.contentType()).isEqualTo("application/json");
        assertThat(text(r)).isEqualTo("{\"vertices\":3,\"edges\":2,\"labels\":[\"person\",\"city\"],\"n\":7}");
        assertThat(((Map<?, ?>) r.value()).get("vertices")).isEqualTo(3L);
        assertThatThrownBy(() -> seen.get(0).statistics()).as("built graphs are closed when the run ends").isInstanceOf(RuntimeException.class);
        assertThat(runtime.calls).extracting(Invocation::entry).containsExactly(EntryPoint.LOAD_DATA, EntryPoint.EXECUTE);
        assertThat(runtime.calls.get(0).session()).isNotNull();
    }

    @Test
    void urlDatasetBeatsLoadDatasetWhichBeatsLoadData() {
        runtime.define("build", inv -> PATH_GRAPH);
        runtime.define("vertices", inv -> ((GraphInstance) inv.arguments().get(0)).statistics().vertexCount());
        save("prec", "small", "build", "vertices", OutputType.JSON, OutputFormat.JSON, true);
        assertThat(text(run(ALICE, "prec", "large", Map.of()))).isEqualTo("5");
        assertThat(text(run(ALICE, "prec", null, Map.of()))).isEqualTo("3");
        assertThat(runtime.calls).extracting(Invocation::entry).containsOnly(EntryPoint.EXECUTE);
        save("fromcode", null, "build", "vertices", OutputType.JSON, OutputFormat.JSON, true);
        assertThat(text(run(ALICE, "fromcode", null, Map.of()))).isEqualTo("3");
        save("nothing", null, null, "vertices", OutputType.JSON, OutputFormat.JSON, true);
        assertThatThrownBy(() -> run(ALICE, "nothing", null, Map.of()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("load_dataset"));
        assertThatThrownBy(() -> run(ALICE, "prec", "missing", Map.of())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void loadedDatasetsAreKeptForTheNextRunWithinTheirBudget() {
        runtime.define("vertices", inv -> ((GraphInstance) inv.arguments().get(0)).statistics().vertexCount());
        save("cached", null, null, "vertices", OutputType.JSON, OutputFormat.JSON, true);
        run(ALICE, "cached", "small", Map.of());
        run(BOB, "cached", "small", Map.of());
        assertThat(cpu.loads.get()).isEqualTo(1);
        run(ALICE, "cached", "large", Map.of());
        assertThat(cpu.loads.get()).isEqualTo(2);

        runs.close();
        runs = runFunctions(10);
        assertThatThrownBy(() -> run(ALICE, "cached", "small", Map.of()))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo("MEMORY_LIMIT_EXCEEDED");
                    assertThat(e.details()).containsKeys("needed_bytes", "available_bytes");
                });
    }

    @Test
    void graphOutputsAsRowsCsvAndShape() {
        runtime.define("build", inv -> PATH_GRAPH);
        runtime.define("same", inv -> inv.arguments().get(0));
        save("nodes_csv", null, "build", "same", OutputType.NODES, OutputFormat.CSV, true);
        RunResult nodes = run(ALICE, "nodes_csv", null, Map.of());
        assertThat(nodes.contentType()).isEqualTo("text/csv");
        assertThat(text(nodes)).isEqualTo("label,id,key,name,size\r\nperson,person:1,1,ann,\r\nperson,person:2,2,bo,\r\n"
                + "city,city:3,3,oslo,1.5\r\n");
        save("edges_json", null, "build", "same", OutputType.EDGES, OutputFormat.JSON, true);
        assertThat(run(ALICE, "edges_json", null, Map.of()).value()).asList().hasSize(2)
                .first().asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("type", "knows").containsEntry("since", 2020L);
        save("shape", null, "build", "same", OutputType.SHAPE, OutputFormat.JSON, true);
        assertThat(text(run(ALICE, "shape", null, Map.of())))
                .isEqualTo("{\"nodes\":3,\"edges\":2,\"node_labels\":{\"person\":2,\"city\":1},\"edge_types\":{\"knows\":1,\"lives_in\":1}}");
        save("all", null, "build", "same", OutputType.ALL, OutputFormat.JSON, true);
        assertThat(List.copyOf(((Map<?, ?>) run(ALICE, "all", null, Map.of()).value()).keySet())).isEqualTo(List.of("nodes", "edges"));
        save("all_csv", null, "build", "same", OutputType.ALL, OutputFormat.CSV, true);
        assertThatThrownBy(() -> run(ALICE, "all_csv", null, Map.of()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("output_type"));

        runtime.define("records", inv -> List.of(Map.of("k", "a,b"), Map.of("k", "c", "v", 2)));
        save("records", "small", null, "records", OutputType.TABLE, OutputFormat.CSV, true);
        assertThat(text(run(ALICE, "records", null, Map.of()))).isEqualTo("k,v\r\n\"a,b\",\r\nc,2\r\n");
        runtime.define("scalar", inv -> 42);
        save("scalar_csv", "small", null, "scalar", OutputType.JSON, OutputFormat.CSV, true);
        assertThatThrownBy(() -> run(ALICE, "scalar_csv", null, Map.of()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("format"));
    }

    /** Ids repeat across labels: an edge names its endpoints by identity, a shared bare id is refused. */
    @Test
    void builtGraphsNameEndpointsByIdentityWhenIdsRepeatAcrossLabels() {
        runtime.define("shared", inv -> Map.of(
                "nodes", List.of(Map.of("id", 1, "label", "customer"), Map.of("id", 1, "label", "account"),
                        Map.of("id", 2, "label", "account")),
                "edges", List.of(Map.of("source", "customer:1", "target", "account:1", "type", "owns"),
                        Map.of("source", "customer:1", "target", 2, "type", "owns"))));
        runtime.define("ambiguous", inv -> Map.of(
                "nodes", List.of(Map.of("id", 1, "label", "customer"), Map.of("id", 1, "label", "account")),
                "edges", List.of(Map.of("source", 1, "target", "account:1", "type", "owns"))));
        runtime.define("same", inv -> inv.arguments().get(0));
        save("shared_edges", null, "shared", "same", OutputType.EDGES, OutputFormat.CSV, true);
        save("shared_nodes", null, "shared", "same", OutputType.NODES, OutputFormat.CSV, true);
        save("ambiguous", null, "ambiguous", "same", OutputType.EDGES, OutputFormat.CSV, true);

        assertThat(text(run(ALICE, "shared_edges", null, Map.of())))
                .isEqualTo("type,from,to\r\nowns,customer:1,account:1\r\nowns,customer:1,account:2\r\n");
        assertThat(text(run(ALICE, "shared_nodes", null, Map.of())))
                .isEqualTo("label,id,key\r\ncustomer,customer:1,1\r\naccount,account:1,1\r\naccount,account:2,2\r\n");
        assertThatThrownBy(() -> run(ALICE, "ambiguous", null, Map.of()))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.details()).containsEntry("labels", List.of("customer", "account")));
    }

    @Test
    void builtGraphsAreCheckedAndBounded() {
        runtime.define("dangling", inv -> Map.of("nodes", List.of(Map.of("id", 1)), "edges", List.of(Map.of("source", 1, "target", 9))));
        runtime.define("huge", inv -> {
            List<Map<String, Object>> nodes = new ArrayList<>();
            for (int i = 0; i < 1001; i++) {
                nodes.add(Map.of("id", i));
            }
            return Map.of("nodes", nodes);
        });
        runtime.define("noop", inv -> 1);
        save("dangling", null, "dangling", "noop", OutputType.JSON, OutputFormat.JSON, true);
        save("huge", null, "huge", "noop", OutputType.JSON, OutputFormat.JSON, true);
        assertThatThrownBy(() -> run(ALICE, "dangling", null, Map.of())).isInstanceOf(ValidationException.class).hasMessageContaining("9");
        assertThatThrownBy(() -> run(ALICE, "huge", null, Map.of())).isInstanceOf(ValidationException.class).hasMessageContaining("1000");
    }

    @Test
    void limitsAndPermissions() {
        runtime.define("big", inv -> "x".repeat(20_000));
        runtime.define("noop", inv -> 1);
        save("big", "small", null, "big", OutputType.JSON, OutputFormat.JSON, true);
        save("off", "small", null, "noop", OutputType.JSON, OutputFormat.JSON, false);
        assertThatThrownBy(() -> run(ALICE, "big", null, Map.of()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("output"));
        assertThat(runs.run(ALICE, new RunRequest("acme", "python", "big", null, null, null, null, Duration.ofMillis(1500), 50_000L))
                .body()).hasSize(20_002);
        assertThat(runtime.calls.getLast().limits().timeout()).isLessThanOrEqualTo(Duration.ofMillis(1500));
        assertThatThrownBy(() -> runs.run(ALICE, new RunRequest("acme", "python", "big", null, null, null, null, Duration.ofMinutes(1),
                null))).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("timeout"));
        assertThatThrownBy(() -> run(ALICE, "off", null, Map.of()))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("INVALID_STATE"));
        Actor dave = new Actor("dave", Set.of(Role.ANALYST), Set.of("acme"));
        save("perm", "small", null, "noop", OutputType.JSON, OutputFormat.JSON, true);
        assertThat(text(run(CAROL, "perm", null, Map.of()))).isEqualTo("1");
        assertThat(text(run(BOB, "perm", null, Map.of()))).isEqualTo("1");
        assertThatThrownBy(() -> run(dave, "perm", null, Map.of())).isInstanceOf(PermissionDeniedException.class);
        Actor outsider = new Actor("alice", Set.of(Role.ANALYST), Set.of("globex"));
        assertThatThrownBy(() -> run(outsider, "perm", null, Map.of())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> runs.run(ALICE, new RunRequest("acme", "js", "perm", null, null, null, null, null, null)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> runs.run(ALICE, new RunRequest("acme", "python", "perm", null, null, null, "gpu", null, null)))
                .isInstanceOfSatisfying(UnavailableException.class, e -> assertThat(e.getMessage()).contains("libcuda"));
        assertThat(runs.run(ALICE, new RunRequest("acme", "python", "perm", null, null, null, "auto", null, null)).engine()).isEqualTo("cpu");
    }

    @Test
    void librariesTheCodeImportsAreResolvedAtEachRun() {
        runtime.define("uses graphlib", inv -> inv.libraries());
        save("libs", "small", null, "uses graphlib", OutputType.JSON, OutputFormat.JSON, true);
        assertThatThrownBy(() -> run(ALICE, "libs", null, Map.of())).isInstanceOf(NotFoundException.class).hasMessageContaining("graphlib");
        libraries.put("graphlib", "v1");
        assertThat(run(ALICE, "libs", null, Map.of()).value()).isEqualTo(Map.of("graphlib", "v1"));
        libraries.put("graphlib", "v2");
        assertThat(run(ALICE, "libs", null, Map.of()).value()).isEqualTo(Map.of("graphlib", "v2"));
    }

    @Test
    void endpointsGetRequestUserAndSessionAndFindGivesParameters() {
        runtime.define("endpoint", inv -> {
            FunctionSession session = (FunctionSession) inv.arguments().get(2);
            GraphInstance g = session.loadDataset("large");
            return Map.of("path", ((Map<?, ?>) inv.arguments().get(0)).get("path"), "user", ((Map<?, ?>) inv.arguments().get(1)).get("name"),
                    "datasets", session.datasets().size(), "vertices", g.statistics().vertexCount());
        });
        UserFunction f = save("ep", null, null, "endpoint", OutputType.JSON, OutputFormat.JSON, true);
        Object value = runs.runEndpoint(CAROL, "acme", "ep", Map.of("path", "/x"), Map.of("name", "carol"), Duration.ofSeconds(2));
        assertThat(value).isEqualTo(Map.of("path", "/x", "user", "carol", "datasets", 2, "vertices", 5L));
        assertThat(runtime.calls.getLast().entry()).isEqualTo(EntryPoint.ENDPOINT);
        assertThat(runs.find(CAROL, "acme", f.uuid()).parameters()).containsExactly(new FunctionParameter("n", "INT"));
        assertThatThrownBy(() -> runs.find(new Actor("dave", Set.of(Role.ANALYST), Set.of("acme")), "acme", "ep"))
                .isInstanceOf(PermissionDeniedException.class);
    }

    /** The functions the tests save, found by uuid or alias. */
    static final class Functions implements FunctionRepository {
        private final List<UserFunction> saved = new CopyOnWriteArrayList<>();

        public UserFunction create(UserFunction f, Set<String> imports) {
            saved.add(f);
            return f;
        }

        public UserFunction update(UserFunction f, Set<String> imports) {
            throw new UnsupportedOperationException("runs never change a function");
        }

        public java.util.Optional<UserFunction> find(String organization, String uuidOrAlias) {
            return saved.stream().filter(f -> f.organization().equals(organization)
                    && (f.uuid().equals(uuidOrAlias) || uuidOrAlias.equals(f.alias()))).findFirst();
        }

        public Set<String> imports(String uuid) {
            return saved.stream().filter(f -> f.uuid().equals(uuid)).findFirst()
                    .map(f -> f.execute().startsWith("uses ") ? Set.of(f.execute().substring(5)) : Set.<String>of()).orElse(Set.of());
        }

        public boolean delete(String uuid) {
            return saved.removeIf(f -> f.uuid().equals(uuid));
        }

        public Page<UserFunction> list(String organization, String language, String editableBy, int offset, int limit) {
            throw new UnsupportedOperationException("runs never list functions");
        }

        public List<String> importersOf(String library, String organization, int limit) {
            return List.of();
        }
    }

    /** Runs "code" by name: each name is a Java function of the invocation; {@code uses X} imports library X. */
    static final class ScriptRuntime implements FunctionRuntime {
        private final Map<String, Function<Invocation, Object>> scripts = new ConcurrentHashMap<>();
        final List<Invocation> calls = new CopyOnWriteArrayList<>();

        void define(String name, Function<Invocation, Object> body) {
            scripts.put(name, body);
        }

        public Set<Language> languages() {
            return Set.of(Language.PYTHON, Language.JS);
        }

        public void check(Language language, String code, EntryPoint entry, String field) {
        }

        public Set<String> imports(Language language, String code) {
            return code.startsWith("uses ") ? Set.of(code.substring(5)) : Set.of();
        }

        public Object run(Invocation invocation) {
            calls.add(invocation);
            return scripts.get(invocation.code()).apply(invocation);
        }
    }

    /** The CPU engine, counting its loads. */
    static final class CountingEngine implements GraphEngine {
        private final GraphEngine engine;
        final AtomicInteger loads = new AtomicInteger();

        CountingEngine(GraphEngine engine) {
            this.engine = engine;
        }

        public EngineInfo info() {
            return engine.info();
        }

        public MemoryEstimate estimate(Path dir, LoadOptions options) {
            return engine.estimate(dir, options);
        }

        public GraphInstance load(Path dir, LoadOptions options, ProgressListener progress, CancellationToken cancel) {
            if (!dir.getFileName().toString().startsWith("graph-")) {
                loads.incrementAndGet();
            }
            return engine.load(dir, options, progress, cancel);
        }
    }
}
