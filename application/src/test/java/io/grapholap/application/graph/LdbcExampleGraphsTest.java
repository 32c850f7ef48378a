package io.grapholap.application.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapholap.application.graph.LdbcExampleGraphs.Kernel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The LDBC example fixtures agree with each other and with the Graphalytics graph properties
 * (example-directed: 10 vertices, 17 edges; example-undirected: 9 vertices, 12 edges): the adjacency
 * list holds the edges of the weighted edge list (both directions of each undirected edge), and every
 * reference output names each vertex once.
 */
class LdbcExampleGraphsTest {

    @ParameterizedTest
    @EnumSource(LdbcExampleGraphs.class)
    void adjacencyListEdgeListAndReferenceOutputsAgree(LdbcExampleGraphs graph) {
        List<Long> vertices = new ArrayList<>();
        Set<List<Long>> adjacency = new HashSet<>();
        for (String[] line : LdbcExampleGraphs.lines(graph.file() + "-input")) {
            long v = Long.parseLong(line[0]);
            vertices.add(v);
            for (int i = 1; i < line.length; i++) {
                adjacency.add(List.of(v, Long.parseLong(line[i])));
            }
        }
        Set<List<Long>> arcs = new HashSet<>();
        List<String[]> edges = LdbcExampleGraphs.lines(graph.file() + ".e");
        for (String[] line : edges) {
            assertThat(line).hasSize(3);
            long from = Long.parseLong(line[0]);
            long to = Long.parseLong(line[1]);
            assertThat(Double.parseDouble(line[2])).isPositive();
            arcs.add(List.of(from, to));
            if (!graph.directed()) {
                arcs.add(List.of(to, from));
            }
        }
        assertThat(vertices).doesNotHaveDuplicates().hasSize(graph.directed() ? 10 : 9);
        assertThat(edges).hasSize(graph.directed() ? 17 : 12);
        assertThat(adjacency).isEqualTo(arcs);
        for (Kernel kernel : Kernel.values()) {
            assertThat(LdbcExampleGraphs.lines(graph.file() + "-" + kernel.name()))
                    .as("%s %s", graph, kernel).extracting(line -> Long.parseLong(line[0]))
                    .containsExactlyElementsOf(vertices);
        }
    }
}
