package io.grapholap.application.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapholap.application.graph.GraphEngine;
import io.grapholap.application.graph.algo.AlgorithmRegistry;
import io.grapholap.application.graph.algo.ParamSpec;
import io.grapholap.application.instance.EngineChoice;
import io.grapholap.domain.error.NotFoundException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The catalog: every registered algorithm, with the engines that run it (the default engine first,
 * unavailable ones flagged) and each engine's own options; 404 for an unknown name.
 */
class ListAlgorithmsTest {

    private static final ParamSpec PRECISION = ParamSpec.choice("precision", "fp64", List.of("fp64", "fp32"), "float width");

    private final FakeAlgorithmEngine host = new FakeAlgorithmEngine("host", Set.of("pagerank", "wcc"), Map.of(), Set.of());
    private final FakeAlgorithmEngine accel = new FakeAlgorithmEngine("accel", Set.of("pagerank"),
            Map.of("pagerank", List.of(PRECISION)), Set.of());

    private ListAlgorithms catalog() {
        Map<String, GraphEngine> engines = new LinkedHashMap<>();
        engines.put("accel", accel);
        engines.put("host", host);
        return new ListAlgorithms(new EngineChoice(engines, "host"));
    }

    @Test
    void everyRegisteredAlgorithmWithTheEnginesThatRunItDefaultFirst() {
        accel.available = false;
        List<ListAlgorithms.Entry> all = catalog().list();
        assertThat(all).extracting(e -> e.definition().name()).containsExactlyElementsOf(AlgorithmRegistry.names());

        ListAlgorithms.Entry pagerank = catalog().get("pagerank");
        assertThat(pagerank.definition().params()).extracting(ParamSpec::name).containsExactly("damping", "iterations");
        assertThat(pagerank.engines()).containsExactly(new ListAlgorithms.Runner("host", true, List.of()),
                new ListAlgorithms.Runner("accel", false, List.of(PRECISION)));
        assertThat(catalog().get("wcc").engines()).extracting(ListAlgorithms.Runner::engine).containsExactly("host");
        assertThat(catalog().get("bfs").engines()).isEmpty();
    }

    @Test
    void anUnknownNameIsNotFound() {
        assertThatThrownBy(() -> catalog().get("no_such_algo")).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("no_such_algo");
    }
}
