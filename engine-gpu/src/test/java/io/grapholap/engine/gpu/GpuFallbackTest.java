package io.grapholap.engine.gpu;

import io.grapholap.application.graph.AlgorithmResult;
import io.grapholap.application.graph.ExecutionContext;
import io.grapholap.domain.error.UnavailableException;
import io.grapholap.domain.error.ValidationException;
import io.grapholap.graph.csr.CsrGraph;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the GPU instance does with algorithms that have no kernel, decided before any device work
 * (so it runs without a GPU: the instance here has no device behind it).
 */
@SuppressWarnings("unchecked")
class GpuFallbackTest {

    // two triangles joined by one edge: 0-1-2 and 3-4-5, bridge 2-3
    private final CsrGraph graph = CsrGraph.fromEdges(6, false,
            new int[][] {{0, 1}, {1, 2}, {2, 0}, {3, 4}, {4, 5}, {5, 3}, {2, 3}});
    private final GpuGraphInstance instance = new GpuGraphInstance(null, graph, new HostGraphs.CpuInstance(graph), null);

    @Test
    void anAlgorithmWithoutKernelIsRefusedWithItsCode() {
        assertThatThrownBy(() -> instance.runAlgorithm("louvain", Map.of(), ExecutionContext.of(1)))
                .isInstanceOfSatisfying(UnavailableException.class, e -> {
                    assertThat(e.code()).isEqualTo("ALGORITHM_NOT_SUPPORTED_ON_ENGINE");
                    assertThat(e.getMessage()).contains("louvain").contains("engine=auto");
                    assertThat(e.details()).containsEntry("algorithm", "louvain").containsEntry("engine", "gpu");
                    assertThat((List<Object>) e.details().get("supported")).contains("pagerank", "bfs", "wcc", "sssp",
                            "cdlp", "lcc", "degree", "triangle_count");
                });
    }

    @Test
    void engineAutoRunsItOnTheCpuAndSaysSo() {
        AlgorithmResult r = instance.runAlgorithm("kcore", Map.of(), ExecutionContext.of(1).withCpuFallback(true));

        assertThat(r.engine()).isEqualTo("cpu");
        assertThat(r.stats()).containsEntry("requested_engine", "gpu")
                .containsEntry("fallback_reason", "no GPU kernel for kcore");
        // every vertex of two triangles is in the 2-core
        assertThat(r.column("core").get(0)).isEqualTo(2);
        assertThat(r.rowCount()).isEqualTo(6);
    }

    @Test
    void parametersAreValidatedBeforeAnyDeviceWork() {
        assertThatThrownBy(() -> instance.runAlgorithm("pagerank", Map.of("precision", "fp16"), ExecutionContext.of(1)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("precision"));
        assertThatThrownBy(() -> instance.runAlgorithm("pagerank", Map.of("damping", 1.5), ExecutionContext.of(1)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("damping"));
        assertThatThrownBy(() -> instance.runAlgorithm("no_such_algorithm", Map.of(), ExecutionContext.of(1)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("algorithm"));
    }

    @Test
    void theInstanceNamesTheGpuEngine() {
        assertThat(instance.engine()).isEqualTo("gpu");
        assertThat(instance.parallelism()).isEqualTo(2);
    }
}
