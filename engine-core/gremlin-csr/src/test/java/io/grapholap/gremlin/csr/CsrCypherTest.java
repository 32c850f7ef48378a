package io.grapholap.gremlin.csr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapholap.application.graph.AlgorithmCalls;
import io.grapholap.application.graph.QueryLimits;
import io.grapholap.application.graph.QueryResult;
import io.grapholap.cypher.csr.CypherRunner;
import io.grapholap.domain.error.OperationTimeoutException;
import io.grapholap.domain.error.QueryException;
import io.grapholap.graph.csr.ComputePool;
import io.grapholap.graph.csr.CsrGraph;
import io.grapholap.graph.csr.PropertyIndexes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.tinkerpop.gremlin.tinkergraph.structure.TinkerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Cypher over the CSR graph of TinkerPop's "modern" graph (marko knows vadas and josh and created lop;
 * josh created ripple and lop; peter created lop), through the runner the instances use: patterns in
 * every direction, relationship properties, variable length, nodes and paths in answers, the limits and
 * the errors.
 */
class CsrCypherTest {

    private static final ComputePool THREADS = ComputePool.create("cypher-test", 2);
    private static final CypherRunner MODERN = new CypherRunner(TinkerToCsr.convert(TinkerFactory.createModern()),
            new PropertyIndexes(), THREADS.queries());
    private static final QueryLimits LIMITS = new QueryLimits(Duration.ofSeconds(30), 100);

    @AfterAll
    static void closeThreads() {
        THREADS.close();
    }

    private static List<List<Object>> rows(String query) {
        return MODERN.execute(query, Map.of(), LIMITS, AlgorithmCalls.NONE).rows();
    }

    @Test
    void followsOutgoingRelationshipsOfAType() {
        assertThat(rows("MATCH (p:person {name: 'marko'})-[:knows]->(f) RETURN f.name AS name ORDER BY name"))
                .containsExactly(List.of("josh"), List.of("vadas"));
    }

    @Test
    void followsIncomingRelationshipsAndGroups() {
        assertThat(rows("MATCH (s:software)<-[:created]-(p:person) RETURN s.name AS s, count(p) AS n ORDER BY s"))
                .containsExactly(List.of("lop", 3L), List.of("ripple", 1L));
    }

    @Test
    void followsBothDirections() {
        assertThat(rows("MATCH (:person {name: 'josh'})--(b) RETURN b.name AS name ORDER BY name"))
                .containsExactly(List.of("lop"), List.of("marko"), List.of("ripple"));
    }

    @Test
    void walksVariableLengthAndReadsRelationshipProperties() {
        assertThat(rows("MATCH (:person {name: 'marko'})-[*1..2]->(b) RETURN count(*) AS n")).containsExactly(List.of(5L));
        assertThat(rows("MATCH ()-[r:created]->() WHERE r.weight > 0.5 RETURN count(r) AS n")).containsExactly(List.of(1L));
    }

    @Test
    void answersNodesRelationshipsAndPathsAsMaps() {
        Object node = rows("MATCH (n:person {name: 'vadas'}) RETURN n").get(0).get(0);
        assertThat(node).isEqualTo(Map.of("id", "person:2", "labels", List.of("person"),
                "properties", Map.of("name", "vadas", "age", 27L)));
        List<?> path = (List<?>) rows("MATCH p = (:person {name: 'marko'})-[:knows]->(:person {name: 'josh'}) RETURN p").get(0).get(0);
        assertThat(path).hasSize(3);
        @SuppressWarnings("unchecked")
        Map<String, Object> knows = (Map<String, Object>) path.get(1);
        assertThat(knows).containsEntry("type", "knows").containsEntry("start", "person:1")
                .containsEntry("end", "person:4").containsEntry("properties", Map.of("weight", 1.0));
        assertThat(rows("MATCH (n) WHERE id(n) = 'software:3' RETURN n.name")).containsExactly(List.of("lop"));
    }

    @Test
    void rangeConditionsOnAPropertyNarrowTheScanNotTheAnswer() {
        assertThat(rows("MATCH (n:person) WHERE n.age >= 29 AND n.age < 35 RETURN n.name AS name ORDER BY name"))
                .containsExactly(List.of("josh"), List.of("marko"));
        assertThat(rows("MATCH (n:person) WHERE 30 < n.age RETURN n.name AS name ORDER BY name"))
                .containsExactly(List.of("josh"), List.of("peter"));
        assertThat(rows("MATCH (n:person) WHERE n.age > 29.5 RETURN n.name AS name ORDER BY name"))
                .containsExactly(List.of("josh"), List.of("peter"));
        assertThat(rows("MATCH (n:software) WHERE n.age > 1 RETURN count(*) AS n")).containsExactly(List.of(0L));
    }

    @Test
    void takesParametersAndCutsAtTheRowLimit() {
        QueryResult r = MODERN.execute("MATCH (n:person) WHERE n.age > $age RETURN n.name AS name",
                Map.of("age", 28), new QueryLimits(Duration.ofSeconds(30), 2), AlgorithmCalls.NONE);
        assertThat(r.columns()).containsExactly("name");
        assertThat(r.rows()).hasSize(2);
        assertThat(r.truncated()).isTrue();
    }

    @Test
    void refusesBadQueriesWithCodesAndPlaces() {
        assertThatThrownBy(() -> rows("MATCH (n RETURN n"))
                .isInstanceOfSatisfying(QueryException.class, e -> {
                    assertThat(e.code()).isEqualTo("QUERY_SYNTAX_ERROR");
                    assertThat(e.details()).containsEntry("line", 1).containsEntry("field", "query").containsKey("column");
                });
        assertThatThrownBy(() -> rows("MATCH (n) SET n.x = 1 RETURN n"))
                .isInstanceOfSatisfying(QueryException.class, e -> {
                    assertThat(e.code()).isEqualTo("READ_ONLY_QUERY");
                    assertThat(e.details()).containsEntry("clause", "SET");
                });
        assertThatThrownBy(() -> rows("MATCH (n) RETURN m"))
                .isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.code()).isEqualTo("UNDEFINED_VARIABLE"));
        assertThatThrownBy(() -> rows("CALL grapholap.pagerank({})"))
                .isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.code()).isEqualTo("PROCEDURE_NOT_FOUND"));
    }

    @Test
    void boundsTheRowsHeldAndTheTime() {
        assertThat(MODERN.execute("MATCH (a), (b), (c) RETURN count(*)", Map.of(), new QueryLimits(Duration.ofSeconds(30), 10, 100),
                AlgorithmCalls.NONE).rows()).as("a count holds no rows").containsExactly(List.of(216L));
        assertThatThrownBy(() -> MODERN.execute("MATCH (a), (b), (c) RETURN a, b, c ORDER BY a.name", Map.of(),
                new QueryLimits(Duration.ofSeconds(30), 10, 100), AlgorithmCalls.NONE))
                .isInstanceOfSatisfying(QueryException.class, e -> {
                    assertThat(e.code()).isEqualTo("QUERY_ROW_LIMIT_EXCEEDED");
                    assertThat(e.details()).containsEntry("limit", CypherRunner.HELD_ROWS_SETTING).containsEntry("max_rows", 100L);
                });
        List<int[]> edges = new ArrayList<>();
        for (int u = 0; u < 12; u++) {
            for (int v = 0; v < 12; v++) {
                edges.add(new int[] {u, v});
            }
        }
        CypherRunner complete = new CypherRunner(CsrGraph.fromEdges(12, true, edges.toArray(int[][]::new)),
                new PropertyIndexes(), THREADS.queries());
        long started = System.nanoTime();
        assertThatThrownBy(() -> complete.execute("MATCH p = (a)-[*]->(b) WHERE length(p) < 0 RETURN count(*)", Map.of(),
                new QueryLimits(Duration.ofMillis(300), 10), AlgorithmCalls.NONE))
                .isInstanceOf(OperationTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    /**
     * The counting shortcuts (a count of matches, a count of distinct nodes reached) give what the general
     * way gives; an {@code ORDER BY} on the one answer row sends the same query the general way.
     */
    @Test
    void countsAnsweredWithoutRowsAgreeWithTheGeneralWay() {
        java.util.Random random = new java.util.Random(5);
        for (boolean directed : new boolean[] {true, false}) {
            List<int[]> edges = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                int u = random.nextInt(80);
                edges.add(new int[] {u, random.nextInt(6) == 0 ? u : random.nextInt(80)});
            }
            CypherRunner runner = new CypherRunner(CsrGraph.fromEdges(80, directed, edges.toArray(int[][]::new)),
                    new PropertyIndexes(), THREADS.queries());
            for (String query : List.of("MATCH (a)-->()-->(c) RETURN count(*) AS n", "MATCH (a)-->(b)<--(c) RETURN count(c) AS n",
                    "MATCH (a)--()--(c) RETURN count(*) AS n", "MATCH (a)-->(b), (b)-->(a) RETURN count(*) AS n",
                    "MATCH (a)-[*1..3]->(b) RETURN count(DISTINCT b) AS n", "MATCH (a)<-[*0..2]-(b) RETURN count(DISTINCT b) AS n",
                    "MATCH (a)-[*..4]->(b) RETURN count(DISTINCT b) AS n")) {
                Object fast = runner.execute(query, Map.of(), LIMITS, AlgorithmCalls.NONE).rows().get(0).get(0);
                Object general = runner.execute(query + " ORDER BY n", Map.of(), LIMITS, AlgorithmCalls.NONE).rows().get(0).get(0);
                assertThat(fast).as(query + (directed ? " (directed)" : " (undirected)")).isEqualTo(general);
            }
        }
    }

    @Test
    void aWalkDeeperThanTheStackIsRefusedNotFatal() {
        int n = 200_000;
        int[][] chain = new int[n - 1][];
        for (int v = 0; v + 1 < n; v++) {
            chain[v] = new int[] {v, v + 1};
        }
        CypherRunner long_ = new CypherRunner(CsrGraph.fromEdges(n, true, chain), new PropertyIndexes(), THREADS.queries());
        assertThatThrownBy(() -> long_.execute("MATCH (a)-[*]->(b) WHERE id(a) = 'vertex:0' RETURN count(b)", Map.of(),
                LIMITS, AlgorithmCalls.NONE))
                .isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.code()).isEqualTo("QUERY_TOO_DEEP"));
        assertThat(rows("MATCH (n:person) RETURN count(n)")).containsExactly(List.of(4L));
    }
}
