package io.grapholap.gremlin.csr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import org.apache.tinkerpop.gremlin.LoadGraphWith;
import org.apache.tinkerpop.gremlin.process.traversal.Traversal;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.__;
import org.apache.tinkerpop.gremlin.tinkergraph.structure.TinkerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CsrStrategiesTest {

    private static final GraphTraversalSource MODERN = new CsrGremlinGraph(TinkerToCsr.convert(TinkerFactory.createModern())).traversal();

    /** Counts on the Grateful Dead graph (808 vertices, 8049 edges), answered by TinkerGraph as the reference. */
    static List<Function<GraphTraversalSource, Traversal<?, Long>>> counts() {
        return List.of(
                g -> g.V().count(),
                g -> g.E().count(),
                g -> g.E().hasLabel("followedBy").count(),
                g -> g.V().hasLabel("song").count(),
                g -> g.V().hasLabel("artist", "song").count(),
                g -> g.V().has("songType", "cover").count(),
                g -> g.V().has("performances", 1).count(),
                g -> g.V().has("performances", org.apache.tinkerpop.gremlin.process.traversal.P.gt(100)).count(),
                g -> g.V().out().count(),
                g -> g.V().out().out().count(),
                g -> g.V().out().out().out().count(),
                g -> g.V().both().both().count(),
                g -> g.V().in("sungBy").out("followedBy").count(),
                g -> g.V().hasLabel("artist").in("writtenBy", "sungBy").bothE().count(),
                g -> g.V().has("name", "HEY BO DIDDLEY").out().out().count(),
                g -> g.V().outE("followedBy").count());
    }

    @ParameterizedTest
    @MethodSource("counts")
    void countsMatchTinkerGraph(Function<GraphTraversalSource, Traversal<?, Long>> query) {
        GraphTraversalSource csr = CsrFeatureWorld.graph(LoadGraphWith.GraphData.GRATEFUL).traversal();

        long expected = query.apply(referenceGrateful()).next();
        assertThat(query.apply(csr).next()).isEqualTo(expected);
    }

    private static GraphTraversalSource reference;

    private static synchronized GraphTraversalSource referenceGrateful() {
        if (reference == null) {
            reference = CsrFeatureWorld.gratefulDead().traversal();
        }
        return reference;
    }

    @Test
    void countsArePushedIntoOneStep() {
        assertThat(plan(MODERN.V().out().out().count())).startsWith("[CsrCountStep(");
        assertThat(plan(MODERN.V().hasLabel("person").count())).startsWith("[CsrCountStep(");
        assertThat(plan(MODERN.E().count())).startsWith("[CsrCountStep(");
        assertThat(MODERN.V().out().out().count().next()).isEqualTo(2L);
        assertThat(MODERN.V().hasLabel("person").count().next()).isEqualTo(4L);
        assertThat(MODERN.V().hasLabel("person").out("created").count().next()).isEqualTo(4L);
    }

    @Test
    void withoutBulkingTheCountIsTinkerPops() {
        GraphTraversalSource reference = TinkerFactory.createModern().traversal();

        assertThat(plan(MODERN.withBulk(false).V().both().both().count())).doesNotContain("CsrCountStep");
        assertThat(MODERN.withBulk(false).V().both().both().count().next())
                .isEqualTo(reference.withBulk(false).V().both().both().count().next());
    }

    @Test
    void labelledOrFilteredPathsAreNotPushedDown() {
        assertThat(plan(MODERN.V().as("a").out().count())).doesNotContain("CsrCountStep");
        assertThat(plan(MODERN.V().out().has("age").count())).doesNotContain("CsrCountStep");
        assertThat(MODERN.V().out().has("age").count().next()).isEqualTo(2L);
    }

    @Test
    void hasFiltersFoldIntoTheGraphStep() {
        String plan = plan(MODERN.V().hasLabel("person").has("age", 29).values("name"));

        assertThat(plan).startsWith("[CsrGraphStep(vertex,[],[~label.eq(person), age.eq(29)])");
        assertThat(MODERN.V().hasLabel("person").has("age", 29).values("name").toList()).containsExactly("marko");
        assertThat(MODERN.V().has("age", 29L).values("name").toList()).containsExactly("marko");
        assertThat(MODERN.V().has("age", 29.0).values("name").toList()).containsExactly("marko");
        assertThat(MODERN.V().has("age", 29.5).values("name").toList()).isEmpty();
        assertThat(MODERN.V().has("name", "lop").has("lang", "java").id().toList()).containsExactly("software:3");
        assertThat(MODERN.V().has("name", __.is("josh")).values("age").toList()).containsExactly(32);
    }

    @Test
    void emptyIdListMatchesNothing() {
        assertThat(MODERN.V().hasId(List.of()).count().next()).isZero();
        assertThat(MODERN.V().hasId(1, 2).count().next()).isEqualTo(2L);
    }

    private static String plan(Traversal<?, ?> traversal) {
        Traversal.Admin<?, ?> admin = traversal.asAdmin();
        admin.applyStrategies();
        return admin.getSteps().toString();
    }
}
