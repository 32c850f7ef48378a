package io.grapholap.engine.cpu.algo;

import io.grapholap.application.graph.AlgorithmResult;
import io.grapholap.domain.error.ValidationException;
import io.grapholap.graph.csr.CsrGraph;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.grapholap.engine.cpu.algo.Graphs.directed;
import static io.grapholap.engine.cpu.algo.Graphs.doubles;
import static io.grapholap.engine.cpu.algo.Graphs.edges;
import static io.grapholap.engine.cpu.algo.Graphs.keyed;
import static io.grapholap.engine.cpu.algo.Graphs.longs;
import static io.grapholap.engine.cpu.algo.Graphs.objects;
import static io.grapholap.engine.cpu.algo.Graphs.run;
import static io.grapholap.engine.cpu.algo.Graphs.undirected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** louvain, degree, triangle_count, betweenness, kcore and shortest_path on hand-made graphs. */
class MoreAlgorithmsTest {

    @Test
    void louvainSplitsTwoTrianglesJoinedByOneEdge() {
        // Triangles {0,1,2} and {3,4,5} joined by 2-3; m = 7, each side: 3 inner edges, degree sum 7.
        // Q = 2 · (6/14 − (7/14)²) = 5/14
        CsrGraph g = undirected(6, 0, 1, 1, 2, 0, 2, 3, 4, 4, 5, 3, 5, 2, 3);
        AlgorithmResult r = run(g, "louvain", Map.of());
        assertThat(longs(r, "community")).containsExactly(0, 0, 0, 1, 1, 1);
        assertThat((double) r.stats().get("modularity")).isCloseTo(5.0 / 14, within(1e-12));
        assertThat(r.stats()).containsEntry("communities", 2);
        // The directed version (each arc one unit of undirected weight) finds the same split.
        CsrGraph d = directed(6, 0, 1, 1, 2, 2, 0, 3, 4, 4, 5, 5, 3, 2, 3);
        assertThat(longs(run(d, "louvain", Map.of()), "community")).containsExactly(0, 0, 0, 1, 1, 1);
    }

    /** Zachary's karate club (34 members, 78 friendships; vertex i is member i+1). */
    private static final int[] KARATE = {
            0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 8, 0, 10, 0, 11,
            0, 12, 0, 13, 0, 17, 0, 19, 0, 21, 0, 31, 1, 2, 1, 3, 1, 7, 1, 13,
            1, 17, 1, 19, 1, 21, 1, 30, 2, 3, 2, 7, 2, 8, 2, 9, 2, 13, 2, 27,
            2, 28, 2, 32, 3, 7, 3, 12, 3, 13, 4, 6, 4, 10, 5, 6, 5, 10, 5, 16,
            6, 16, 8, 30, 8, 32, 8, 33, 9, 33, 13, 33, 14, 32, 14, 33, 15, 32, 15, 33,
            18, 32, 18, 33, 19, 33, 20, 32, 20, 33, 22, 32, 22, 33, 23, 25, 23, 27, 23, 29,
            23, 32, 23, 33, 24, 25, 24, 27, 24, 31, 25, 31, 26, 29, 26, 33, 27, 33, 28, 31,
            28, 33, 29, 32, 29, 33, 30, 32, 30, 33, 31, 32, 31, 33, 32, 33
    };

    @Test
    void louvainOnTheKarateClubReachesTheKnownModularity() {
        // Louvain is known to reach Q ≈ 0.419 on this graph (the optimum is 0.4198).
        CsrGraph g = undirected(34, KARATE);
        AlgorithmResult r = run(g, "louvain", Map.of());
        long[] community = longs(r, "community");
        double q = (double) r.stats().get("modularity");
        assertThat(q).isGreaterThan(0.40).isLessThanOrEqualTo(0.4198 + 1e-4);
        // The reported modularity is the modularity of the returned partition: sum over communities of
        // inner/m - (degree sum / 2m)^2.
        double m = KARATE.length / 2.0;
        double[] inner = new double[34];
        double[] degrees = new double[34];
        for (int i = 0; i < KARATE.length; i += 2) {
            int a = KARATE[i];
            int b = KARATE[i + 1];
            degrees[(int) community[a]]++;
            degrees[(int) community[b]]++;
            if (community[a] == community[b]) {
                inner[(int) community[a]]++;
            }
        }
        double expected = 0;
        for (int c = 0; c < 34; c++) {
            expected += inner[c] / m - (degrees[c] / (2 * m)) * (degrees[c] / (2 * m));
        }
        assertThat(q).isCloseTo(expected, within(1e-12));
        assertThat(r.stats()).containsEntry("communities", (int) java.util.Arrays.stream(community).distinct().count());
    }

    @Test
    void louvainUsesWeightsWhenAsked() {
        // Path 0-1-2-3 with a heavy middle edge 1-2 (10) and light ends (1): {1,2} pull together.
        CsrGraph g = CsrGraph.fromEdges(4, false, edges(0, 1, 1, 2, 2, 3), new double[] {1, 10, 1});
        long[] c = longs(run(g, "louvain", Map.of("weight", "weight")), "community");
        assertThat(c[1]).isEqualTo(c[2]);
    }

    @Test
    void degreeCountsInOutAndBoth() {
        // 0→1, 0→2, 1→2: out [2,1,0], in [0,1,2], both [2,2,2]
        CsrGraph g = directed(3, 0, 1, 0, 2, 1, 2);
        assertThat(longs(run(g, "degree", Map.of()), "degree")).containsExactly(2, 1, 0);
        assertThat(longs(run(g, "degree", Map.of("direction", "in")), "degree")).containsExactly(0, 1, 2);
        assertThat(longs(run(g, "degree", Map.of("direction", "both")), "degree")).containsExactly(2, 2, 2);
        // Undirected: every direction is the number of incident edges.
        CsrGraph u = undirected(3, 0, 1, 0, 2, 1, 2);
        assertThat(longs(run(u, "degree", Map.of("direction", "in")), "degree")).containsExactly(2, 2, 2);
        assertThat(longs(run(u, "degree", Map.of("direction", "both")), "degree")).containsExactly(2, 2, 2);
    }

    @Test
    void triangleCountPerVertexAndTotal() {
        // K4 on {0,1,2,3} (4 triangles, 3 through each vertex) plus pendant 3-4.
        CsrGraph g = undirected(5, 0, 1, 0, 2, 0, 3, 1, 2, 1, 3, 2, 3, 3, 4);
        AlgorithmResult r = run(g, "triangle_count", Map.of());
        assertThat(longs(r, "triangles")).containsExactly(3, 3, 3, 3, 0);
        assertThat(r.stats()).containsEntry("triangles", 4L);
        // Directed, with a reciprocal arc and a self-loop: direction and duplicates are ignored → one triangle.
        CsrGraph d = directed(4, 0, 1, 1, 0, 1, 2, 2, 0, 2, 2, 3, 0);
        assertThat(longs(run(d, "triangle_count", Map.of()), "triangles")).containsExactly(1, 1, 1, 0);
    }

    @Test
    void betweennessExactOnPathsStarsAndCycles() {
        // Path 0-1-2-3: v1 lies on (0,2),(0,3); v2 on (0,3),(1,3) → [0,2,2,0], directed or not.
        assertThat(doubles(run(undirected(4, 0, 1, 1, 2, 2, 3), "betweenness", Map.of()), "betweenness"))
                .containsExactly(new double[] {0, 2, 2, 0}, within(1e-12));
        assertThat(doubles(run(directed(4, 0, 1, 1, 2, 2, 3), "betweenness", Map.of()), "betweenness"))
                .containsExactly(new double[] {0, 2, 2, 0}, within(1e-12));
        // Star: the centre lies on all 3 leaf pairs.
        assertThat(doubles(run(undirected(4, 0, 1, 0, 2, 0, 3), "betweenness", Map.of()), "betweenness"))
                .containsExactly(new double[] {3, 0, 0, 0}, within(1e-12));
        // 4-cycle: each opposite pair has two shortest paths, half a unit through each middle vertex.
        assertThat(doubles(run(undirected(4, 0, 1, 1, 2, 2, 3, 3, 0), "betweenness", Map.of()), "betweenness"))
                .containsExactly(new double[] {0.5, 0.5, 0.5, 0.5}, within(1e-12));
        // Normalised path: divide by (n-1)(n-2)/2 = 3.
        assertThat(doubles(run(undirected(4, 0, 1, 1, 2, 2, 3), "betweenness", Map.of("normalized", true)),
                "betweenness")).containsExactly(new double[] {0, 2.0 / 3, 2.0 / 3, 0}, within(1e-12));
    }

    @Test
    void betweennessWeightedFollowsTheLightPaths() {
        // 4-cycle with a heavy edge 3-0 (5): 0→3 goes 0-1-2-3 (3), 1→3 goes 1-2-3. v1 on (0,2),(0,3); v2 on (0,3),(1,3).
        CsrGraph g = CsrGraph.fromEdges(4, false, edges(0, 1, 1, 2, 2, 3, 3, 0), new double[] {1, 1, 1, 5});
        assertThat(doubles(run(g, "betweenness", Map.of("weight", "weight")), "betweenness"))
                .containsExactly(new double[] {0, 2, 2, 0}, within(1e-12));
    }

    @Test
    void sampledBetweennessIsDeterministicAndExactWhenSamplingEverything() {
        CsrGraph g = Graphs.random(300, 1500, false, 11);
        double[] exact = doubles(run(g, "betweenness", Map.of()), "betweenness");
        double[] all = doubles(run(g, "betweenness", Map.of("samples", 300, "seed", 5)), "betweenness");
        assertThat(all).containsExactly(exact, within(1e-9));
        AlgorithmResult a = run(g, "betweenness", Map.of("samples", 40, "seed", 5));
        double[] b = doubles(run(g, "betweenness", Map.of("samples", 40, "seed", 5), 1), "betweenness");
        assertThat(doubles(a, "betweenness")).containsExactly(b, within(1e-9));
        assertThat(a.stats()).containsEntry("sources", 40).containsEntry("exact", false);
        double[] other = doubles(run(g, "betweenness", Map.of("samples", 40, "seed", 6)), "betweenness");
        assertThat(other).isNotEqualTo(b);
    }

    @Test
    void kcoreNumbersAndTheKFilter() {
        // K4 {0,1,2,3}, pendant 4 on 3, isolated 5: cores [3,3,3,3,1,0]
        CsrGraph g = undirected(6, 0, 1, 0, 2, 0, 3, 1, 2, 1, 3, 2, 3, 3, 4);
        AlgorithmResult r = run(g, "kcore", Map.of());
        assertThat(longs(r, "core")).containsExactly(3, 3, 3, 3, 1, 0);
        assertThat(r.stats()).containsEntry("degeneracy", 3);
        AlgorithmResult k3 = run(g, "kcore", Map.of("k", 3));
        assertThat(longs(k3, "key")).containsExactly(0, 1, 2, 3);
        assertThat(longs(k3, "core")).containsExactly(3, 3, 3, 3);
        // Directed arcs count as undirected edges: a directed triangle is a 2-core.
        assertThat(longs(run(directed(3, 0, 1, 1, 2, 2, 0), "kcore", Map.of()), "core")).containsExactly(2, 2, 2);
    }

    @Test
    void shortestPathReturnsTheVerticesInOrderWithCumulativeDistance() {
        // Diamond 0→1, 0→2, 1→3, 2→3: two shortest paths of 2 hops.
        CsrGraph g = directed(4, 0, 1, 0, 2, 1, 3, 2, 3);
        AlgorithmResult one = run(g, "shortest_path", Map.of("source", 0, "target", 3));
        assertThat(one.columns()).containsExactly("id", "label", "key", "distance", "path", "step");
        assertThat(longs(one, "key")).hasSize(3).startsWith(0).endsWith(3);
        assertThat(doubles(one, "distance")).containsExactly(0, 1, 2);
        AlgorithmResult two = run(g, "shortest_path", Map.of("source", 0, "target", 3, "max_paths", 5));
        assertThat(longs(two, "path")).containsExactly(0, 0, 0, 1, 1, 1);
        assertThat(longs(two, "step")).containsExactly(0, 1, 2, 0, 1, 2);
        assertThat(longs(two, "key")).satisfiesAnyOf(
                ids -> assertThat(ids).containsExactly(0, 1, 3, 0, 2, 3),
                ids -> assertThat(ids).containsExactly(0, 2, 3, 0, 1, 3));
        assertThat(two.stats()).containsEntry("paths", 2).containsEntry("found", true);
    }

    @Test
    void shortestPathWeightedAndUnreachable() {
        // 0→1 (4), 0→2 (1), 2→1 (2), 1→3 (1), 2→3 (5): 0→3 is 0,2,1,3 with cumulative 0,1,3,4.
        CsrGraph g = CsrGraph.fromEdges(5, true, edges(0, 1, 0, 2, 2, 1, 1, 3, 2, 3), new double[] {4, 1, 2, 1, 5});
        AlgorithmResult r = run(g, "shortest_path", Map.of("source", 0, "target", 3, "weight", "weight"));
        assertThat(longs(r, "key")).containsExactly(0, 2, 1, 3);
        assertThat(doubles(r, "distance")).containsExactly(0, 1, 3, 4);
        // Unweighted the direct 0→1→3 or 0→2→3 (2 hops) wins.
        assertThat(doubles(run(g, "shortest_path", Map.of("source", 0, "target", 3)), "distance"))
                .containsExactly(0, 1, 2);
        AlgorithmResult none = run(g, "shortest_path", Map.of("source", 0, "target", 4));
        assertThat(none.rowCount()).isZero();
        assertThat(none.stats()).containsEntry("found", false);
        AlgorithmResult self = run(g, "shortest_path", Map.of("source", 2, "target", 2));
        assertThat(longs(self, "key")).containsExactly(2);
    }

    @Test
    void shortestPathKeysAndValidation() {
        CsrGraph g = keyed(false, new Object[] {"ann", "bob", "cid"}, 0, 1, 1, 2);
        AlgorithmResult r = run(g, "shortest_path", Map.of("source", "cid", "target", "ann"));
        assertThat(objects(r, "key")).containsExactly("cid", "bob", "ann");
        assertThatThrownBy(() -> run(g, "shortest_path", Map.of("source", "ann", "target", "zed")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("target"));
        assertThatThrownBy(() -> run(g, "shortest_path", Map.of("source", "ann", "target", "bob", "weight", "w")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("weight"));
    }

    @Test
    void badParametersAreValidationErrorsNamingTheParameter() {
        CsrGraph g = directed(3, 0, 1);
        assertThatThrownBy(() -> run(g, "pagerank", Map.of("damping", 1.5)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("damping"));
        assertThatThrownBy(() -> run(g, "pagerank", Map.of("iterations", 0)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("iterations"));
        assertThatThrownBy(() -> run(g, "wcc", Map.of("bogus", 1)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("bogus"));
        assertThatThrownBy(() -> run(g, "nope", Map.of()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("algorithm"));
    }

    @Test
    void everyRegisteredAlgorithmHasACpuKernel() {
        assertThat(CpuAlgorithms.algorithms()).containsExactlyInAnyOrderElementsOf(
                io.grapholap.application.graph.algo.AlgorithmRegistry.names());
    }
}
