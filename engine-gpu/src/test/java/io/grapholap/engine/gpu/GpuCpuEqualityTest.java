package io.grapholap.engine.gpu;

import io.grapholap.application.graph.AlgorithmResult;
import io.grapholap.application.graph.Column;
import io.grapholap.application.graph.ExecutionContext;
import io.grapholap.application.graph.algo.AlgorithmParams;
import io.grapholap.application.graph.algo.AlgorithmRegistry;
import io.grapholap.application.graph.GraphInstance;
import io.grapholap.application.graph.ProgressListener;
import io.grapholap.engine.cpu.algo.CpuAlgorithms;
import io.grapholap.graph.csr.CsrGraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GPU results equal the CPU engine's on random graphs: integer columns exactly, floating-point
 * columns within 1e-6 relative. Skipped, with the reason printed, without a GPU.
 */
class GpuCpuEqualityTest {

    private static GpuGraphEngine engine;

    @BeforeEach
    void requireGpu() {
        GpuAssumptions.assumeGpu("GpuCpuEqualityTest");
        if (engine == null) {
            engine = new GpuGraphEngine(null);
        }
    }

    @AfterAll
    static void close() {
        if (engine != null) {
            engine.close();
        }
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        List<CsrGraph> graphs = List.of(HostGraphs.random(1, 200, 1_000, true), HostGraphs.random(2, 200, 1_000, false),
                HostGraphs.random(3, 3_000, 40_000, true), HostGraphs.random(4, 3_000, 40_000, false),
                HostGraphs.random(5, 5_000, 4_000, true), HostGraphs.randomKeyed(6, 500, 3_000, true, false),
                HostGraphs.randomKeyed(7, 500, 3_000, false, true));
        List<Map<String, Object>> params = List.of(Map.of("algorithm", "pagerank"),
                Map.of("algorithm", "pagerank", "damping", 0.7, "iterations", 50), Map.of("algorithm", "bfs", "source", 0L),
                Map.of("algorithm", "wcc"), Map.of("algorithm", "sssp", "source", 1L),
                Map.of("algorithm", "cdlp", "iterations", 7), Map.of("algorithm", "degree", "direction", "in"),
                Map.of("algorithm", "degree", "direction", "both"), Map.of("algorithm", "triangle_count"),
                Map.of("algorithm", "lcc"));
        for (int g = 0; g < graphs.size(); g++) {
            for (Map<String, Object> p : params) {
                cases.add(Arguments.of(g, graphs.get(g), p));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "graph {0}: {2}")
    @MethodSource("cases")
    void gpuMatchesCpu(int index, CsrGraph graph, Map<String, Object> spec) {
        String name = (String) spec.get("algorithm");
        Map<String, Object> params = new java.util.HashMap<>(spec);
        params.remove("algorithm");
        // sources are given as dense ids 0 and 1; on keyed graphs they become those vertices' keys
        params.computeIfPresent("source", (k, v) -> graph.vertexKey(((Long) v).intValue()));
        AlgorithmParams parsed = AlgorithmRegistry.parse(name, params);
        AlgorithmResult cpu = CpuAlgorithms.run(graph, parsed, ExecutionContext.of(2));
        try (GraphInstance gpu = engine.load(HostGraphs.of(graph), ProgressListener.NONE)) {
            AlgorithmResult r = gpu.run(parsed, ExecutionContext.of(2));

            assertThat(r.engine()).isEqualTo("gpu");
            assertThat(r.columns()).isEqualTo(cpu.columns());
            for (String column : cpu.columns()) {
                assertColumnsMatch(name + "." + column, r.column(column), cpu.column(column));
            }
        }
    }

    static void assertColumnsMatch(String what, Column gpu, Column cpu) {
        assertThat(gpu.size()).as(what).isEqualTo(cpu.size());
        for (int i = 0; i < cpu.size(); i++) {
            Object expected = cpu.get(i);
            Object actual = gpu.get(i);
            if (expected instanceof Double e && actual instanceof Double a) {
                if (e.isInfinite() || e == 0.0) {
                    assertThat(a).as("%s row %d", what, i).isEqualTo(e);
                } else {
                    assertThat(Math.abs(a - e) / Math.abs(e)).as("%s row %d: gpu %s cpu %s", what, i, a, e)
                            .isLessThanOrEqualTo(1e-6);
                }
            } else {
                assertThat(actual).as("%s row %d", what, i).isEqualTo(expected);
            }
        }
    }
}
