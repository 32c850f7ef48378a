package io.grapholap.engine.cpu.algo;

import io.grapholap.application.graph.CancellationToken;
import io.grapholap.application.graph.ExecutionContext;
import io.grapholap.application.graph.algo.AlgorithmRegistry;
import io.grapholap.application.graph.ProgressListener;
import io.grapholap.domain.error.CancelledException;
import io.grapholap.domain.error.OperationTimeoutException;
import io.grapholap.graph.csr.CsrGraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.grapholap.engine.cpu.algo.Graphs.doubles;
import static io.grapholap.engine.cpu.algo.Graphs.longs;
import static io.grapholap.engine.cpu.algo.Graphs.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

/**
 * Cancellation, progress, and the parallel kernels checked against plain sequential definitions on
 * random graphs big enough to take the parallel paths (bottom-up BFS, Afforest's skip).
 */
class CancellationAndCrossCheckTest {

    @Test
    void aCancelledTokenStopsTheRun() {
        CsrGraph g = Graphs.random(2000, 10000, true, 1);
        CancellationToken token = CancellationToken.create();
        token.cancel();
        assertThatThrownBy(() -> CpuAlgorithms.run(g, AlgorithmRegistry.parse("wcc", Map.of()),
                new ExecutionContext(token, ProgressListener.NONE, 2))).isInstanceOf(CancelledException.class);
    }

    @Test
    void cancellingDuringARunStopsItInsideTheLoop() {
        CsrGraph g = Graphs.random(2000, 10000, true, 1);
        CancellationToken token = CancellationToken.create();
        List<Double> seen = new CopyOnWriteArrayList<>();
        ProgressListener cancelOnFirstReport = (phase, fraction, message) -> {
            seen.add(fraction);
            token.cancel();
        };
        assertThatThrownBy(() -> CpuAlgorithms.run(g, AlgorithmRegistry.parse("pagerank", Map.of("iterations", 1000)),
                new ExecutionContext(token, cancelOnFirstReport, 2))).isInstanceOf(CancelledException.class);
        assertThat(seen).isNotEmpty().allSatisfy(f -> assertThat(f).isLessThan(1.0));
    }

    @Test
    void aPassedDeadlineIsATimeout() {
        CsrGraph g = Graphs.random(2000, 10000, false, 1);
        assertThatThrownBy(() -> CpuAlgorithms.run(g, AlgorithmRegistry.parse("cdlp", Map.of()),
                new ExecutionContext(CancellationToken.withTimeout(Duration.ZERO), ProgressListener.NONE, 2)))
                .isInstanceOf(OperationTimeoutException.class);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void bfsMatchesAPlainQueue(boolean directed) {
        CsrGraph g = Graphs.random(20000, 200000, directed, 3);
        for (int source : new int[] {0, 17, 4321}) {
            long[] expected = new long[g.vertexCount()];
            Arrays.fill(expected, Long.MAX_VALUE);
            expected[source] = 0;
            ArrayDeque<Integer> q = new ArrayDeque<>(List.of(source));
            while (!q.isEmpty()) {
                int u = q.poll();
                for (int e = g.outStart(u); e < g.outEnd(u); e++) {
                    int v = g.outTarget(e);
                    if (expected[v] == Long.MAX_VALUE) {
                        expected[v] = expected[u] + 1;
                        q.add(v);
                    }
                }
            }
            assertThat(longs(run(g, "bfs", Map.of("source", source)), "depth")).containsExactly(expected);
            assertThat(longs(run(g, "bfs", Map.of("source", source), 1), "depth")).containsExactly(expected);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void wccMatchesAPlainUnionFind(boolean directed) {
        CsrGraph g = Graphs.random(30000, 20000, directed, 5);
        int n = g.vertexCount();
        int[] parent = new int[n];
        for (int v = 0; v < n; v++) {
            parent[v] = v;
        }
        for (int u = 0; u < n; u++) {
            for (int e = g.outStart(u); e < g.outEnd(u); e++) {
                int a = root(parent, u);
                int b = root(parent, g.outTarget(e));
                parent[Math.max(a, b)] = Math.min(a, b);
            }
        }
        long[] expected = new long[n];
        for (int v = 0; v < n; v++) {
            expected[v] = root(parent, v);
        }
        assertThat(longs(run(g, "wcc", Map.of()), "component")).containsExactly(expected);
    }

    private static int root(int[] parent, int v) {
        while (parent[v] != v) {
            v = parent[v];
        }
        return v;
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void pageRankMatchesTheFormula(boolean directed) {
        CsrGraph g = Graphs.random(5000, 30000, directed, 7);
        int n = g.vertexCount();
        double d = 0.85;
        double[] pr = new double[n];
        Arrays.fill(pr, 1.0 / n);
        for (int it = 0; it < 10; it++) {
            double dangling = 0;
            for (int v = 0; v < n; v++) {
                if (g.outDegree(v) == 0) {
                    dangling += pr[v];
                }
            }
            double[] next = new double[n];
            for (int v = 0; v < n; v++) {
                double s = 0;
                for (int e = g.inStart(v); e < g.inEnd(v); e++) {
                    int u = g.inSource(e);
                    s += pr[u] / g.outDegree(u);
                }
                next[v] = (1 - d) / n + d * s + d * dangling / n;
            }
            pr = next;
        }
        // Contributions are held as floats: each rank within 1e-6 of the all-double formula (Graphalytics allows 1e-4).
        double[] ranks = doubles(run(g, "pagerank", Map.of("iterations", 10)), "rank");
        assertThat(ranks).hasSize(n);
        for (int v = 0; v < n; v++) {
            assertThat(ranks[v]).as("rank of %d", v).isCloseTo(pr[v], withinPercentage(1e-4));
        }
    }

    @Test
    void cdlpMatchesTheDefinition() {
        CsrGraph g = Graphs.random(3000, 12000, true, 9);
        long[] labels = new long[g.vertexCount()];
        Arrays.setAll(labels, v -> v);
        labels = cdlpByDefinition(g, labels, 5);
        assertThat(longs(run(g, "cdlp", Map.of("iterations", 5)), "community")).containsExactly(labels);
    }

    @Test
    void cdlpMatchesTheDefinitionOverManyIterationsWhileLabelsSettle() {
        // Ten iterations: by the later ones most vertices keep their label because no neighbour changed,
        // and are skipped; ranges of several bitmap words, directed and undirected.
        for (boolean directed : new boolean[] {true, false}) {
            CsrGraph g = Graphs.random(20_000, 60_000, directed, 17);
            long[] labels = new long[g.vertexCount()];
            Arrays.setAll(labels, v -> v);
            labels = cdlpByDefinition(g, labels, 10);
            assertThat(longs(run(g, "cdlp", Map.of("iterations", 10)), "community")).as("directed %s", directed)
                    .containsExactly(labels);
        }
    }

    @Test
    void cdlpBreaksTiesByTheSmallestKeyWhenKeysDoNotFollowTheVertexOrder() {
        int n = 2000;
        java.util.SplittableRandom r = new java.util.SplittableRandom(31);
        Object[] keys = new Object[n];
        long[] keyOf = new long[n];
        for (int v = 0; v < n; v++) {
            keyOf[v] = 7L * v + 3;
        }
        for (int v = n - 1; v > 0; v--) {
            int j = r.nextInt(v + 1);
            long t = keyOf[v];
            keyOf[v] = keyOf[j];
            keyOf[j] = t;
        }
        for (int v = 0; v < n; v++) {
            keys[v] = keyOf[v];
        }
        int[] pairs = new int[2 * 9000];
        for (int i = 0; i < pairs.length; i += 2) {
            pairs[i] = (int) (n * Math.pow(r.nextDouble(), 2));
            pairs[i + 1] = r.nextInt(n);
        }
        CsrGraph g = Graphs.keyed(true, keys, pairs);
        long[] labels = cdlpByDefinition(g, keyOf, 4);
        assertThat(longs(run(g, "cdlp", Map.of("iterations", 4)), "community")).containsExactly(labels);
    }

    @Test
    void lccAndTrianglesMatchBruteForceOnASmallDenseGraph() {
        CsrGraph g = Graphs.random(60, 500, false, 13);
        int n = g.vertexCount();
        boolean[][] adj = new boolean[n][n];
        for (int u = 0; u < n; u++) {
            for (int e = g.outStart(u); e < g.outEnd(u); e++) {
                int v = g.outTarget(e);
                if (u != v) {
                    adj[u][v] = true;
                    adj[v][u] = true;
                }
            }
        }
        double[] lcc = doubles(run(g, "lcc", Map.of()), "lcc");
        long[] tri = longs(run(g, "triangle_count", Map.of()), "triangles");
        for (int v = 0; v < n; v++) {
            int k = 0;
            long t = 0;
            for (int a = 0; a < n; a++) {
                if (adj[v][a]) {
                    k++;
                    for (int b = a + 1; b < n; b++) {
                        if (adj[v][b] && adj[a][b]) {
                            t++;
                        }
                    }
                }
            }
            assertThat(tri[v]).as("triangles of %d", v).isEqualTo(t);
            assertThat(lcc[v]).as("lcc of %d", v).isCloseTo(k < 2 ? 0 : 2.0 * t / ((double) k * (k - 1)), within(1e-12));
        }
    }

    @Test
    void directedLccMatchesTheGraphalyticsDefinition() {
        CsrGraph g = Graphs.random(80, 900, true, 23);
        int n = g.vertexCount();
        boolean[][] arc = new boolean[n][n];
        for (int u = 0; u < n; u++) {
            for (int e = g.outStart(u); e < g.outEnd(u); e++) {
                arc[u][g.outTarget(e)] = true;
            }
        }
        double[] lcc = doubles(run(g, "lcc", Map.of()), "lcc");
        for (int v = 0; v < n; v++) {
            List<Integer> nb = new java.util.ArrayList<>();
            for (int u = 0; u < n; u++) {
                if (u != v && (arc[v][u] || arc[u][v])) {
                    nb.add(u);
                }
            }
            long links = 0;
            for (int a : nb) {
                for (int b : nb) {
                    if (a != b && arc[a][b]) {
                        links++;
                    }
                }
            }
            int k = nb.size();
            assertThat(lcc[v]).as("lcc of %d", v)
                    .isCloseTo(k < 2 ? 0 : (double) links / ((double) k * (k - 1)), within(1e-12));
        }
    }

    @Test
    void ssspMatchesBellmanFord() {
        CsrGraph g = Graphs.randomWeighted(2000, 12000, true, 17);
        int n = g.vertexCount();
        double[] w = g.outWeights();
        double[] dist = new double[n];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        dist[0] = 0;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int u = 0; u < n; u++) {
                if (dist[u] == Double.POSITIVE_INFINITY) {
                    continue;
                }
                for (int e = g.outStart(u); e < g.outEnd(u); e++) {
                    if (dist[u] + w[e] < dist[g.outTarget(e)]) {
                        dist[g.outTarget(e)] = dist[u] + w[e];
                        changed = true;
                    }
                }
            }
        }
        assertThat(doubles(run(g, "sssp", Map.of("source", 0)), "distance")).containsExactly(dist, within(1e-9));
    }

    @Test
    void kcoreMatchesRepeatedPeeling() {
        CsrGraph g = Graphs.random(400, 3000, false, 19);
        int n = g.vertexCount();
        java.util.List<java.util.Set<Integer>> adj = new java.util.ArrayList<>();
        for (int v = 0; v < n; v++) {
            adj.add(new java.util.HashSet<>());
        }
        for (int u = 0; u < n; u++) {
            for (int e = g.outStart(u); e < g.outEnd(u); e++) {
                if (g.outTarget(e) != u) {
                    adj.get(u).add(g.outTarget(e));
                }
            }
        }
        long[] expected = new long[n];
        boolean[] removed = new boolean[n];
        for (int k = 0, left = n; left > 0; k++) {
            boolean again = true;
            while (again) {
                again = false;
                for (int v = 0; v < n; v++) {
                    if (!removed[v] && live(adj.get(v), removed) <= k) {
                        removed[v] = true;
                        expected[v] = k;
                        left--;
                        again = true;
                    }
                }
            }
        }
        assertThat(longs(run(g, "kcore", Map.of()), "core")).containsExactly(expected);
    }

    private static int live(java.util.Set<Integer> nbrs, boolean[] removed) {
        int c = 0;
        for (int u : nbrs) {
            if (!removed[u]) {
                c++;
            }
        }
        return c;
    }

    /** Label propagation as Graphalytics defines it, from {@code initial}, one vertex at a time. */
    private static long[] cdlpByDefinition(CsrGraph g, long[] initial, int iterations) {
        int n = g.vertexCount();
        long[] labels = initial.clone();
        for (int it = 0; it < iterations; it++) {
            long[] next = new long[n];
            for (int v = 0; v < n; v++) {
                var counts = new java.util.TreeMap<Long, Integer>();
                for (int e = g.outStart(v); e < g.outEnd(v); e++) {
                    counts.merge(labels[g.outTarget(e)], 1, Integer::sum);
                }
                for (int e = g.inStart(v); e < g.inEnd(v); e++) {
                    counts.merge(labels[g.inSource(e)], 1, Integer::sum);
                }
                long best = labels[v];
                int bestCount = 0;
                for (var entry : counts.entrySet()) {
                    if (entry.getValue() > bestCount) {
                        bestCount = entry.getValue();
                        best = entry.getKey();
                    }
                }
                next[v] = best;
            }
            labels = next;
        }
        return labels;
    }
}
