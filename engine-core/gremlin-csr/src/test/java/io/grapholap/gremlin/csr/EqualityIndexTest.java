package io.grapholap.gremlin.csr;

import io.grapholap.graph.csr.EqualityIndex;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapholap.application.graph.Column;
import io.grapholap.application.graph.ValueType;
import java.util.BitSet;
import java.util.List;
import java.util.function.Function;
import org.apache.tinkerpop.gremlin.process.traversal.P;
import org.apache.tinkerpop.gremlin.process.traversal.Traversal;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;
import org.apache.tinkerpop.gremlin.structure.T;
import org.apache.tinkerpop.gremlin.tinkergraph.structure.TinkerGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EqualityIndexTest {

    private static BitSet bits(int... rows) {
        BitSet b = new BitSet();
        for (int r : rows) {
            b.set(r);
        }
        return b;
    }

    @Test
    void longColumnReturnsAscendingRowsAndSkipsNulls() {
        // rows:      0  1  2  3  4   (row 3 is null; its stored 7 must not be found)
        Column c = new Column.Int64(ValueType.INT64, new long[] {7, 5, 7, 7, -1}, bits(3));
        EqualityIndex index = EqualityIndex.build(c);

        assertThat(index.lookup(7L)).containsExactly(0, 2);
        assertThat(index.lookup(7)).containsExactly(0, 2);
        assertThat(index.lookup(7.0)).containsExactly(0, 2);
        assertThat(index.lookup(-1)).containsExactly(4);
        assertThat(index.lookup(6L)).isEmpty();
        assertThat(index.lookup(7.5)).isEmpty();
        assertThat(index.lookup("7")).isNull();
        assertThat(index.bytes()).isPositive();
    }

    @Test
    void intColumnMatchesIntegralNumbersOfAnyType() {
        Column c = new Column.Int32(ValueType.INT32, new int[] {1, 2, 1}, null);
        EqualityIndex index = EqualityIndex.build(c);

        assertThat(index.lookup((short) 1)).containsExactly(0, 2);
        assertThat(index.lookup(2L)).containsExactly(1);
        assertThat(index.lookup(1L << 32 | 1)).isEmpty();
    }

    @Test
    void doubleColumnFoldsNegativeZeroAndNeverMatchesNaN() {
        Column c = new Column.Float64(new double[] {0.0, -0.0, Double.NaN, 2.5, 3.0}, null);
        EqualityIndex index = EqualityIndex.build(c);

        assertThat(index.lookup(-0.0)).containsExactly(0, 1);
        assertThat(index.lookup(Double.NaN)).isEmpty();
        assertThat(index.lookup(2.5f)).containsExactly(3);
        assertThat(index.lookup(3)).containsExactly(4);
    }

    @Test
    void stringColumnMatchesExactlyAndSkipsNulls() {
        Column c = new Column.Boxed(ValueType.STRING, new Object[] {"a", null, "b", "a", "A"});
        EqualityIndex index = EqualityIndex.build(c);

        assertThat(index.lookup("a")).containsExactly(0, 3);
        assertThat(index.lookup("A")).containsExactly(4);
        assertThat(index.lookup("c")).isEmpty();
        assertThat(index.lookup(1)).isNull();
    }

    @Test
    void manyDistinctKeysAllResolve() {
        long[] values = new long[10_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i * 1_000_003L % 4_999;
        }
        EqualityIndex index = EqualityIndex.build(new Column.Int64(ValueType.INT64, values, null));

        for (int i = 0; i < values.length; i++) {
            assertThat(index.lookup(values[i])).contains(i);
        }
    }

    /** Two labels share "name" and "code"; the city "v1" has the same name as a person. */
    private static TinkerGraph sample() {
        TinkerGraph g = TinkerGraph.open();
        for (int i = 0; i < 40; i++) {
            if (i % 7 == 0) {
                g.addVertex(T.id, (long) i, T.label, "person", "name", "v" + i);
            } else {
                g.addVertex(T.id, (long) i, T.label, "person", "name", "v" + i, "code", (long) (i % 5),
                        "score", i / 2.0);
            }
        }
        g.addVertex(T.id, 100L, T.label, "city", "name", "v1", "code", 1L);
        g.addVertex(T.id, 101L, T.label, "city", "name", "paris", "code", 9L);
        return g;
    }

    static List<Function<GraphTraversalSource, Traversal<?, ?>>> lookups() {
        return List.of(
                g -> g.V().has("name", "v1").id(),
                g -> g.V().has("person", "name", "v1").id(),
                g -> g.V().has("city", "name", "v1").id(),
                g -> g.V().has("name", "nobody").id(),
                g -> g.V().has("code", 1).id(),
                g -> g.V().has("code", 1L).id(),
                g -> g.V().has("code", 1.0).id(),
                g -> g.V().has("code", 1.5).id(),
                g -> g.V().has("code", "1").id(),
                g -> g.V().has("code", P.eq(3)).id(),
                g -> g.V().has("code", P.within(1, 3, 9)).id(),
                g -> g.V().has("person", "code", P.within(1L, 1, 3.0)).id(),
                g -> g.V().has("name", P.within("v2", "paris", "none")).id(),
                g -> g.V().has("score", 3.5).id(),
                g -> g.V().has("score", 7).id(),
                g -> g.V().has("code", 4).has("name", "v4").id(),
                g -> g.V().has("code", 4).has("score", P.gt(5)).id(),
                g -> g.V().has("missing", 1).id(),
                g -> g.V().has("name", "v1").count(),
                g -> g.V().has("code", P.within(0, 2)).count(),
                g -> g.V().has("code", 2).out().count(),
                g -> g.V().hasLabel("city").has("code", 9).values("name"));
    }

    @ParameterizedTest
    @MethodSource("lookups")
    void lookupsMatchTinkerGraph(Function<GraphTraversalSource, Traversal<?, ?>> query) {
        TinkerGraph tinker = sample();
        GraphTraversalSource csr = new CsrGremlinGraph(TinkerToCsr.convert(tinker)).traversal();

        List<Object> expected = List.copyOf(query.apply(tinker.traversal()).toList());
        List<Object> actual = query.apply(csr).toList().stream().map(EqualityIndexTest::keyOfIdentity).toList();
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    }

    /** TinkerGraph's vertex ids here are the keys; ours are identities "label:key". */
    private static Object keyOfIdentity(Object value) {
        return value instanceof String s && s.matches("(person|city):\\d+") ? Long.parseLong(s.substring(s.indexOf(':') + 1))
                : value;
    }

    @Test
    void indexIsBuiltOnFirstLookupAndAccounted() {
        CsrGremlinGraph graph = new CsrGremlinGraph(TinkerToCsr.convert(sample()));
        assertThat(graph.equalityIndexBytes()).isZero();

        assertThat(graph.traversal().V().has("person", "name", "v3").id().toList()).containsExactly("person:3");
        long afterOne = graph.equalityIndexBytes();
        assertThat(afterOne).isPositive();

        assertThat(graph.traversal().V().has("person", "name", "v5").id().toList()).containsExactly("person:5");
        assertThat(graph.equalityIndexBytes()).isEqualTo(afterOne);
    }

    @Test
    void rangePredicatesDoNotBuildAnIndex() {
        CsrGremlinGraph graph = new CsrGremlinGraph(TinkerToCsr.convert(sample()));

        assertThat(graph.traversal().V().has("code", P.gt(3)).count().next()).isEqualTo(8L);
        assertThat(graph.equalityIndexBytes()).isZero();
    }
}
