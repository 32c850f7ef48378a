package io.grapholap.gremlin.csr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapholap.application.graph.Column;
import io.grapholap.application.graph.ValueType;
import io.grapholap.domain.error.ValidationException;
import io.grapholap.graph.csr.CsrGraph;
import io.grapholap.graph.csr.EdgeType;
import io.grapholap.graph.csr.VertexKeys;
import io.grapholap.graph.csr.VertexLabel;
import java.util.List;
import java.util.Map;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;
import org.apache.tinkerpop.gremlin.structure.Direction;
import org.apache.tinkerpop.gremlin.structure.Edge;
import org.apache.tinkerpop.gremlin.structure.Vertex;
import org.apache.tinkerpop.gremlin.structure.VertexProperty;
import org.apache.tinkerpop.gremlin.util.iterator.IteratorUtils;
import org.junit.jupiter.api.Test;

class CsrGremlinGraphTest {

    /**
     * Two labels with string keys, two edge types with a property:
     * <pre>
     *   user "ann" -follows(since 2020)-> user "bob"
     *   user "bob" -follows(since 2021)-> user "ann"
     *   user "ann" -likes(since 2022)->   item "i1"
     *   user "bob" -likes(since 2023)->   item "i1"
     * </pre>
     * Edge rows: follows 0 (ann→bob), 1 (bob→ann); likes 2 (ann→i1), 3 (bob→i1).
     */
    private static CsrGremlinGraph social() {
        VertexLabel users = new VertexLabel(0, "user", 0, 2, VertexKeys.ofObjects(ValueType.STRING, new Object[] {"ann", "bob"}),
                Map.of("age", Column.ofInts(new int[] {31, 42}),
                        "tags", Column.ofObjects(ValueType.LIST, new Object[] {List.of("a", "b"), null})));
        VertexLabel items = new VertexLabel(1, "item", 2, 1, VertexKeys.ofObjects(ValueType.STRING, new Object[] {"i1"}),
                Map.of("price", Column.ofDoubles(new double[] {9.5})));
        EdgeType follows = new EdgeType(0, "follows", "user", "user", 0, 2, Map.of("since", Column.ofInts(new int[] {2020, 2021})));
        EdgeType likes = new EdgeType(1, "likes", "user", "item", 2, 2, Map.of("since", Column.ofInts(new int[] {2022, 2023})));
        // out-arcs: ann(0): bob(follows,row0), i1(likes,row2); bob(1): ann(follows,row1), i1(likes,row3)
        CsrGraph csr = CsrGraph.builder(3, true)
                .outAdjacency(new int[] {0, 2, 4, 4}, new int[] {1, 2, 0, 2})
                .edgeTypeCodes(new byte[] {0, 1, 0, 1}, null)
                .edgeRows(new int[] {0, 2, 1, 3}, null)
                .labels(List.of(users, items)).edgeTypes(List.of(follows, likes))
                .build();
        return new CsrGremlinGraph(csr);
    }

    @Test
    void verticesAreFoundByIdentityOrByAKeyOneLabelHolds() {
        CsrGremlinGraph graph = social();

        Vertex ann = graph.vertices("ann").next();
        assertThat(ann.id()).isEqualTo("user:ann");
        assertThat(graph.vertices("user:ann").next()).isEqualTo(ann);
        assertThat(graph.vertices(Map.of("label", "user", "key", "ann")).next()).isEqualTo(ann);
        assertThat(graph.vertices("item:ann").hasNext()).isFalse();
        assertThat(ann.label()).isEqualTo("user");
        assertThat(ann.<Integer>value("age")).isEqualTo(31);
        assertThat(IteratorUtils.count(graph.vertices("ann", "i1", "nobody"))).isEqualTo(2);
        assertThat(graph.vertices(ann).next()).isEqualTo(ann);
        assertThat(IteratorUtils.count(graph.vertices())).isEqualTo(3);
    }

    @Test
    void adjacencyFollowsDirectionAndEdgeLabels() {
        GraphTraversalSource g = social().traversal();

        assertThat(g.V("ann").out().id().toList()).containsExactlyInAnyOrder("user:bob", "item:i1");
        assertThat(g.V("ann").out("likes").id().toList()).containsExactly("item:i1");
        assertThat(g.V("i1").in("likes").id().toList()).containsExactlyInAnyOrder("user:ann", "user:bob");
        assertThat(g.V("ann").both("follows").id().toList()).containsExactly("user:bob", "user:bob");
        assertThat(g.V("ann").outE("follows").values("since").toList()).containsExactly(2020);
        assertThat(g.V("ann").inE("follows").values("since").toList()).containsExactly(2021);
    }

    @Test
    void anEdgeHasOneIdWhicheverSideItIsReachedFrom() {
        CsrGremlinGraph graph = social();
        Vertex bob = graph.vertices("bob").next();

        Edge out = bob.edges(Direction.OUT, "likes").next();
        List<Object> inIds = IteratorUtils.list(IteratorUtils.map(graph.vertices("i1").next().edges(Direction.IN, "likes"), Edge::id));
        Edge fromId = graph.edges(3L).next();

        assertThat(out.id()).isEqualTo(3L);
        assertThat(inIds).containsExactlyInAnyOrder(2L, 3L);
        assertThat(fromId).isEqualTo(out);
        assertThat(fromId.outVertex().id()).isEqualTo("user:bob");
        assertThat(fromId.inVertex().id()).isEqualTo("item:i1");
        assertThat(fromId.<Integer>value("since")).isEqualTo(2023);
        assertThat(graph.edges(99L).hasNext()).isFalse();
        assertThat(graph.edges("3").next()).isEqualTo(fromId);
    }

    @Test
    void listColumnsAreMultiProperties() {
        CsrGremlinGraph graph = social();
        Vertex ann = graph.vertices("ann").next();

        assertThat(IteratorUtils.list(ann.values("tags"))).containsExactly("a", "b");
        assertThat(graph.features().vertex().getCardinality("tags")).isEqualTo(VertexProperty.Cardinality.list);
        assertThat(graph.features().vertex().getCardinality("age")).isEqualTo(VertexProperty.Cardinality.single);
        assertThat(graph.vertices("bob").next().keys()).containsExactly("age");
    }

    @Test
    void everyWriteIsRefused() {
        CsrGremlinGraph graph = social();
        Vertex ann = graph.vertices("ann").next();
        Edge edge = graph.edges(0L).next();

        assertThatThrownBy(() -> graph.addVertex("name", "x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ann.addEdge("follows", ann)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ann.property("age", 1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(ann::remove).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> edge.property("since", 1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(edge::remove).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ann.property("age").remove()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(graph::tx).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(graph::variables).isInstanceOf(UnsupportedOperationException.class);
        assertThat(graph.features().vertex().supportsAddVertices()).isFalse();
        assertThat(graph.features().edge().supportsAddEdges()).isFalse();
        assertThat(graph.features().graph().supportsTransactions()).isFalse();
    }

    /** Two parallel edges 0→1 of one type with different weights (rows 0 and 1), and 1→0 (row 2). */
    @Test
    void parallelEdgesKeepTheirOwnIdsAndPropertiesFromBothSides() {
        EdgeType links = new EdgeType(0, "link", "vertex", "vertex", 0, 3,
                Map.of("w", Column.ofDoubles(new double[] {0.5, 2.5, 7.0})));
        CsrGraph csr = CsrGraph.builder(2, true).outAdjacency(new int[] {0, 2, 3}, new int[] {1, 1, 0})
                .edgeRows(new int[] {0, 1, 2}, null).edgeTypes(List.of(links)).build();
        GraphTraversalSource g = new CsrGremlinGraph(csr).traversal();

        assertThat(g.V(1L).inE().project("id", "w").by(org.apache.tinkerpop.gremlin.structure.T.id).by("w").toList())
                .containsExactlyInAnyOrderElementsOf(g.V(0L).outE().project("id", "w")
                        .by(org.apache.tinkerpop.gremlin.structure.T.id).by("w").toList())
                .hasSize(2);
        assertThat(g.E(1L).values("w").toList()).containsExactly(2.5);
        assertThat(g.V(0L).inE().values("w").toList()).containsExactly(7.0);
    }

    /** Undirected triangle 0-1-2 plus a self-loop on 2; identity keys, no edge properties. */
    @Test
    void undirectedGraphShowsEachEdgeOnce() {
        CsrGremlinGraph graph = new CsrGremlinGraph(CsrGraph.fromEdges(3, false, new int[][] {{0, 1}, {1, 2}, {2, 0}, {2, 2}}));
        GraphTraversalSource g = graph.traversal();

        assertThat(g.E().count().next()).isEqualTo(4L);
        assertThat(IteratorUtils.count(graph.edges())).isEqualTo(4);
        assertThat(g.V().out().count().next()).isEqualTo(4L);
        assertThat(g.V().outE().count().next()).isEqualTo(4L);
        assertThat(IteratorUtils.count(g.V().out().id())).isEqualTo(4);
        assertThat(g.V(2L).both().id().toList()).containsExactlyInAnyOrder("vertex:1", "vertex:0", "vertex:2", "vertex:2");
        assertThat(g.V().both().both().count().next()).isEqualTo(IteratorUtils.count(g.V().both().both().id()));
        List<Object> outIds = g.V().outE().id().toList();
        List<Object> inIds = g.V().inE().id().toList();
        assertThat(inIds).containsExactlyInAnyOrderElementsOf(outIds);
        assertThat(g.E(outIds.toArray()).count().next()).isEqualTo(4L);
    }

    /** Labels a and b both hold key 1: a bare 1 names no single vertex and is refused, listing both. */
    @Test
    void aKeyTwoLabelsHoldIsRefusedAndItsIdentitiesAreNot() {
        VertexLabel a = new VertexLabel(0, "a", 0, 2, VertexKeys.ofLongs(ValueType.INT64, new long[] {1, 2}), Map.of());
        VertexLabel b = new VertexLabel(1, "b", 2, 1, VertexKeys.ofLongs(ValueType.INT64, new long[] {1}), Map.of());
        CsrGraph csr = CsrGraph.builder(3, true).outAdjacency(new int[] {0, 1, 1, 1}, new int[] {2})
                .labels(List.of(a, b)).build();
        GraphTraversalSource g = new CsrGremlinGraph(csr).traversal();

        assertThat(g.V("b:1").in().id().toList()).containsExactly("a:1");
        assertThat(g.V(2).id().toList()).containsExactly("a:2");
        assertThat(g.V().hasId("b:1").count().next()).isEqualTo(1L);
        assertThatThrownBy(() -> g.V(1).toList()).isInstanceOf(ValidationException.class)
                .hasMessageContaining("[a, b]")
                .satisfies(e -> assertThat(((ValidationException) e).details()).containsEntry("labels", List.of("a", "b")));
    }
}
