package io.grapholap.application.graph.algo;

import io.grapholap.domain.error.ValidationException;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlgorithmRegistryTest {

    private static void assertRejects(String algorithm, Map<String, ?> raw, String field) {
        assertThatThrownBy(() -> AlgorithmRegistry.parse(algorithm, raw))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void listsTheSixGraphalyticsKernelsAndTheOthersByName() {
        assertThat(AlgorithmRegistry.names()).isSorted().contains(
                "bfs", "pagerank", "wcc", "cdlp", "lcc", "sssp", "louvain", "degree", "triangle_count",
                "betweenness", "kcore", "shortest_path");
        for (AlgorithmDefinition<?> s : AlgorithmRegistry.all()) {
            assertThat(s.resultColumns().getFirst()).isEqualTo("id");
            assertThat(s.description()).isNotBlank();
        }
    }

    @Test
    void fillsDefaults() {
        assertThat(AlgorithmRegistry.parse("pagerank", Map.of())).isEqualTo(new PageRankParams(0.85, 20));
        assertThat(AlgorithmRegistry.parse("cdlp", null)).isEqualTo(new CdlpParams(10));
        assertThat(AlgorithmRegistry.parse("degree", Map.of())).isEqualTo(new DegreeParams(DegreeParams.Direction.OUT));
        assertThat(AlgorithmRegistry.parse("sssp", Map.of("source", 7))).isEqualTo(new SsspParams(7, null));
        assertThat(AlgorithmRegistry.parse("betweenness", Map.of()))
                .isEqualTo(new BetweennessParams(null, 42L, null, false));
        assertThat(AlgorithmRegistry.parse("kcore", Map.of())).isEqualTo(new KCoreParams(null));
    }

    @Test
    void acceptsTextualAndIntegralValuesAsTheCliAndJsonSendThem() {
        assertThat(AlgorithmRegistry.parse("pagerank", Map.of("damping", "0.9", "iterations", "5")))
                .isEqualTo(new PageRankParams(0.9, 5));
        assertThat(AlgorithmRegistry.parse("pagerank", Map.of("iterations", 7.0)))
                .isEqualTo(new PageRankParams(0.85, 7));
        assertThat(AlgorithmRegistry.parse("degree", Map.of("direction", "BOTH")))
                .isEqualTo(new DegreeParams(DegreeParams.Direction.BOTH));
        assertThat(AlgorithmRegistry.parse("betweenness", Map.of("samples", 10, "seed", "7", "normalized", "true")))
                .isEqualTo(new BetweennessParams(10, 7L, null, true));
        assertThat(AlgorithmRegistry.parse("shortest_path", Map.of("source", "a", "target", "b")))
                .isEqualTo(new ShortestPathParams("a", "b", null, 1));
    }

    @Test
    void rejectsOutOfRangeValuesNamingTheParameter() {
        assertRejects("pagerank", Map.of("damping", 1.0), "damping");
        assertRejects("pagerank", Map.of("damping", 0), "damping");
        assertRejects("pagerank", Map.of("damping", -0.5), "damping");
        assertRejects("pagerank", Map.of("iterations", 0), "iterations");
        assertRejects("pagerank", Map.of("iterations", 1001), "iterations");
        assertRejects("cdlp", Map.of("iterations", 0), "iterations");
        assertRejects("betweenness", Map.of("samples", 0), "samples");
        assertRejects("kcore", Map.of("k", -1), "k");
        assertRejects("shortest_path", Map.of("source", 1, "target", 2, "max_paths", 0), "max_paths");
    }

    @Test
    void rejectsWrongTypesNamingTheParameter() {
        assertRejects("pagerank", Map.of("iterations", 2.5), "iterations");
        assertRejects("pagerank", Map.of("iterations", "many"), "iterations");
        assertRejects("pagerank", Map.of("damping", "high"), "damping");
        assertRejects("pagerank", Map.of("damping", Double.NaN), "damping");
        assertRejects("degree", Map.of("direction", "sideways"), "direction");
        assertRejects("degree", Map.of("direction", 3), "direction");
        assertRejects("bfs", Map.of("source", List.of(1)), "source");
        assertRejects("betweenness", Map.of("normalized", "yes"), "normalized");
        assertRejects("cdlp", Map.of("iterations", 5_000_000_000L), "iterations");
    }

    @Test
    void rejectsUnknownAndMissingParameters() {
        assertRejects("pagerank", Map.of("dampening", 0.5), "dampening");
        assertRejects("wcc", Map.of("source", 1), "source");
        assertRejects("bfs", Map.of(), "source");
        assertRejects("sssp", Map.of("weight", "w"), "source");
        assertRejects("shortest_path", Map.of("source", 1), "target");
        Map<String, Object> nullValue = new HashMap<>();
        nullValue.put("source", null);
        assertRejects("bfs", nullValue, "source");
    }

    @Test
    void rejectsUnknownAlgorithmNamingTheAlgorithmField() {
        assertRejects("pagerankk", Map.of(), "algorithm");
        assertThat(AlgorithmRegistry.find("lcc")).isPresent();
        assertThat(AlgorithmRegistry.find("nope")).isEmpty();
    }

    @Test
    void recordsCheckTheirOwnInvariants() {
        assertThatThrownBy(() -> new PageRankParams(1.5, 20)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("damping"));
        assertThatThrownBy(() -> new SsspParams(1, " ")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("weight"));
        assertThat(AlgorithmRegistry.get("pagerank").param("damping").orElseThrow().rangeText()).isEqualTo("(0, 1)");
        assertThat(AlgorithmRegistry.get("pagerank").param("iterations").orElseThrow().rangeText())
                .isEqualTo("[1, 1000]");
    }

    @Test
    void everyAlgorithmEstimatesItsMemoryFromTheGraphsSize() {
        GraphShape small = new GraphShape(1000, 16000, 2);
        GraphShape large = new GraphShape(1_000_000, 16_000_000, 2);
        for (AlgorithmDefinition<?> d : AlgorithmRegistry.all()) {
            Map<String, Object> raw = new HashMap<>();
            d.params().stream().filter(ParamSpec::required).forEach(p -> raw.put(p.name(), 1));
            AlgorithmParams p = d.parse(raw);
            assertThat(d.memoryBytesOf(small, p)).as(d.name()).isGreaterThan(8000);
            assertThat(d.memoryBytesOf(large, p)).as(d.name()).isGreaterThan(d.memoryBytesOf(small, p) * 100);
            assertThat(p.definition()).isEqualTo(d);
        }
    }
}
