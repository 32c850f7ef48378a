package io.grapholap.rest.dataplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.grapholap.application.algorithm.GateExecutor;
import io.grapholap.application.common.ConcurrencyLimit;
import io.grapholap.application.algorithm.AlgorithmCommand;
import io.grapholap.application.algorithm.AlgorithmRunner;
import io.grapholap.application.algorithm.CancelExecution;
import io.grapholap.application.algorithm.Execution;
import io.grapholap.application.algorithm.ExecutionMode;
import io.grapholap.application.algorithm.ExecutionStatus;
import io.grapholap.application.algorithm.Executions;
import io.grapholap.application.algorithm.InstanceRuns;
import io.grapholap.application.algorithm.QueryAlgorithmCalls;
import io.grapholap.application.algorithm.ReadExecutions;
import io.grapholap.application.algorithm.StartExecution;
import io.grapholap.application.dataplane.DataPlaneSettings;
import io.grapholap.application.dataplane.QueryUseCase;
import io.grapholap.application.dataplane.SchemaUseCase;
import io.grapholap.application.graph.CancellationToken;
import io.grapholap.application.graph.GraphEngine;
import io.grapholap.application.graph.GraphInstance;
import io.grapholap.application.graph.LoadOptions;
import io.grapholap.application.graph.ProgressListener;
import io.grapholap.application.graph.ValueType;
import io.grapholap.application.graph.snapshot.ColumnSpec;
import io.grapholap.application.graph.snapshot.SnapshotSource;
import io.grapholap.application.graph.snapshot.SnapshotWriter;
import io.grapholap.application.graph.snapshot.TableWriter;
import io.grapholap.application.instance.EngineChoice;
import io.grapholap.application.instance.LiveInstance;
import io.grapholap.application.instance.LiveInstances;
import io.grapholap.application.security.Actor;
import io.grapholap.domain.error.ConflictException;
import io.grapholap.domain.error.DomainException;
import io.grapholap.domain.error.NotFoundException;
import io.grapholap.domain.error.OperationTimeoutException;
import io.grapholap.domain.error.PermissionDeniedException;
import io.grapholap.domain.error.RateLimitedException;
import io.grapholap.domain.error.ValidationException;
import io.grapholap.domain.user.Role;
import io.grapholap.engine.cpu.CpuGraphEngine;
import io.grapholap.snapshot.arrow.ArrowSnapshotWriterFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data-plane use cases over the real CPU engine: a small snapshot is written and loaded, and a
 * map of instance id to loaded graph stands in for the instance lifecycle.
 */
class DataPlaneUseCasesTest {

    private static final ConcurrencyLimit QUERIES = new ConcurrencyLimit("queries", "user", 16, 8);

    private static final Actor ANN = new Actor("ann", Set.of(Role.ANALYST), Set.of());
    private static final Actor BOB = new Actor("bob", Set.of(Role.ANALYST), Set.of());
    private static final Actor ADMIN = new Actor("root", Set.of(Role.ADMIN), Set.of());

    @TempDir
    Path tmp;

    private BufferAllocator allocator;
    private CpuGraphEngine engine;
    private GraphInstance graph;
    private final Map<Long, LiveInstance> running = new HashMap<>();
    private final LiveInstances instances = (id, actor) -> {
        LiveInstance i = running.get(id);
        if (i == null) {
            throw new NotFoundException("instance", id);
        }
        return i;
    };
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @BeforeEach
    void load() {
        allocator = new RootAllocator();
        Path dir = tmp.resolve("people");
        // person ann, bob, cat, dan (age; dan's null); city 100, 200
        // knows: ann→bob, bob→cat, ann→cat, cat→dan; lives_in: ann→100, bob→100, cat→200
        try (SnapshotWriter w = new ArrowSnapshotWriterFactory(allocator, 3, Clock.systemUTC())
                .create(dir, SnapshotSource.dataset("people"))) {
            try (TableWriter t = w.beginNodes("person", ColumnSpec.of("name", ValueType.STRING),
                    List.of(ColumnSpec.of("age", ValueType.INT32)))) {
                t.append("ann", 31);
                t.append("bob", 42);
                t.append("cat", 27);
                t.append("dan", null);
            }
            try (TableWriter t = w.beginNodes("city", ColumnSpec.of("id", ValueType.INT64), List.of())) {
                t.append(100L);
                t.append(200L);
            }
            try (TableWriter t = w.beginEdges("knows", "person", "person", ColumnSpec.of("src", ValueType.STRING),
                    ColumnSpec.of("dst", ValueType.STRING), List.of())) {
                t.append("ann", "bob");
                t.append("bob", "cat");
                t.append("ann", "cat");
                t.append("cat", "dan");
            }
            try (TableWriter t = w.beginEdges("lives_in", "person", "city", ColumnSpec.of("p", ValueType.STRING),
                    ColumnSpec.of("c", ValueType.INT64), List.of())) {
                t.append("ann", 100L);
                t.append("bob", 100L);
                t.append("cat", 200L);
            }
            w.finish();
        }
        engine = new CpuGraphEngine(allocator, 2);
        graph = engine.load(dir, LoadOptions.defaults().withParallelism(2),
                ProgressListener.NONE, CancellationToken.create());
        running.put(7L, new LiveInstance(7L, "ann", "cpu", graph));
    }

    @AfterEach
    void close() {
        pool.shutdownNow();
        graph.close();
        allocator.close();
    }

    private static DataPlaneSettings settings(int maxRows, Duration syncWait, int maxExecutions) {
        return new DataPlaneSettings(Duration.ofSeconds(30), Duration.ofMinutes(1), maxRows, Math.max(maxRows, 10_000), Duration.ofSeconds(30),
                Duration.ofMinutes(1), syncWait, maxExecutions, Duration.ofHours(1));
    }

    /** The algorithm use cases as the server wires them, over the real CPU engine. */
    private record Algorithms(StartExecution starts, ReadExecutions reads, CancelExecution cancels) {
        Execution start(Actor actor, long id, AlgorithmCommand command) {
            return starts.start(actor, id, command);
        }

        Execution get(Actor actor, long id, String execution) {
            return reads.get(actor, id, execution);
        }

        Execution result(Actor actor, long id, String execution) {
            return reads.result(actor, id, execution);
        }

        ReadExecutions.LockStatus lock(Actor actor, long id) {
            return reads.lock(actor, id);
        }

        Execution cancel(Actor actor, long id, String execution) {
            return cancels.cancel(actor, id, execution);
        }
    }

    private Algorithms algorithms(DataPlaneSettings settings, Executor executor, Clock clock) {
        AlgorithmRunner runner = new AlgorithmRunner(new EngineChoice(Map.<String, GraphEngine>of("cpu", engine), "cpu"),
                () -> Long.MAX_VALUE);
        Executions executions = new Executions(settings, clock);
        return new Algorithms(new StartExecution(instances, new InstanceRuns(runner, executions), settings, executor),
                new ReadExecutions(instances, executions), new CancelExecution(executions));
    }

    /** Algorithm runs on the test's engine, for the queries that call algorithms. */
    private InstanceRuns runs() {
        return new InstanceRuns(new AlgorithmRunner(new EngineChoice(Map.<String, GraphEngine>of("cpu", engine), "cpu"),
                () -> Long.MAX_VALUE), new Executions(settings(100, Duration.ZERO, 10), Clock.systemUTC()));
    }

    private Algorithms algorithms() {
        return algorithms(settings(100, Duration.ofSeconds(30), 10), pool, Clock.systemUTC());
    }

    private static AlgorithmCommand command(String algorithm, Map<String, Object> params, String mode, String property) {
        return new AlgorithmCommand(algorithm, params, ExecutionMode.parse(mode), property, null, null);
    }

    // ---- queries and schema ----

    @Test
    void queryBindsParametersAndSaysWhichEngineRan() {
        QueryUseCase queries = new QueryUseCase(instances, (user, instance) -> new QueryAlgorithmCalls(runs(), user, instance), settings(100, Duration.ZERO, 10), QUERIES);
        var outcome = queries.run(ANN, 7, new QueryUseCase.Command("g.V(who).out('knows').id()", Map.of("who", "ann"), null, null));
        assertThat(outcome.engine()).isEqualTo("cpu");
        assertThat(outcome.result().rows()).containsExactlyInAnyOrder(List.of("person:bob"), List.of("person:cat"));
        assertThat(outcome.result().truncated()).isFalse();
    }

    @Test
    void queryRowsStopAtTheLimitAndSayTruncated() {
        QueryUseCase queries = new QueryUseCase(instances, (user, instance) -> new QueryAlgorithmCalls(runs(), user, instance), settings(2, Duration.ZERO, 10), QUERIES);
        var result = queries.run(ANN, 7, new QueryUseCase.Command("g.V()", null, null, null)).result();
        assertThat(result.rows()).hasSize(2);
        assertThat(result.truncated()).isTrue();
    }

    @Test
    void aUserPastTheQueriesInProgressIsRefusedWith429AndTheOthersGoOn() {
        ConcurrencyLimit limit = new ConcurrencyLimit("queries", "user", 2, 1);
        QueryUseCase queries = new QueryUseCase(instances, (user, instance) -> new QueryAlgorithmCalls(runs(), user, instance), settings(100, Duration.ZERO, 10), limit);
        try (ConcurrencyLimit.Permit annsOther = limit.acquire(ANN.username())) {
            assertThatThrownBy(() -> queries.run(ANN, 7, new QueryUseCase.Command("g.V().count()", null, null, null)))
                    .isInstanceOf(RateLimitedException.class).hasMessageContaining("user ann")
                    .extracting(e -> ((RateLimitedException) e).code()).isEqualTo("CONCURRENCY_LIMIT_EXCEEDED");
            assertThat(queries.run(BOB, 7, new QueryUseCase.Command("g.V().count()", null, null, null)).result().rows()).hasSize(1);
            try (ConcurrencyLimit.Permit bobsOther = limit.acquire(BOB.username())) {
                assertThatThrownBy(() -> queries.run(new Actor("cy", ANN.roles(), ANN.organizations()), 7,
                        new QueryUseCase.Command("g.V().count()", null, null, null)))
                        .isInstanceOf(RateLimitedException.class).hasMessageContaining("the server already has 2 queries");
            }
        }
        assertThat(limit.running()).isZero();
        assertThat(queries.run(ANN, 7, new QueryUseCase.Command("g.V().count()", null, null, null)).result().rows()).hasSize(1);
    }

    @Test
    void badQueryInputNamesTheField() {
        QueryUseCase queries = new QueryUseCase(instances, (user, instance) -> new QueryAlgorithmCalls(runs(), user, instance), settings(100, Duration.ZERO, 10), QUERIES);
        assertThatThrownBy(() -> queries.run(ANN, 7, new QueryUseCase.Command("g.V()", null, 60_001L, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("timeout_ms"));
        assertThatThrownBy(() -> new QueryUseCase.Command(" ", null, null, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("query"));
        assertThatThrownBy(() -> new QueryUseCase.Command("g.V()", Map.of("not a name", 1), null, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("parameters"));
        assertThatThrownBy(() -> queries.run(ANN, 7, new QueryUseCase.Command("g.V(", null, null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("query"));
        assertThatThrownBy(() -> queries.run(ANN, 8, new QueryUseCase.Command("g.V()", null, null, null)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void schemaListsLabelsTypesAndCounts() {
        var outcome = new SchemaUseCase(instances).get(ANN, 7);
        assertThat(outcome.engine()).isEqualTo("cpu");
        assertThat(outcome.schema().labels()).extracting(l -> l.name() + ":" + l.count()).containsExactly("person:4", "city:2");
        assertThat(outcome.schema().edgeTypes()).extracting(t -> t.name() + ":" + t.fromLabel() + "->" + t.toLabel() + ":" + t.count())
                .containsExactly("knows:person->person:4", "lives_in:person->city:3");
        assertThat(outcome.statistics().vertexCount()).isEqualTo(6);
    }

    // ---- algorithm modes ----

    @Test
    void streamGivesOneRowPerVertexWithTheEngine() {
        Execution e = algorithms().start(ANN, 7, command("degree", Map.of("direction", "out"), "stream", null));
        assertThat(e.status()).isEqualTo(ExecutionStatus.COMPLETED);
        assertThat(e.engine()).isEqualTo("cpu");
        assertThat(e.result().columns()).containsExactly("id", "label", "key", "degree");
        assertThat(e.result().rows()).containsExactlyInAnyOrder(List.of("person:ann", "person", "ann", 3L),
                List.of("person:bob", "person", "bob", 2L), List.of("person:cat", "person", "cat", 2L),
                List.of("person:dan", "person", "dan", 0L), List.of("city:100", "city", 100L, 0L),
                List.of("city:200", "city", 200L, 0L));
        assertThat(e.result().truncated()).isFalse();
    }

    @Test
    void streamRowsStopAtTheLimit() {
        var algorithms = algorithms(settings(4, Duration.ofSeconds(30), 10), pool, Clock.systemUTC());
        Execution e = algorithms.start(ANN, 7, command("pagerank", Map.of(), null, null));
        assertThat(e.result().rows()).hasSize(4);
        assertThat(e.result().rowCount()).isEqualTo(6);
        assertThat(e.result().truncated()).isTrue();
    }

    @Test
    void statsSummariseTheValueColumn() {
        Execution e = algorithms().start(ANN, 7, command("degree", Map.of(), "stats", null));
        // out-degrees 3, 2, 2, 0, 0, 0
        assertThat(e.result().stats()).containsEntry("count", 6L).containsEntry("min", 0L).containsEntry("max", 3L)
                .containsEntry("distinct_count", 3L).containsEntry("p50", 0L).containsEntry("null_count", 0L);
        assertThat((Double) e.result().stats().get("mean")).isCloseTo(7.0 / 6, within(1e-12));
        assertThat(e.result().rows()).isEmpty();

        Execution bfs = algorithms().start(ANN, 7, command("bfs", Map.of("source", "ann"), "stats", null));
        // depths ann 0, bob 1, cat 1, city 100 1, dan 2, city 200 2
        assertThat(bfs.result().stats()).containsEntry("unreachable_count", 0L).containsEntry("max", 2L);
        Execution louvain = algorithms().start(ANN, 7, command("louvain", Map.of(), "stats", null));
        assertThat(louvain.result().stats()).containsKey("modularity");
    }

    @Test
    void mutateStoresAPropertyThatQueriesRead() {
        Execution e = algorithms().start(ANN, 7, command("pagerank", Map.of(), "mutate", "pagerank"));
        assertThat(e.status()).isEqualTo(ExecutionStatus.COMPLETED);
        assertThat(e.result().mutateProperty()).isEqualTo("pagerank");
        assertThat(e.result().verticesWritten()).isEqualTo(6);
        QueryUseCase queries = new QueryUseCase(instances, (user, instance) -> new QueryAlgorithmCalls(runs(), user, instance), settings(100, Duration.ZERO, 10), QUERIES);
        assertThat(queries.run(ANN, 7, new QueryUseCase.Command("g.V().has('pagerank', gt(0.1)).count()", null, null, null))
                .result().rows()).containsExactly(List.of(6L));
        assertThat(graph.nodes("person").columnNames()).containsExactly("id", "key", "age", "pagerank");
    }

    @Test
    void badAlgorithmInputNamesTheField() {
        var algorithms = algorithms();
        assertField(() -> command("nope", Map.of(), null, null), "algorithm");
        assertField(() -> command("pagerank", Map.of(), "sideways", null), "mode");
        assertField(() -> command("pagerank", Map.of(), "mutate", null), "mutate_property");
        assertField(() -> command("pagerank", Map.of(), "stream", "pr"), "mutate_property");
        // parsed once at the start, against the algorithm and the instance's engine
        assertField(() -> algorithms.start(ANN, 7, command("pagerank", Map.of("damping", 2.0), null, null)), "damping");
        assertField(() -> algorithms.start(ANN, 7, command("pagerank", Map.of("precision", "fp32"), null, null)),
                "precision");
        assertField(() -> algorithms.start(ANN, 7, command("shortest_path", Map.of("source", "ann", "target", "dan"),
                "mutate", "p")), "mode");
        assertField(() -> algorithms.start(ANN, 7, command("kcore", Map.of("k", 1), "mutate", "p")), "mode");
        // checked by the engine while the request waits
        assertField(() -> algorithms.start(ANN, 7, command("bfs", Map.of("source", "zed"), null, null)), "source");
        assertField(() -> algorithms.start(ANN, 7, command("pagerank", Map.of(), "mutate", "age")), "mutate_property");
        assertField(() -> algorithms.start(ANN, 7, new AlgorithmCommand("pagerank", Map.of(), ExecutionMode.STREAM, null, 0L, null)),
                "timeout_ms");
        assertField(() -> algorithms.start(ANN, 7, new AlgorithmCommand("pagerank", Map.of(), ExecutionMode.STREAM, null, null, "gpu")),
                "engine");
        assertThatThrownBy(() -> algorithms.start(BOB, 7, command("pagerank", Map.of(), "mutate", "pr")))
                .isInstanceOf(PermissionDeniedException.class);
    }

    private static void assertField(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    // ---- lock, executions, cancel, timeout, retention ----

    @Test
    void secondAlgorithmOnAnInstanceIsLockedOutWithTheHolderWhileQueriesRun() {
        GateExecutor gate = new GateExecutor();
        var algorithms = algorithms(settings(100, Duration.ZERO, 10), gate, Clock.systemUTC());
        Execution first = algorithms.start(ANN, 7, command("pagerank", Map.of(), null, null));
        assertThat(first.status()).isEqualTo(ExecutionStatus.RUNNING);
        assertThat(first.executionId()).isNotBlank();

        assertThatThrownBy(() -> algorithms.start(BOB, 7, command("wcc", Map.of(), null, null)))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo("RESOURCE_LOCKED");
                    assertThat(e.details()).containsEntry("holder_id", "ann").containsEntry("algorithm", "pagerank")
                            .containsEntry("execution_id", first.executionId()).containsKey("locked_at");
                });
        var lock = algorithms.lock(BOB, 7);
        assertThat(lock.locked()).isTrue();
        assertThat(lock.executionId()).isEqualTo(first.executionId());
        QueryUseCase queries = new QueryUseCase(instances, (user, instance) -> new QueryAlgorithmCalls(runs(), user, instance), settings(100, Duration.ZERO, 10), QUERIES);
        assertThat(queries.run(BOB, 7, new QueryUseCase.Command("g.V().count()", null, null, null)).result().rows())
                .containsExactly(List.of(6L));
        assertThatThrownBy(() -> algorithms.result(ANN, 7, first.executionId()))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("INVALID_STATE"));

        gate.releaseAll();
        Execution done = algorithms.result(ANN, 7, first.executionId());
        assertThat(done.status()).isEqualTo(ExecutionStatus.COMPLETED);
        assertThat(done.result().rowCount()).isEqualTo(6);
        assertThat(algorithms.lock(ANN, 7).locked()).isFalse();
        assertThat(algorithms.start(BOB, 7, command("wcc", Map.of(), null, null)).status()).isEqualTo(ExecutionStatus.RUNNING);
    }

    @Test
    void cancelStopsARunningExecution() {
        GateExecutor gate = new GateExecutor();
        var algorithms = algorithms(settings(100, Duration.ZERO, 10), gate, Clock.systemUTC());
        Execution e = algorithms.start(ANN, 7, command("pagerank", Map.of("iterations", 100), null, null));
        assertThatThrownBy(() -> algorithms.cancel(BOB, 7, e.executionId())).isInstanceOf(NotFoundException.class);
        algorithms.cancel(ANN, 7, e.executionId());
        gate.releaseAll();
        Execution after = algorithms.get(ADMIN, 7, e.executionId());
        assertThat(after.status()).isEqualTo(ExecutionStatus.CANCELLED);
        assertThat(after.error().code()).isEqualTo("CANCELLED");
        assertThat(algorithms.lock(ANN, 7).locked()).isFalse();
    }

    @Test
    void runPastItsTimeoutFailsWithTimeout() throws InterruptedException {
        GateExecutor gate = new GateExecutor();
        var algorithms = algorithms(settings(100, Duration.ZERO, 10), gate, Clock.systemUTC());
        Execution e = algorithms.start(ANN, 7, new AlgorithmCommand("pagerank", Map.of(), ExecutionMode.STREAM, null, 1L, null));
        Thread.sleep(20);
        gate.releaseAll();
        assertThat(algorithms.get(ANN, 7, e.executionId()).error().code()).isEqualTo("TIMEOUT");
        assertThatThrownBy(() -> algorithms.result(ANN, 7, e.executionId())).isInstanceOf(OperationTimeoutException.class);
    }

    @Test
    void finishedExecutionsAreDroppedByCountAndAge() {
        MutableClock clock = new MutableClock();
        var algorithms = algorithms(settings(100, Duration.ofSeconds(30), 2), pool, clock);
        Execution a = algorithms.start(ANN, 7, command("wcc", Map.of(), null, null));
        Execution b = algorithms.start(ANN, 7, command("wcc", Map.of(), null, null));
        Execution c = algorithms.start(ANN, 7, command("wcc", Map.of(), null, null));
        assertThatThrownBy(() -> algorithms.get(ANN, 7, a.executionId())).isInstanceOf(NotFoundException.class);
        assertThat(algorithms.get(ANN, 7, b.executionId()).status()).isEqualTo(ExecutionStatus.COMPLETED);
        clock.now = clock.now.plus(Duration.ofHours(2));
        assertThatThrownBy(() -> algorithms.get(ANN, 7, c.executionId())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> algorithms.get(ANN, 8, b.executionId())).isInstanceOf(DomainException.class);
    }

    private static final class MutableClock extends Clock {
        volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
