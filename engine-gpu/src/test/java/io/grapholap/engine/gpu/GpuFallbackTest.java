package io.grapholap.engine.gpu;

import io.grapholap.application.graph.AlgorithmResult;
import io.grapholap.application.graph.EngineInfo;
import io.grapholap.application.graph.ExecutionContext;
import io.grapholap.application.graph.algo.AlgorithmRegistry;
import io.grapholap.domain.error.UnavailableException;
import io.grapholap.domain.error.ValidationException;
import io.grapholap.engine.cpu.CpuGraphEngine;
import io.grapholap.graph.csr.CsrGraph;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the GPU instance does with algorithms that have no kernel, decided before any device work
 * (so it runs without a GPU: the instance here has no device behind it): it refuses them, and it lets
 * the CPU engine run them over its host graph, which is what the application's {@code engine=auto}
 * fallback does.
 */
@SuppressWarnings("unchecked")
class GpuFallbackTest {

    // two triangles joined by one edge: 0-1-2 and 3-4-5, bridge 2-3
    private final CsrGraph graph = CsrGraph.fromEdges(6, false,
            new int[][] {{0, 1}, {1, 2}, {2, 0}, {3, 4}, {4, 5}, {5, 3}, {2, 3}});
    private final GpuGraphInstance instance = new GpuGraphInstance(null, graph, new HostGraphs.CpuInstance(graph), null);

    @Test
    void anAlgorithmWithoutKernelIsRefusedWithItsCode() {
        assertThatThrownBy(() -> instance.run(AlgorithmRegistry.parse("louvain", Map.of()), ExecutionContext.of(1)))
                .isInstanceOfSatisfying(UnavailableException.class, e -> {
                    assertThat(e.code()).isEqualTo("ALGORITHM_NOT_SUPPORTED_ON_ENGINE");
                    assertThat(e.getMessage()).contains("louvain").contains("engine=auto");
                    assertThat(e.details()).containsEntry("algorithm", "louvain").containsEntry("engine", "gpu");
                    assertThat((List<Object>) e.details().get("supported")).contains("pagerank", "bfs", "wcc", "sssp",
                            "cdlp", "lcc", "degree", "triangle_count");
                });
    }

    @Test
    void theCpuEngineRunsAnAlgorithmWithoutKernelOverTheInstancesHostGraph() {
        try (RootAllocator allocator = new RootAllocator()) {
            CpuGraphEngine cpu = new CpuGraphEngine(allocator, 1);
            assertThat(cpu.canRunOver(instance)).isTrue();
            AlgorithmResult r = cpu.runOver(instance, AlgorithmRegistry.parse("kcore", Map.of()), ExecutionContext.of(1));

            assertThat(r.engine()).isEqualTo("cpu");
            // every vertex of two triangles is in the 2-core
            assertThat(r.column("core").get(0)).isEqualTo(2);
            assertThat(r.rowCount()).isEqualTo(6);
        }
    }

    @Test
    void theEngineAdvertisesItsKernelsAndThePrecisionOptionOfPagerank() {
        EngineInfo info = new GpuGraphEngine(null, () -> CudaAvailability.unavailable("no device in this test")).info();
        assertThat(info.algorithms()).containsExactly("bfs", "cdlp", "degree", "lcc", "pagerank", "sssp",
                "triangle_count", "wcc");
        assertThat(info.options("pagerank")).extracting(p -> p.name() + ":" + p.defaultValue() + ":" + p.allowed())
                .containsExactly("precision:fp64:[fp64, fp32]");
        assertThat(info.options("bfs")).isEmpty();
    }

    @Test
    void precisionIsCheckedBeforeAnyDeviceWork() {
        assertThat(GpuAlgorithms.Precision.of(ExecutionContext.of(1))).isEqualTo(GpuAlgorithms.Precision.FP64);
        assertThat(GpuAlgorithms.Precision.of(ExecutionContext.of(1).withEngineOptions(Map.of("precision", "fp32"))))
                .isEqualTo(GpuAlgorithms.Precision.FP32);
        assertThatThrownBy(() -> GpuAlgorithms.Precision.of(ExecutionContext.of(1)
                .withEngineOptions(Map.of("precision", "fp16"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("precision"));
    }

    @Test
    void theInstanceNamesTheGpuEngine() {
        assertThat(instance.engine()).isEqualTo("gpu");
        assertThat(instance.parallelism()).isEqualTo(2);
        assertThat(instance.hostGraph()).isSameAs(graph);
    }
}
