package io.grapholap.engine.cpu.algo;

import io.grapholap.application.graph.AlgorithmResult;
import io.grapholap.domain.error.ValidationException;
import io.grapholap.graph.csr.CsrGraph;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.grapholap.engine.cpu.algo.Graphs.directed;
import static io.grapholap.engine.cpu.algo.Graphs.doubles;
import static io.grapholap.engine.cpu.algo.Graphs.keyed;
import static io.grapholap.engine.cpu.algo.Graphs.longs;
import static io.grapholap.engine.cpu.algo.Graphs.objects;
import static io.grapholap.engine.cpu.algo.Graphs.run;
import static io.grapholap.engine.cpu.algo.Graphs.undirected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The six LDBC Graphalytics kernels on hand-made graphs, expected answers worked out beside them. */
class GraphalyticsKernelsTest {

    private static final long UNREACHABLE = 9223372036854775807L;

    @Test
    void bfsDepthsFollowOutEdgesAndMarkUnreachableWithTheGraphalyticsSentinel() {
        // 0→1, 0→2, 1→3, 2→3, 3→4, 5→0; 6 isolated. From 0: 5 and 6 cannot be reached.
        CsrGraph g = directed(7, 0, 1, 0, 2, 1, 3, 2, 3, 3, 4, 5, 0);
        AlgorithmResult r = run(g, "bfs", Map.of("source", 0));
        assertThat(r.columns()).containsExactly("id", "label", "key", "depth");
        assertThat(longs(r, "key")).containsExactly(0, 1, 2, 3, 4, 5, 6);
        assertThat(longs(r, "depth")).containsExactly(0, 1, 1, 2, 3, UNREACHABLE, UNREACHABLE);
        assertThat(r.stats()).containsEntry("reached", 5).containsKey("run_millis");
    }

    @Test
    void bfsOnTheUndirectedGraphAlsoWalksBackwards() {
        // Same edges undirected: 5 is now a neighbour of 0; 6 stays isolated.
        CsrGraph g = undirected(7, 0, 1, 0, 2, 1, 3, 2, 3, 3, 4, 5, 0);
        assertThat(longs(run(g, "bfs", Map.of("source", 4)), "depth"))
                .containsExactly(3, 2, 2, 1, 0, 4, UNREACHABLE);
    }

    @Test
    void bfsWithOriginalKeysResolvesTheSourceKey() {
        // keys 100, 200, 300 on a path 100→200→300; source given as a decimal string
        CsrGraph g = keyed(true, new Object[] {100L, 200L, 300L}, 0, 1, 1, 2);
        AlgorithmResult r = run(g, "bfs", Map.of("source", "200"));
        assertThat(longs(r, "key")).containsExactly(100, 200, 300);
        assertThat(longs(r, "depth")).containsExactly(UNREACHABLE, 0, 1);
    }

    @Test
    void bfsUnknownSourceIsAValidationErrorNamingSource() {
        CsrGraph g = directed(3, 0, 1);
        assertThatThrownBy(() -> run(g, "bfs", Map.of("source", 17)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("source"));
        assertThatThrownBy(() -> run(g, "bfs", Map.of()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("source"));
    }

    /** Contributions are held as floats (see PageRank): hand-computed ranks agree to about 1e-8 here. */
    private static final double PAGERANK_TOLERANCE = 1e-7;

    @Test
    void pageRankSpreadsTheDanglingVertexRankOverAllVertices() {
        // 0→1, 0→2, 1→2; vertex 2 is dangling. n = 3, d = 0.85, one iteration from 1/3:
        // base = 0.15/3 + 0.85 * (1/3) / 3 = 0.05 + 0.0944444 = 0.1444444
        // PR(0) = base                               = 0.1444444
        // PR(1) = base + 0.85 * (1/3)/2              = 0.2861111
        // PR(2) = base + 0.85 * ((1/3)/2 + (1/3)/1)  = 0.5694444
        CsrGraph g = directed(3, 0, 1, 0, 2, 1, 2);
        double[] pr = doubles(run(g, "pagerank", Map.of("iterations", 1)), "rank");
        double base = 0.05 + 0.85 / 9;
        assertThat(pr[0]).isCloseTo(base, within(PAGERANK_TOLERANCE));
        assertThat(pr[1]).isCloseTo(base + 0.85 / 6, within(PAGERANK_TOLERANCE));
        assertThat(pr[2]).isCloseTo(base + 0.85 * 0.5, within(PAGERANK_TOLERANCE));
        assertThat(pr[0] + pr[1] + pr[2]).isCloseTo(1.0, within(PAGERANK_TOLERANCE));
    }

    @Test
    void pageRankSecondIterationAndSymmetricUndirectedCycle() {
        // Iteration 2 of the same graph, from PR1 = (a, b, c) above with c dangling:
        // base2 = 0.05 + 0.85 * c / 3; PR2(0) = base2; PR2(1) = base2 + 0.85 a/2; PR2(2) = base2 + 0.85 (a/2 + b)
        CsrGraph g = directed(3, 0, 1, 0, 2, 1, 2);
        double a = 0.05 + 0.85 / 9;
        double b = a + 0.85 / 6;
        double c = a + 0.85 * 0.5;
        double base2 = 0.05 + 0.85 * c / 3;
        double[] pr = doubles(run(g, "pagerank", Map.of("iterations", 2, "damping", 0.85)), "rank");
        assertThat(pr).containsExactly(new double[] {base2, base2 + 0.85 * a / 2, base2 + 0.85 * (a / 2 + b)},
                within(PAGERANK_TOLERANCE));
        // An undirected 4-cycle is regular: every rank stays 1/4.
        double[] cycle = doubles(run(undirected(4, 0, 1, 1, 2, 2, 3, 3, 0), "pagerank", Map.of()), "rank");
        assertThat(cycle).containsExactly(new double[] {0.25, 0.25, 0.25, 0.25}, within(1e-12));
    }

    @Test
    void wccIgnoresDirectionAndLabelsWithTheSmallestKey() {
        // 0→1, 2→1 | 3→4 | 5
        CsrGraph g = directed(6, 0, 1, 2, 1, 3, 4);
        AlgorithmResult r = run(g, "wcc", Map.of());
        assertThat(longs(r, "component")).containsExactly(0, 0, 0, 3, 3, 5);
        assertThat(r.stats()).containsEntry("components", 3);
        // keys 50, 40, 60 | 10, 70: labels are the smallest key of each component
        CsrGraph keyed = keyed(true, new Object[] {50L, 40L, 60L, 70L, 10L}, 0, 1, 2, 1, 3, 4);
        assertThat(longs(run(keyed, "wcc", Map.of()), "component")).containsExactly(40, 40, 40, 10, 10);
    }

    @Test
    void cdlpBreaksTiesWithTheSmallestLabel() {
        // Undirected path 0-1-2-3.
        // it 1: v0 {1}→1; v1 {0,2} tie→0; v2 {1,3} tie→1; v3 {2}→2  => [1,0,1,2]
        // it 2: v0 {0}→0; v1 {1,1}→1;     v2 {0,2} tie→0; v3 {1}→1  => [0,1,0,1]
        CsrGraph g = undirected(4, 0, 1, 1, 2, 2, 3);
        assertThat(longs(run(g, "cdlp", Map.of("iterations", 1)), "community")).containsExactly(1, 0, 1, 2);
        assertThat(longs(run(g, "cdlp", Map.of("iterations", 2)), "community")).containsExactly(0, 1, 0, 1);
    }

    @Test
    void cdlpTieBreakHoldsForHighDegreeVertices() {
        // Star: centre 0 with 60 leaves (more labels than are sorted, so they are counted in a hash table).
        // The centre sees 60 distinct labels once each → the smallest, 1; every leaf sees only 0.
        int[] pairs = new int[120];
        for (int i = 0; i < 60; i++) {
            pairs[2 * i] = 0;
            pairs[2 * i + 1] = i + 1;
        }
        long[] one = longs(run(undirected(61, pairs), "cdlp", Map.of("iterations", 1)), "community");
        assertThat(one[0]).isEqualTo(1);
        for (int v = 1; v <= 60; v++) {
            assertThat(one[v]).isZero();
        }
        // Two more edges 0-40 make label 40 occur three times at the centre: it wins over the smaller labels.
        int[] dup = java.util.Arrays.copyOf(pairs, 124);
        dup[120] = 0;
        dup[121] = 40;
        dup[122] = 0;
        dup[123] = 40;
        assertThat(longs(run(undirected(61, dup), "cdlp", Map.of("iterations", 1)), "community")[0]).isEqualTo(40);
    }

    @Test
    void cdlpOnDirectedGraphsCountsInAndOutNeighbours() {
        // 1→0, 2→0, 0→3.
        // it 1: v0 in {1,2} out {3} all once→1; v1 out {0}→0; v2 out {0}→0; v3 in {0}→0  => [1,0,0,0]
        // it 2: v0 {0,0,0}→0; v1 {1}→1; v2 {1}→1; v3 {1}→1                                => [0,1,1,1]
        CsrGraph g = directed(4, 1, 0, 2, 0, 0, 3);
        assertThat(longs(run(g, "cdlp", Map.of("iterations", 1)), "community")).containsExactly(1, 0, 0, 0);
        assertThat(longs(run(g, "cdlp", Map.of("iterations", 2)), "community")).containsExactly(0, 1, 1, 1);
        // 0→1, 1→0, 2→1: v1 sees 0 as out- and in-neighbour (twice) and 2 once → 0; v0 sees 1 twice → 1; v2 → 1
        assertThat(longs(run(directed(3, 0, 1, 1, 0, 2, 1), "cdlp", Map.of("iterations", 1)), "community"))
                .containsExactly(1, 0, 1);
    }

    @Test
    void cdlpLabelsAreTheOriginalIntegerKeys() {
        // Undirected path with keys 30-20-10-40; it 1: v0 {20}→20; v1 {30,10} tie→10; v2 {20,40}→20; v3 {10}→10
        CsrGraph g = keyed(false, new Object[] {30L, 20L, 10L, 40L}, 0, 1, 1, 2, 2, 3);
        assertThat(longs(run(g, "cdlp", Map.of("iterations", 1)), "community")).containsExactly(20, 10, 20, 10);
        // String keys: labels start as dense ids and come back as keys; "a"-"b" edge, "c" alone
        CsrGraph s = keyed(false, new Object[] {"a", "b", "c"}, 0, 1);
        assertThat(objects(run(s, "cdlp", Map.of("iterations", 1)), "community")).containsExactly("b", "a", "c");
    }

    @Test
    void lccUndirectedCountsEdgesAmongNeighbours() {
        // Edges 0-1, 0-2, 1-2, 2-3. N(0)={1,2}: 1-2 present → 1; N(1)={0,2} → 1;
        // N(2)={0,1,3}: only 0-1 of 3 pairs → 1/3; N(3)={2} → 0.
        CsrGraph g = undirected(4, 0, 1, 0, 2, 1, 2, 2, 3);
        assertThat(doubles(run(g, "lcc", Map.of()), "lcc"))
                .containsExactly(new double[] {1.0, 1.0, 1.0 / 3, 0.0}, within(1e-12));
    }

    @Test
    void lccDirectedCountsArcsAmongInAndOutNeighbours() {
        // Arcs 0→1, 0→2, 1→2, 2→3. N(0)={1,2}: arcs 1→2 → 1/(2·1) = 0.5; N(1)={0,2}: 0→2 → 0.5;
        // N(2)={0,1,3}: 0→1 → 1/(3·2) = 1/6; N(3)={2} → 0.
        CsrGraph g = directed(4, 0, 1, 0, 2, 1, 2, 2, 3);
        assertThat(doubles(run(g, "lcc", Map.of()), "lcc"))
                .containsExactly(new double[] {0.5, 0.5, 1.0 / 6, 0.0}, within(1e-12));
        // Both directions between 1 and 2 make N(0)'s pair fully linked: 2 arcs / 2 = 1.
        CsrGraph both = directed(3, 0, 1, 0, 2, 1, 2, 2, 1);
        assertThat(doubles(run(both, "lcc", Map.of()), "lcc")[0]).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void ssspUsesWeightsAndMarksUnreachableWithInfinity() {
        // 0→1 (4), 0→2 (1), 2→1 (2), 1→3 (1), 2→3 (5); 4 isolated. dist: 0, 3 (via 2), 1, 4 (via 2,1), ∞
        CsrGraph g = CsrGraph.fromEdges(5, true, Graphs.edges(0, 1, 0, 2, 2, 1, 1, 3, 2, 3),
                new double[] {4, 1, 2, 1, 5});
        AlgorithmResult r = run(g, "sssp", Map.of("source", 0));
        assertThat(doubles(r, "distance")).containsExactly(0.0, 3.0, 1.0, 4.0, Double.POSITIVE_INFINITY);
        // Undirected: from 3, vertex 0 is reached through 1 and 2 (1 + 2 + 1 = 4)
        CsrGraph u = CsrGraph.fromEdges(5, false, Graphs.edges(0, 1, 0, 2, 2, 1, 1, 3, 2, 3),
                new double[] {4, 1, 2, 1, 5});
        assertThat(doubles(run(u, "sssp", Map.of("source", 3, "weight", "weight")), "distance"))
                .containsExactly(4.0, 1.0, 3.0, 0.0, Double.POSITIVE_INFINITY);
    }

    @Test
    void ssspFollowsPathsFarBeyondTheBucketWindow() {
        // A chain 0→1→…→199999 of weight 1 (distances run far past the window of dense buckets) plus a
        // shortcut 0→199999 of weight 3e5 that must lose, and 0→200000 of weight 3e5, the only way there.
        int n = 200_001;
        int[][] e = new int[n + 1][];
        double[] w = new double[n + 1];
        for (int v = 0; v < n - 2; v++) {
            e[v] = new int[] {v, v + 1};
            w[v] = 1;
        }
        e[n - 2] = new int[] {0, n - 2};
        w[n - 2] = 3e5;
        e[n - 1] = new int[] {0, n - 1};
        w[n - 1] = 3e5;
        e[n] = new int[] {n - 1, 5};
        w[n] = 0.5;
        CsrGraph g = CsrGraph.fromEdges(n, true, e, w);
        double[] d = doubles(run(g, "sssp", Map.of("source", 0)), "distance");
        for (int v = 0; v < n - 1; v++) {
            assertThat(d[v]).as("distance of %d", v).isEqualTo(v);
        }
        assertThat(d[n - 1]).isEqualTo(3e5);
    }

    @Test
    void ssspWithoutAWeightParameterUsesTheWeightsLoadedWithTheGraph() {
        // Weights loaded as property "cost": 0→1 (2.5), 1→2 (0.5), 0→2 (4) → dist 0, 2.5, 3
        int[] offsets = {0, 2, 3, 3};
        int[] targets = {1, 2, 2};
        CsrGraph g = CsrGraph.builder(3, true).outAdjacency(offsets, targets)
                .weights("cost", new double[] {2.5, 4, 0.5}).build();
        assertThat(doubles(run(g, "sssp", Map.of("source", 0)), "distance")).containsExactly(0.0, 2.5, 3.0);
        assertThat(doubles(run(g, "sssp", Map.of("source", 0, "weight", "cost")), "distance"))
                .containsExactly(0.0, 2.5, 3.0);
    }

    @Test
    void ssspRejectsNegativeWeightsUnknownWeightPropertyAndUnknownSource() {
        CsrGraph negative = CsrGraph.fromEdges(3, true, Graphs.edges(0, 1, 1, 2), new double[] {1, -2});
        assertThatThrownBy(() -> run(negative, "sssp", Map.of("source", 0)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("weight"));
        CsrGraph unweighted = directed(3, 0, 1);
        assertThatThrownBy(() -> run(unweighted, "sssp", Map.of("source", 0, "weight", "cost")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("weight"));
        CsrGraph ok = CsrGraph.fromEdges(3, true, Graphs.edges(0, 1), new double[] {1});
        assertThatThrownBy(() -> run(ok, "sssp", Map.of("source", 9)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("source"));
    }
}
