package io.grapholap.application.udf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapholap.application.algorithm.GateExecutor;
import io.grapholap.application.algorithm.AlgorithmCommand;
import io.grapholap.application.algorithm.AlgorithmRunner;
import io.grapholap.application.algorithm.Execution;
import io.grapholap.application.algorithm.ExecutionMode;
import io.grapholap.application.algorithm.ExecutionStatus;
import io.grapholap.application.algorithm.Executions;
import io.grapholap.application.algorithm.FakeAlgorithmEngine;
import io.grapholap.application.algorithm.InstanceRuns;
import io.grapholap.application.algorithm.ReadExecutions;
import io.grapholap.application.algorithm.StartExecution;
import io.grapholap.application.dataplane.DataPlaneSettings;
import io.grapholap.application.graph.AlgorithmResult;
import io.grapholap.application.graph.CancellationToken;
import io.grapholap.application.graph.GraphEngine;
import io.grapholap.application.graph.GraphInstance;
import io.grapholap.application.instance.EngineChoice;
import io.grapholap.application.instance.LiveInstance;
import io.grapholap.application.instance.LiveInstances;
import io.grapholap.application.security.Actor;
import io.grapholap.domain.error.ConflictException;
import io.grapholap.domain.user.Role;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Algorithm calls from UDF code on a running instance go through the instance's algorithm lock and
 * leave an execution record, as HTTP starts do (over a fake engine; the kernels have their own tests).
 */
class HostSessionAlgorithmsTest {

    private static final Actor ANN = new Actor("ann", Set.of(Role.ANALYST), Set.of());

    private final FakeAlgorithmEngine engine = new FakeAlgorithmEngine("cpu", Set.of("pagerank", "wcc"), Map.of(),
            Set.of());
    private final LiveInstance live = new LiveInstance(7, "ann", "cpu", engine.graph(6));
    private final LiveInstances instances = (id, actor) -> live;
    private final DataPlaneSettings settings = new DataPlaneSettings(Duration.ofSeconds(30), Duration.ofMinutes(1), 100, 10_000,
            Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ZERO, 10, Duration.ofHours(1));
    private final Executions executions = new Executions(settings, Clock.systemUTC());
    private final AlgorithmRunner runner = new AlgorithmRunner(new EngineChoice(Map.<String, GraphEngine>of("cpu", engine),
            "cpu"), () -> Long.MAX_VALUE);
    private final InstanceRuns runs = new InstanceRuns(runner, executions);

    private HostSession session() {
        return new HostSession(ANN, engine, null, instances, null, null, runs, runner);
    }

    @Test
    void aCallOnARunningInstanceLeavesAnExecutionRecordOfOriginFunction() {
        try (HostSession session = session()) {
            GraphInstance g = session.instance(7);
            AlgorithmResult r = session.runAlgorithm(g, "pagerank", Map.of("iterations", 3), CancellationToken.create());
            assertThat(r.rowCount()).isEqualTo(6);
            String id = (String) r.stats().get("execution_id");
            Execution e = new ReadExecutions(instances, executions).get(ANN, 7, id);
            assertThat(e.status()).isEqualTo(ExecutionStatus.COMPLETED);
            assertThat(e.origin()).isEqualTo(InstanceRuns.FUNCTION);
            assertThat(e.algorithm()).isEqualTo("pagerank");
            assertThat(e.user()).isEqualTo("ann");
            assertThat(e.result().rowCount()).isEqualTo(6);
            assertThat(live.lockHolder()).isEmpty();
        }
    }

    @Test
    void aCallIsRefusedWhileAnHttpRunHoldsTheInstanceLockAndAnHttpStartWhileACallRuns() throws Exception {
        GateExecutor gate = new GateExecutor();
        StartExecution start = new StartExecution(instances, runs, settings, gate);
        Execution http = start.start(ANN, 7, new AlgorithmCommand("wcc", Map.of(), ExecutionMode.STREAM, null, null, null));
        assertThat(http.status()).isEqualTo(ExecutionStatus.RUNNING);
        try (HostSession session = session()) {
            GraphInstance g = session.instance(7);
            assertThatThrownBy(() -> session.runAlgorithm(g, "pagerank", Map.of(), CancellationToken.create()))
                    .isInstanceOfSatisfying(ConflictException.class, e -> {
                        assertThat(e.code()).isEqualTo("RESOURCE_LOCKED");
                        assertThat(e.details()).containsEntry("execution_id", http.executionId())
                                .containsEntry("algorithm", "wcc");
                    });
            gate.releaseAll();
            assertThat(engine.ran).containsExactly("wcc");

            engine.gate.drainPermits();
            Thread udf = Thread.ofPlatform().start(() -> session.runAlgorithm(g, "pagerank", Map.of(),
                    CancellationToken.create()));
            while (live.lockHolder().isEmpty()) {
                Thread.onSpinWait();
            }
            assertThat(live.lockHolder().orElseThrow().algorithm()).isEqualTo("pagerank");
            assertThatThrownBy(() -> start.start(ANN, 7, new AlgorithmCommand("wcc", Map.of(), ExecutionMode.STREAM,
                    null, null, null)))
                    .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("RESOURCE_LOCKED"));
            engine.gate.release(Integer.MAX_VALUE);
            udf.join();
            assertThat(live.lockHolder()).isEmpty();
        }
    }

    @Test
    void aCallOnAGraphTheRunBuiltTakesNoInstanceLock() {
        GraphInstance own = engine.graph(3);
        live.tryLock(new LiveInstance.LockHolder("bob", "wcc", "x", java.time.Instant.now()));
        try (HostSession session = session()) {
            assertThat(session.runAlgorithm(own, "wcc", Map.of(), CancellationToken.create()).rowCount()).isEqualTo(3);
        }
    }
}
