package io.grapholap.gremlin.csr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapholap.application.graph.QueryLimits;
import io.grapholap.application.graph.QueryResult;
import io.grapholap.domain.error.OperationTimeoutException;
import io.grapholap.domain.error.ValidationException;
import io.grapholap.graph.csr.ComputePool;
import io.grapholap.graph.csr.CsrGraph;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.tinkerpop.gremlin.tinkergraph.structure.TinkerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class GremlinExecutorTest {

    /** TinkerPop's "modern" graph: marko(1) knows vadas(2) and josh(4), created lop(3); josh created ripple(5), lop. */
    private static final ComputePool THREADS = ComputePool.create("gremlin-test", 2);
    private static final GremlinExecutor MODERN = new GremlinExecutor(TinkerToCsr.convert(TinkerFactory.createModern()),
            THREADS.queries());

    @AfterAll
    static void closeThreads() {
        THREADS.close();
    }
    private static final QueryLimits LIMITS = new QueryLimits(Duration.ofSeconds(30), 100);

    private static List<Object> column(QueryResult result) {
        return result.rows().stream().map(row -> row.get(0)).toList();
    }

    @Test
    void answersATraversalAsOneResultColumn() {
        QueryResult result = MODERN.execute("g.V().has('name','marko').out('knows').values('name')", Map.of(), LIMITS);

        assertThat(result.columns()).containsExactly("result");
        assertThat(column(result)).containsExactlyInAnyOrder("vadas", "josh");
        assertThat(result.truncated()).isFalse();
    }

    @Test
    void bindsVariables() {
        QueryResult result = MODERN.execute("g.V().has('name', who).values('age')", Map.of("who", "josh"), LIMITS);

        assertThat(column(result)).containsExactly(32);
    }

    @Test
    void cutsAtTheRowLimitAndSaysSo() {
        QueryResult result = MODERN.execute("g.V().values('name')", Map.of(), new QueryLimits(Duration.ofSeconds(30), 2));

        assertThat(result.rows()).hasSize(2);
        assertThat(result.truncated()).isTrue();
    }

    @Test
    void exactlyLimitRowsIsNotTruncated() {
        QueryResult result = MODERN.execute("g.V().hasLabel('software').values('name')", Map.of(),
                new QueryLimits(Duration.ofSeconds(30), 2));

        assertThat(column(result)).containsExactlyInAnyOrder("lop", "ripple");
        assertThat(result.truncated()).isFalse();
    }

    @Test
    void vertexBecomesAPlainMap() {
        QueryResult result = MODERN.execute("g.V(1)", Map.of(), LIMITS);

        assertThat(column(result)).containsExactly(Map.of("id", "person:1", "label", "person", "type", "vertex",
                "properties", Map.of("name", "marko", "age", 29)));
    }

    @Test
    void edgeBecomesAPlainMapWithEndpointIdentities() {
        QueryResult result = MODERN.execute("g.V(1).outE('knows').has('weight', 1.0)", Map.of(), LIMITS);

        @SuppressWarnings("unchecked")
        Map<String, Object> edge = (Map<String, Object>) column(result).get(0);
        assertThat(edge).containsEntry("label", "knows").containsEntry("outV", "person:1").containsEntry("inV", "person:4")
                .containsEntry("type", "edge").containsEntry("properties", Map.of("weight", 1.0));
    }

    @Test
    void pathsAndMapsBecomeListsAndStringKeyedMaps() {
        QueryResult paths = MODERN.execute("g.V(1).out('created').path().by('name')", Map.of(), LIMITS);
        QueryResult counts = MODERN.execute("g.V().groupCount().by(label)", Map.of(), LIMITS);

        assertThat(column(paths)).containsExactly(Map.of("labels", List.of(List.of(), List.of()),
                "objects", List.of("marko", "lop")));
        assertThat(column(counts)).containsExactly(Map.of("person", 4L, "software", 2L));
    }

    @Test
    void aTerminalStepGivesOneRow() {
        QueryResult result = MODERN.execute("g.V().count().next()", Map.of(), LIMITS);

        assertThat(column(result)).containsExactly(6L);
    }

    @Test
    void syntaxErrorNamesTheQueryAndThePosition() {
        assertThatThrownBy(() -> MODERN.execute("g.V().out(", Map.of(), LIMITS))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("query");
                    assertThat(e.getMessage()).contains("line 1").contains("position");
                });
    }

    @Test
    void lambdasAreNotPartOfTheLanguage() {
        assertThatThrownBy(() -> MODERN.execute("g.V().map{ it.get().graph().close() }", Map.of(), LIMITS))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("query"));
    }

    @Test
    void unboundVariableIsAValidationError() {
        assertThatThrownBy(() -> MODERN.execute("g.V(missing)", Map.of(), LIMITS))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("query"));
    }

    @Test
    void writesAreRefused() {
        assertThatThrownBy(() -> MODERN.execute("g.addV('person').property('name','eve')", Map.of(), LIMITS))
                .isInstanceOf(ValidationException.class).hasMessageContaining("not support adding vertices");
        assertThatThrownBy(() -> MODERN.execute("g.V(1).property('age', 30)", Map.of(), LIMITS))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> MODERN.execute("g.V().drop()", Map.of(), LIMITS))
                .isInstanceOf(ValidationException.class);
        assertThat(column(MODERN.execute("g.V().count()", Map.of(), LIMITS))).containsExactly(6L);
    }

    @Test
    void emptyQueryIsAValidationError() {
        assertThatThrownBy(() -> MODERN.execute("  ", Map.of(), LIMITS))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("query"));
    }

    @Test
    void aQueryPastItsTimeoutIsStopped() throws InterruptedException {
        int n = 60;
        int[][] edges = new int[n * (n - 1)][];
        int k = 0;
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                if (a != b) {
                    edges[k++] = new int[] {a, b};
                }
            }
        }
        GremlinExecutor complete = new GremlinExecutor(CsrGraph.fromEdges(n, true, edges), THREADS.queries());

        assertThatThrownBy(() -> complete.execute("g.V().repeat(out()).times(8).path().count()", Map.of(),
                new QueryLimits(Duration.ofMillis(200), 10)))
                .isInstanceOf(OperationTimeoutException.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (queryRunning() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(queryRunning()).as("query thread left the query after the timeout").isFalse();
    }

    private static boolean queryRunning() {
        return THREADS.runningQueries() > 0;
    }
}
