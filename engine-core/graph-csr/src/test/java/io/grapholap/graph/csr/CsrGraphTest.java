package io.grapholap.graph.csr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapholap.application.graph.Column;
import io.grapholap.application.graph.ValueType;
import io.grapholap.domain.error.ValidationException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class CsrGraphTest {

    private static final ForkJoinPool POOL = new ForkJoinPool(3);

    @AfterAll
    static void shutdown() {
        POOL.shutdown();
    }

    private static int[] slice(int[] a, int from, int to) {
        return Arrays.copyOfRange(a, from, to);
    }

    @Test
    void directedGraphHasOutAndInAdjacencyInEdgeOrder() {
        // 0→1, 0→2, 1→2, 2→0, 3→2 ; vertex 4 isolated
        CsrGraph g = CsrGraph.fromEdges(5, true, new int[][] {{0, 1}, {0, 2}, {1, 2}, {2, 0}, {3, 2}});

        assertThat(g.vertexCount()).isEqualTo(5);
        assertThat(g.edgeCount()).isEqualTo(5);
        assertThat(g.arcCount()).isEqualTo(5);
        assertThat(g.outOffsets()).containsExactly(0, 2, 3, 4, 5, 5);
        assertThat(slice(g.outTargets(), g.outStart(0), g.outEnd(0))).containsExactly(1, 2);
        assertThat(g.inOffsets()).containsExactly(0, 1, 2, 5, 5, 5);
        assertThat(slice(g.inSources(), g.inStart(2), g.inEnd(2))).containsExactly(0, 1, 3);
        assertThat(g.inDegree(4)).isZero();
        assertThat(g.outDegree(4)).isZero();
        assertThat(g.hasIdentityKeys()).isTrue();
        assertThat(g.vertexKey(3)).isEqualTo(3L);
        assertThat(g.vertexId(3L)).isEqualTo(3);
        assertThat(g.vertexId("3")).isEqualTo(3);
        assertThat(g.vertexId(7L)).isEqualTo(-1);
    }

    @Test
    void plainGraphHoldsOnlyOffsetsAndTargets() {
        CsrGraph g = CsrGraph.fromEdges(5, true, new int[][] {{0, 1}, {0, 2}, {1, 2}, {2, 0}, {3, 2}});

        assertThat(g.outWeights()).isNull();
        assertThat(g.outEdgeTypeCodes()).isNull();
        assertThat(g.outEdgeRows()).isNull();
        // out and in: 6 offsets + 5 arcs each, 4 bytes apiece
        assertThat(g.bytesHeld()).isEqualTo(2 * (6 + 5) * 4L);
    }

    @Test
    void undirectedGraphSharesArraysAndStoresSelfLoopOnce() {
        // 0–1, 1–2, 2–2 (self-loop)
        CsrGraph g = CsrGraph.fromEdges(3, false, new int[][] {{0, 1}, {1, 2}, {2, 2}}, new double[] {1.5, 2.5, 4.0});

        assertThat(g.edgeCount()).isEqualTo(3);
        assertThat(g.arcCount()).isEqualTo(5);
        assertThat(slice(g.outTargets(), g.outStart(1), g.outEnd(1))).containsExactly(0, 2);
        assertThat(slice(g.outTargets(), g.outStart(2), g.outEnd(2))).containsExactly(1, 2);
        assertThat(g.inSources()).isSameAs(g.outTargets());
        assertThat(g.hasWeights()).isTrue();
        assertThat(Arrays.copyOfRange(g.outWeights(), g.outStart(1), g.outEnd(1))).containsExactly(1.5, 2.5);
        assertThat(g.outWeights("weight", 1.0)).isSameAs(g.outWeights());
    }

    @Test
    void edgeCountOfUndirectedGraphIsDerivedFromArcs() {
        var adj = Adjacency.fromEdges(3, new int[] {0, 1, 2}, new int[] {1, 2, 2}, true);
        CsrGraph g = CsrGraph.fromOutAdjacency(3, false, adj.offsets(), adj.targets(), POOL);
        assertThat(g.edgeCount()).isEqualTo(3);
    }

    @Test
    void parallelReverseMatchesSequentialAndIsSortedBySource() {
        Random random = new Random(42);
        int n = 2_000;
        int m = 30_000;
        int[] src = new int[m];
        int[] dst = new int[m];
        double[] w = new double[m];
        for (int i = 0; i < m; i++) {
            src[i] = random.nextInt(n);
            dst[i] = random.nextInt(n);
            w[i] = i;
        }
        var out = Adjacency.fromEdges(n, src, dst, false);
        double[] outW = new double[m];
        int[] rows = new int[m];
        for (int i = 0; i < m; i++) {
            outW[i] = w[out.edgeIndex()[i]];
            rows[i] = out.edgeIndex()[i];
        }
        var parallel = Adjacency.reverse(n, out.offsets(), out.targets(), outW, null, rows, POOL);
        var sequential = Adjacency.reverse(n, out.offsets(), out.targets(), outW, null, rows, null);

        assertThat(parallel.offsets()).isEqualTo(sequential.offsets());
        assertThat(parallel.sources()).isEqualTo(sequential.sources());
        assertThat(parallel.weights()).isEqualTo(sequential.weights());
        for (int v = 0; v < n; v++) {
            for (int i = parallel.offsets()[v]; i < parallel.offsets()[v + 1]; i++) {
                int edge = parallel.rows()[i];
                assertThat(src[edge]).isEqualTo(parallel.sources()[i]);
                assertThat(dst[edge]).isEqualTo(v);
                assertThat(parallel.weights()[i]).isEqualTo(w[edge]);
                if (i > parallel.offsets()[v]) {
                    assertThat(parallel.sources()[i]).isGreaterThanOrEqualTo(parallel.sources()[i - 1]);
                }
            }
        }
    }

    @Test
    void arcScatterMatchesDirectWritesAndKeepsArrivalOrder() {
        Random random = new Random(7);
        int n = 5_000;
        int m = 40_000;
        int[] src = new int[m];
        int[] dst = new int[m];
        int[] offsets = new int[n + 1];
        for (int i = 0; i < m; i++) {
            src[i] = random.nextInt(n);
            dst[i] = random.nextInt(n);
            offsets[src[i] + 1]++;
        }
        for (int v = 0; v < n; v++) {
            offsets[v + 1] += offsets[v];
        }
        int[] expectedTargets = new int[m];
        int[] expectedRows = new int[m];
        int[] cursor = Arrays.copyOf(offsets, n);
        for (int i = 0; i < m; i++) {
            int at = cursor[src[i]]++;
            expectedTargets[at] = dst[i];
            expectedRows[at] = i;
        }
        int[] targets = new int[m];
        int[] rows = new int[m];
        double[] weights = new double[m];
        // a small buffer forces many partial flushes
        ArcScatter scatter = new ArcScatter(n, Arrays.copyOf(offsets, n), targets, weights, null, rows, 1_000);
        for (int i = 0; i < m; i++) {
            scatter.add(src[i], dst[i], i * 0.5, (byte) 0, i);
        }
        scatter.flush();
        assertThat(targets).isEqualTo(expectedTargets);
        assertThat(rows).isEqualTo(expectedRows);
        for (int i = 0; i < m; i++) {
            assertThat(weights[i]).isEqualTo(rows[i] * 0.5);
        }
        int[] plainTargets = new int[m];
        ArcScatter plain = new ArcScatter(n, Arrays.copyOf(offsets, n), plainTargets, null, null, null, 1 << 20);
        for (int i = 0; i < m; i++) {
            plain.add(src[i], dst[i]);
        }
        plain.flush();
        assertThat(plainTargets).isEqualTo(expectedTargets);
    }

    @Test
    void labelsKeysPropertiesAndEdgeTypes() {
        // person: keys "ann","bob" (ids 0,1); city: UUID keys (id 2); lives_in: ann→city, knows: ann→bob
        UUID paris = UUID.fromString("00000000-0000-0000-0000-000000000007");
        var person = new VertexLabel(0, "person", 0, 2, VertexKeys.ofObjects(ValueType.STRING, new Object[] {"ann", "bob"}),
                Map.of("age", Column.ofLongs(new long[] {31, 42})));
        var city = new VertexLabel(1, "city", 2, 1, VertexKeys.ofObjects(ValueType.UUID, new Object[] {paris}), Map.of());
        var knows = new EdgeType(0, "knows", "person", "person", 0, 1,
                Map.of("since", Column.ofLongs(new long[] {2010})));
        var livesIn = new EdgeType(1, "lives_in", "person", "city", 1, 1, Map.of());
        // out: 0 → [2 (lives_in, row 1), 1 (knows, row 0)]
        CsrGraph g = CsrGraph.builder(3, true)
                .outAdjacency(new int[] {0, 2, 2, 2}, new int[] {2, 1})
                .edgeTypeCodes(new byte[] {1, 0}, null)
                .edgeRows(new int[] {1, 0}, null)
                .labels(List.of(person, city))
                .edgeTypes(List.of(knows, livesIn))
                .build();

        assertThat(g.vertexLabel(1)).isZero();
        assertThat(g.vertexLabel(2)).isEqualTo(1);
        assertThat(g.vertexKey(1)).isEqualTo("bob");
        assertThat(g.vertexKey(2)).isEqualTo(paris);
        assertThat(g.vertexId("city", paris.toString())).isEqualTo(2);
        assertThat(g.vertexId("person", "bob")).isEqualTo(1);
        assertThat(g.vertexId("city", "bob")).isEqualTo(-1);
        assertThat(g.vertexId("bob")).isEqualTo(1);
        assertThat(g.inEdgeType(g.inStart(1))).isZero();
        assertThat(g.inEdgeRows()[g.inStart(2)]).isEqualTo(1);
        assertThat(g.vertexProperty("person", "age").get(1)).isEqualTo(42L);
        assertThat(g.edgeProperty("knows", "since").get(0)).isEqualTo(2010L);
        assertThat(g.edgeCount()).isEqualTo(2);
        // knows has "since"; lives_in has no such property → default
        assertThat(g.outWeights("since", 1.0)).containsExactly(1.0, 2010.0);
        assertThatThrownBy(() -> g.outWeights("cost", 1.0)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("cost");
        assertThat(g.keyColumn().get(2)).isEqualTo(paris);
    }

    @Test
    void integerKeysUseIdentityOrPrimitiveIndex() {
        assertThat(VertexKeys.ofLongs(ValueType.INT64, new long[] {0, 1, 2})).isInstanceOf(VertexKeys.Identity.class);
        VertexKeys keys = VertexKeys.ofLongs(ValueType.INT64, new long[] {10, -5, 1L << 40});
        assertThat(keys).isInstanceOf(VertexKeys.Longs.class);
        assertThat(keys.localId(1L << 40)).isEqualTo(2);
        assertThat(keys.localId(-5)).isEqualTo(1);
        assertThat(keys.localId("10")).isZero();
        assertThat(keys.localId(11L)).isEqualTo(-1);
        assertThat(keys.key(1)).isEqualTo(-5L);
        assertThatThrownBy(() -> VertexKeys.ofLongs(ValueType.INT64, new long[] {3, 4, 3}))
                .isInstanceOf(VertexKeys.DuplicateKeyException.class).hasMessageContaining("row 2");
    }

    @Test
    void badArraysAreRejectedWithTheReason() {
        assertThatThrownBy(() -> CsrGraph.fromOutAdjacency(2, true, new int[] {0, 1, 2}, new int[] {1, 5}, POOL))
                .hasMessageContaining("points to 5");
        assertThatThrownBy(() -> CsrGraph.fromOutAdjacency(2, true, new int[] {0, 1}, new int[] {1}, POOL))
                .hasMessageContaining("length 2, expected 3");
        assertThatThrownBy(() -> CsrGraph.fromEdges(2, true, new int[][] {{0, 2}}))
                .hasMessageContaining("outside 0..1");
    }

    @Test
    void longIntHashMapHandlesCollisionsAndMissingKeys() {
        var map = new LongIntHashMap(1000);
        for (int i = 0; i < 1000; i++) {
            assertThat(map.put(i * 1_000_003L - 500, i)).isEqualTo(-1);
        }
        for (int i = 0; i < 1000; i++) {
            assertThat(map.get(i * 1_000_003L - 500)).isEqualTo(i);
        }
        assertThat(map.get(7)).isEqualTo(-1);
        assertThat(map.size()).isEqualTo(1000);
    }
}
