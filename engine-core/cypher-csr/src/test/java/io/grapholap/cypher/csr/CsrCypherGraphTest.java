package io.grapholap.cypher.csr;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapholap.graph.csr.CsrGraph;
import io.grapholap.graph.csr.PropertyIndexes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Relationships seen from either end are the same relationships: on random graphs with parallel edges
 * and self-loops, given in random order (so the in-CSR does not list sources in out-arc order), every
 * node's incoming relationships are exactly the outgoing ones that end there, each once.
 */
class CsrCypherGraphTest {

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void incomingRelationshipsAreTheOutgoingOnesThatEndThere(boolean directed) {
        Random random = new Random(directed ? 7 : 11);
        int n = 60;
        List<int[]> edges = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            int u = random.nextInt(n);
            int v = random.nextInt(4) == 0 ? u : random.nextInt(n);
            edges.add(new int[] {u, v});
            if (random.nextInt(5) == 0) {
                edges.add(new int[] {u, v});
            }
        }
        java.util.Collections.shuffle(edges, random);
        CsrCypherGraph graph = new CsrCypherGraph(CsrGraph.fromEdges(n, directed, edges.toArray(int[][]::new)), new PropertyIndexes());

        Map<Long, List<Long>> endingAt = new HashMap<>();
        long outgoingCount = 0;
        for (long v = 0; v < n; v++) {
            List<Long> out = new ArrayList<>();
            graph.forEachRelationship(v, true, false, List.of(), (r, other) -> out.add(r));
            for (long r : out) {
                assertThat(graph.startNode(r)).isEqualTo(v);
                endingAt.computeIfAbsent(graph.endNode(r), k -> new ArrayList<>()).add(r);
            }
            outgoingCount += out.size();
        }
        assertThat(outgoingCount).as("each edge once").isEqualTo(edges.size());
        for (long v = 0; v < n; v++) {
            List<Long> in = new ArrayList<>();
            long node = v;
            graph.forEachRelationship(v, false, true, List.of(), (r, other) -> {
                assertThat(graph.endNode(r)).isEqualTo(node);
                assertThat(other).isEqualTo(graph.startNode(r));
                in.add(r);
            });
            assertThat(in).containsExactlyInAnyOrderElementsOf(endingAt.getOrDefault(v, List.of()));
            List<Long> both = new ArrayList<>();
            graph.forEachRelationship(v, true, true, List.of(), (r, other) -> both.add(r));
            assertThat(both).as("a self-loop once when both directions are asked for").doesNotHaveDuplicates();
        }
    }
}
