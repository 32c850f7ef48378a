package io.grapholap.application.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapholap.application.graph.AlgorithmResult;
import io.grapholap.application.graph.ExecutionContext;
import io.grapholap.application.graph.GraphEngine;
import io.grapholap.application.graph.algo.KCoreParams;
import io.grapholap.application.graph.algo.PageRankParams;
import io.grapholap.application.graph.algo.ParamSpec;
import io.grapholap.application.instance.EngineChoice;
import io.grapholap.domain.error.ConflictException;
import io.grapholap.domain.error.UnavailableException;
import io.grapholap.domain.error.ValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The one parse, the engine options, the engine choice with {@code engine=auto} and the memory check,
 * over fake engines: {@code dev} (a device engine: pagerank and degree, option {@code precision} for
 * pagerank) and {@code host} (everything, and it can run over {@code dev}'s graphs).
 */
class AlgorithmRunnerTest {

    static final ParamSpec PRECISION = ParamSpec.choice("precision", "fp64", List.of("fp64", "fp32"), "float width");

    private final FakeAlgorithmEngine dev = new FakeAlgorithmEngine("dev", Set.of("pagerank", "degree"),
            Map.of("pagerank", List.of(PRECISION)), Set.of());
    private final FakeAlgorithmEngine host = new FakeAlgorithmEngine("host",
            Set.of("pagerank", "degree", "wcc", "kcore"), Map.of(), Set.of("dev"));

    private AlgorithmRunner runner(long freeBytes, GraphEngine... engines) {
        Map<String, GraphEngine> byName = new LinkedHashMap<>();
        for (GraphEngine e : engines) {
            byName.put(e.info().name(), e);
        }
        return new AlgorithmRunner(new EngineChoice(byName, engines[0].info().name()), () -> freeBytes);
    }

    @Test
    void parsesOnceIntoTheTypedRecordWithTheEngineOptionsApart() {
        var graph = dev.graph(6);
        var runner = runner(1L << 30, dev, host);
        var plan = runner.plan(graph, "pagerank", Map.of("iterations", 5, "precision", "FP32"), false, 2);
        assertThat(plan.params()).isEqualTo(new PageRankParams(0.85, 5));
        assertThat(plan.engineOptions()).containsExactly(Map.entry("precision", "fp32"));
        assertThat(plan.engine()).isEqualTo("dev");

        runner.run(graph, plan, ExecutionContext.of(2));
        assertThat(dev.lastContext.engineOption("precision")).isEqualTo("fp32");
        runner.run(graph, runner.plan(graph, "pagerank", Map.of(), false, 2), ExecutionContext.of(2));
        assertThat(dev.lastContext.engineOption("precision")).as("the declared default").isEqualTo("fp64");
    }

    @Test
    void anOptionIsRefusedNamingItWhereTheEngineDoesNotOfferIt() {
        var runner = runner(1L << 30, host, dev);
        assertThatThrownBy(() -> runner.plan(host.graph(6), "pagerank", Map.of("precision", "fp32"), false, 2))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("precision");
                    assertThat(e.getMessage()).contains("dev engine").contains("held by the host engine");
                });
        assertThatThrownBy(() -> runner.plan(dev.graph(6), "pagerank", Map.of("precision", "fp16"), false, 2))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("precision"));
        assertThatThrownBy(() -> runner.plan(dev.graph(6), "degree", Map.of("precision", "fp32"), false, 2))
                .as("precision is declared for pagerank only")
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("precision"));
        assertThatThrownBy(() -> runner.plan(dev.graph(6), "pagerank", Map.of("dampening", 0.5), false, 2))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("dampening"));
    }

    @Test
    void anAlgorithmTheEngineLacksIsRefusedWithoutAutoAndRunByAnotherEngineOverTheSameGraphWithIt() {
        var graph = dev.graph(6);
        var runner = runner(1L << 30, dev, host);
        assertThatThrownBy(() -> runner.plan(graph, "kcore", Map.of(), false, 2))
                .isInstanceOfSatisfying(UnavailableException.class, e -> {
                    assertThat(e.code()).isEqualTo("ALGORITHM_NOT_SUPPORTED_ON_ENGINE");
                    assertThat(e.details()).containsEntry("engine", "dev").containsEntry("algorithm", "kcore");
                    assertThat(e.getMessage()).contains("engine=auto");
                });

        var plan = runner.plan(graph, "kcore", Map.of("k", 1), true, 2);
        assertThat(plan.engine()).isEqualTo("host");
        AlgorithmResult r = runner.run(graph, plan, ExecutionContext.of(2));
        assertThat(r.engine()).isEqualTo("host");
        assertThat(r.stats()).containsEntry("requested_engine", "dev")
                .containsEntry("fallback_reason", "the dev engine does not run kcore")
                .containsEntry("params", new KCoreParams(1).toString());
        assertThat(host.ran).containsExactly("kcore");
        assertThat(dev.ran).isEmpty();
    }

    @Test
    void theFallbackSkipsEnginesThatAreUnavailableOrCannotReachTheGraph() {
        var graph = dev.graph(6);
        var blind = new FakeAlgorithmEngine("blind", Set.of("kcore"), Map.of(), Set.of());
        host.available = false;
        assertThatThrownBy(() -> runner(1L << 30, dev, blind, host).plan(graph, "kcore", Map.of(), true, 2))
                .isInstanceOfSatisfying(UnavailableException.class, e -> {
                    assertThat(e.code()).isEqualTo("ALGORITHM_NOT_SUPPORTED_ON_ENGINE");
                    assertThat(e.getMessage()).contains("no other engine can run it over this graph");
                });
        host.available = true;
        assertThat(runner(1L << 30, dev, blind, host).plan(graph, "kcore", Map.of(), true, 2).engine()).isEqualTo("host");
    }

    @Test
    void aRunWhoseEstimateIsOverTheFreeMemoryIsRefusedWith409SayingNeededAndAvailable() {
        var graph = dev.graph(1_000);
        long needed = new PageRankParams(0.85, 20).definition()
                .memoryBytesOf(new io.grapholap.application.graph.algo.GraphShape(1_000, 1_000, 2),
                        new PageRankParams(0.85, 20));
        assertThat(runner(needed, dev).plan(graph, "pagerank", Map.of(), false, 2).neededBytes()).isEqualTo(needed);
        assertThatThrownBy(() -> runner(needed - 1, dev).plan(graph, "pagerank", Map.of(), false, 2))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo("MEMORY_LIMIT_EXCEEDED");
                    assertThat(e.details()).containsEntry("needed_bytes", needed)
                            .containsEntry("available_bytes", needed - 1).containsEntry("algorithm", "pagerank");
                });
        assertThat(dev.ran).isEmpty();
    }

    @Test
    void theServersFreeMemoryIsTheHeapLessWhatSurvivedTheLastCollection() {
        System.gc();
        long available = HostMemory.jvmHeap().availableBytes();
        assertThat(available).isPositive().isLessThanOrEqualTo(Runtime.getRuntime().maxMemory());
    }
}
