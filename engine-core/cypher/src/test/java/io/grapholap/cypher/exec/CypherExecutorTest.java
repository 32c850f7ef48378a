package io.grapholap.cypher.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapholap.cypher.eval.CypherRuntimeException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CypherExecutorTest {

    /** Ann knows Bob and Cid, Bob knows Cid, Cid works at Acme; Dan knows nobody. Relationships are walked newest first. */
    private static final MemoryGraph GRAPH = MemoryGraph.of("""
            CREATE (ann:Person {name: 'Ann', age: 31})-[:KNOWS {since: 2010}]->(bob:Person {name: 'Bob', age: 25}),
                   (ann)-[:KNOWS {since: 2015}]->(cid:Person {name: 'Cid', age: 40}),
                   (bob)-[:KNOWS {since: 2020}]->(cid),
                   (cid)-[:WORKS_AT]->(:Company {name: 'Acme'}),
                   (:Person {name: 'Dan'})""");

    private static CypherExecutor.Result run(String query) {
        return run(query, Map.of());
    }

    private static CypherExecutor.Result run(String query, Map<String, Object> parameters) {
        return CypherQueries.run(GRAPH, Procedures.NONE, query, parameters, RowBudget.of(10_000));
    }

    private static List<List<Object>> rows(String query) {
        return run(query).rows();
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    @Test
    void matchFilterAndProject() {
        CypherExecutor.Result r = run("MATCH (a:Person)-[k:KNOWS]->(b) WHERE k.since > 2012 RETURN a.name, b.name AS friend ORDER BY friend");
        assertThat(r.columns()).containsExactly("a.name", "friend");
        assertThat(r.rows()).containsExactly(row("Ann", "Cid"), row("Bob", "Cid"));
    }

    @Test
    void directionsPropertiesAndLabels() {
        assertThat(rows("MATCH (c {name: 'Cid'})<-[:KNOWS]-(x) RETURN x.name ORDER BY x.name")).containsExactly(row("Ann"), row("Bob"));
        assertThat(rows("MATCH (c {name: 'Cid'})-[]-(x) RETURN count(x)")).containsExactly(row(3L));
        assertThat(rows("MATCH (x:Company) RETURN x.name, labels(x), id(x)")).containsExactly(row("Acme", List.of("Company"), "n3"));
        assertThat(rows("MATCH (x:Person {name: $n}) RETURN x.age", Map.of())).isEmpty();
    }

    private static List<List<Object>> rows(String query, Map<String, Object> unused) {
        return run(query, Map.of("n", "nobody")).rows();
    }

    @Test
    void aggregationWithImplicitGrouping() {
        assertThat(rows("MATCH (a:Person)-[:KNOWS]->(b) RETURN a.name AS who, count(*) AS n, collect(b.name) AS names ORDER BY who"))
                .containsExactly(row("Ann", 2L, List.of("Cid", "Bob")), row("Bob", 1L, List.of("Cid")));
        assertThat(rows("MATCH (p:Person) RETURN count(p.age), sum(p.age), avg(p.age), min(p.age), max(p.name)"))
                .containsExactly(row(3L, 96L, 32.0, 25L, "Dan"));
        assertThat(rows("MATCH (p:Nobody) RETURN count(*), collect(p)")).containsExactly(row(0L, List.of()));
        assertThat(rows("MATCH (p:Person) RETURN count(DISTINCT p.age > 30) AS kinds")).containsExactly(row(2L));
        assertThat(rows("UNWIND [1, 2, 3, 4] AS x RETURN percentileDisc(x, 0.5), percentileCont(x, 0.5), stDev(x) > 1.29"))
                .containsExactly(row(2L, 2.5, true));
    }

    @Test
    void optionalMatchKeepsTheRowWithNulls() {
        assertThat(rows("MATCH (p:Person) OPTIONAL MATCH (p)-[:WORKS_AT]->(c) RETURN p.name, c.name ORDER BY p.name"))
                .containsExactly(row("Ann", null), row("Bob", null), row("Cid", "Acme"), row("Dan", null));
    }

    @Test
    void variableLengthAndPaths() {
        assertThat(rows("MATCH (a {name: 'Ann'})-[*2]->(x) RETURN x.name ORDER BY x.name")).containsExactly(row("Acme"), row("Cid"));
        assertThat(rows("MATCH (a {name: 'Ann'})-[:KNOWS*1..]->(x) RETURN count(*)")).containsExactly(row(3L));
        assertThat(rows("MATCH p = (a {name: 'Ann'})-[:KNOWS*]->(c {name: 'Cid'}) RETURN length(p) ORDER BY length(p)"))
                .containsExactly(row(1L), row(2L));
        assertThat(rows("MATCH (a {name: 'Ann'})-[r:KNOWS*2]->() RETURN [x IN r | x.since]")).containsExactly(row(List.of(2010L, 2020L)));
    }

    @Test
    void withDistinctSkipLimitUnwindAndUnion() {
        assertThat(rows("MATCH (p:Person) WITH p.age > 30 AS old, count(*) AS n WHERE n > 1 RETURN old, n")).containsExactly(row(true, 2L));
        assertThat(rows("UNWIND [3, 1, 2, 1] AS x RETURN DISTINCT x ORDER BY x DESC SKIP 1 LIMIT 1")).containsExactly(row(2L));
        assertThat(rows("RETURN 1 AS x UNION RETURN 1 AS x")).containsExactly(row(1L));
        assertThat(rows("RETURN 1 AS x UNION ALL RETURN 1 AS x")).containsExactly(row(1L), row(1L));
        assertThat(rows("MATCH (p:Person) WHERE (p)-[:WORKS_AT]->() RETURN p.name")).containsExactly(row("Cid"));
        assertThat(rows("MATCH (p {name: 'Ann'}) RETURN [(p)-->(x) | x.name] AS friends")).containsExactly(row(List.of("Cid", "Bob")));
        assertThat(rows("MATCH (p:Person) RETURN p.name ORDER BY p.age DESC, p.name LIMIT 2")).containsExactly(row("Dan"), row("Cid"));
    }

    @Test
    void writesAreRefusedNamingTheClause() {
        assertThatThrownBy(() -> run("MATCH (n) DETACH DELETE n"))
                .isInstanceOfSatisfying(ReadOnlyQueryException.class, e -> assertThat(e.clause()).isEqualTo("DETACH DELETE"));
        assertThatThrownBy(() -> run("CREATE (n)"))
                .isInstanceOfSatisfying(ReadOnlyQueryException.class, e -> assertThat(e.clause()).isEqualTo("CREATE"));
    }

    @Test
    void boundsAndErrors() {
        assertThatThrownBy(() -> CypherQueries.run(GRAPH, Procedures.NONE, "MATCH (a), (b), (c) RETURN a ORDER BY a.name", Map.of(), RowBudget.of(50)))
                .isInstanceOf(RowBudget.CypherLimitException.class);
        assertThatThrownBy(() -> CypherQueries.run(GRAPH, Procedures.NONE, "MATCH (a), (b), (c) RETURN collect(c)", Map.of(), RowBudget.of(50)))
                .isInstanceOf(RowBudget.CypherLimitException.class);
        assertThat(CypherQueries.run(GRAPH, Procedures.NONE, "MATCH (a), (b), (c) RETURN count(*)", Map.of(), RowBudget.of(50)).rows())
                .as("counting holds one group, not the rows").containsExactly(row(125L));
        assertThat(CypherQueries.run(GRAPH, Procedures.NONE, "MATCH (a), (b), (c) RETURN c.name LIMIT 3", Map.of(), RowBudget.of(50)).rows())
                .as("LIMIT stops the match").hasSize(3);
        assertThat(CypherQueries.run(GRAPH, Procedures.NONE, "MATCH (a), (b), (c) RETURN c.name AS n ORDER BY n DESC SKIP 5 LIMIT 2",
                Map.of(), RowBudget.of(50)).rows())
                .as("ORDER BY with LIMIT keeps SKIP + LIMIT rows, not all 125").containsExactly(row("Dan"), row("Dan"));
        assertThatThrownBy(() -> run("WITH $l AS l RETURN 1 LIMIT $l", Map.of("l", "ten")))
                .isInstanceOfSatisfying(CypherRuntimeException.class, e -> assertThat(e.code()).isEqualTo("InvalidArgumentType"));
    }
}
