package io.grapholap.it.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grapholap.it.support.DemoInstance;
import io.grapholap.it.support.Http;
import io.grapholap.it.support.MetadataDatabase;
import io.grapholap.it.support.RunningServer;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Cypher over real HTTP on the demo graph (10 000 customers, 15 000 accounts, 8 000 devices, 2 000
 * merchants; OWNS, TRANSFER, LOGGED_IN_FROM, PAID): each clause family checked against the same
 * question asked in Gremlin on the same instance, parameters, the three answer formats, the syntax,
 * read-only, timeout and row-limit answers, and {@code CALL grapholap.pagerank} joined with a pattern and
 * checked against the algorithm endpoint. The server keeps 1 000 rows per answer and lets a Cypher
 * clause hold 200 000 rows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CypherApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunningServer server;
    private Http http;
    private String admin;
    private String analyst;
    private long instance;

    abstract MetadataDatabase database();

    @BeforeAll
    void start() throws Exception {
        server = RunningServer.start(database(), Map.of(), Map.of("grapholap.dataplane.max-rows", 1000,
                "grapholap.dataplane.max-held-rows", 200_000, "grapholap.dataplane.sync-wait", "PT30S"));
        http = server.http();
        admin = http.adminToken();
        var user = http.post("/api/admin/users", Map.of("username", "cyra", "password", "analyst-password-123",
                "roles", List.of("analyst")), admin);
        assertThat(user.status()).as(user.body()).isIn(200, 201);
        analyst = http.login("cyra", "analyst-password-123");
        instance = DemoInstance.start(http, analyst, "demo for cypher");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private String base() {
        return "/api/instances/" + instance;
    }

    private Http.Response query(String query, Map<String, Object> parameters, String language) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("parameters", parameters);
        if (language != null) {
            body.put("language", language);
        }
        return http.post(base() + "/query", body, analyst);
    }

    private JsonNode cypher(String query, Map<String, Object> parameters) {
        var r = query(query, parameters, null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.data().get("language").asText()).isEqualTo("cypher");
        return r.data();
    }

    private long cypherCount(String query, Map<String, Object> parameters) {
        JsonNode data = cypher(query, parameters);
        assertThat(data.get("row_count").asInt()).as(data.toString()).isEqualTo(1);
        return data.get("rows").get(0).get(0).asLong();
    }

    private long gremlinCount(String query, Map<String, Object> parameters) {
        var r = query(query, parameters, "gremlin");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.data().get("language").asText()).isEqualTo("gremlin");
        return r.data().get("rows").get(0).get(0).asLong();
    }

    // ---- clause families, each against the same question in Gremlin ----

    @Test
    void matchWithLabelsPropertiesDirectionsAndWhere() {
        assertThat(cypherCount("MATCH (c:Customer) RETURN count(c)", Map.of())).isEqualTo(10_000);
        Map<String, Object> country = Map.of("country", "DE");
        long owned = cypherCount("MATCH (c:Customer)-[:OWNS]->(a:Account) WHERE c.country = $country RETURN count(a)", country);
        assertThat(owned).isPositive().isEqualTo(gremlinCount(
                "g.V().hasLabel('Customer').has('country', country).out('OWNS').count()", country));
        assertThat(cypherCount("MATCH (c:Customer {country: $country})-[:OWNS]->(:Account)<-[:OWNS]-(other:Customer) "
                + "RETURN count(other)", country))
                .isEqualTo(gremlinCount("g.V().hasLabel('Customer').has('country', country).outE('OWNS').as('e')"
                        + ".inV().inE('OWNS').where(neq('e')).outV().count()", country));
        assertThat(cypherCount("MATCH (a:Account)-[:TRANSFER|PAID]->(x) RETURN count(x)", Map.of()))
                .isEqualTo(gremlinCount("g.V().hasLabel('Account').out('TRANSFER', 'PAID').count()", Map.of()));
        assertThat(cypherCount("MATCH (c:Customer) WHERE c.name STARTS WITH 'A' AND NOT c.is_verified RETURN count(*)", Map.of()))
                .isEqualTo(gremlinCount("g.V().hasLabel('Customer').has('name', startingWith('A')).has('is_verified', false).count()",
                        Map.of()));
        Map<String, Object> countries = Map.of("countries", List.of("FR", "US"));
        assertThat(cypherCount("MATCH (m:Merchant) WHERE m.country IN $countries RETURN count(m)", countries))
                .isEqualTo(gremlinCount("g.V().hasLabel('Merchant').has('country', within(countries)).count()", countries));
    }

    @Test
    void optionalMatchWithAndAggregation() {
        assertThat(cypherCount("MATCH (c:Customer) OPTIONAL MATCH (c)-[:LOGGED_IN_FROM]->(d:Device) "
                + "WITH c, count(d) AS devices WHERE devices = 0 RETURN count(c)", Map.of()))
                .isEqualTo(gremlinCount("g.V().hasLabel('Customer').not(out('LOGGED_IN_FROM')).count()", Map.of()));
        JsonNode groups = cypher("MATCH (a:Account) RETURN a.currency AS currency, count(*) AS n, min(a.balance) AS low, "
                + "max(a.balance) AS high, avg(a.balance) AS mean, collect(DISTINCT a.account_type)[0..1] AS one_type "
                + "ORDER BY currency", Map.of());
        assertThat(groups.get("columns").toString()).isEqualTo("[\"currency\",\"n\",\"low\",\"high\",\"mean\",\"one_type\"]");
        long total = 0;
        String previous = "";
        for (JsonNode row : groups.get("rows")) {
            assertThat(row.get(0).asText()).isGreaterThan(previous);
            previous = row.get(0).asText();
            Map<String, Object> currency = Map.of("c", row.get(0).asText());
            assertThat(row.get(1).asLong()).isEqualTo(gremlinCount("g.V().hasLabel('Account').has('currency', c).count()", currency));
            assertThat(row.get(2).asDouble()).isLessThanOrEqualTo(row.get(4).asDouble());
            assertThat(row.get(4).asDouble()).isLessThanOrEqualTo(row.get(3).asDouble());
            assertThat(row.get(5).size()).isEqualTo(1);
            total += row.get(1).asLong();
        }
        assertThat(total).isEqualTo(15_000);
    }

    @Test
    void variableLengthPathsAndNamedPaths() {
        JsonNode account = cypher("MATCH (a:Account)-[:TRANSFER]->() RETURN id(a) AS id ORDER BY id LIMIT 1", Map.of());
        Map<String, Object> start = Map.of("start", account.get("rows").get(0).get(0).asText());
        assertThat(cypherCount("MATCH (a:Account)-[:TRANSFER*1..2]->(b) WHERE id(a) = $start RETURN count(DISTINCT b)", start))
                .isEqualTo(gremlinCount("g.V(start).repeat(out('TRANSFER')).emit().times(2).dedup().count()", start));
        JsonNode path = cypher("MATCH p = (c:Customer)-[:OWNS]->(a:Account) RETURN p, length(p) AS hops, nodes(p)[1] AS account "
                + "LIMIT 1", Map.of()).get("rows").get(0);
        assertThat(path.get(0).size()).isEqualTo(3);
        assertThat(path.get(0).get(0).get("labels").toString()).isEqualTo("[\"Customer\"]");
        assertThat(path.get(0).get(1).get("type").asText()).isEqualTo("OWNS");
        assertThat(path.get(0).get(1).get("start").asText()).isEqualTo(path.get(0).get(0).get("id").asText());
        assertThat(path.get(0).get(1).get("end").asText()).isEqualTo(path.get(2).get("id").asText());
        assertThat(path.get(1).asInt()).isEqualTo(1);
        assertThat(path.get(2).get("id").asText()).startsWith("Account:");
        assertThat(path.get(2).get("properties").has("balance")).isTrue();
    }

    @Test
    void unwindListsUnionAndExpressions() {
        JsonNode row = cypher("UNWIND range(1, 5) AS x WITH collect(x * x) AS squares "
                + "RETURN squares, size(squares) AS n, squares[1..3] AS middle, [s IN squares WHERE s > 10] AS big, "
                + "CASE WHEN size(squares) > 3 THEN 'long' ELSE 'short' END AS kind, toString(squares[0]) + '!' AS text, "
                + "null IS NULL AND (true XOR false) AS logic", Map.of()).get("rows").get(0);
        assertThat(row.toString()).isEqualTo("[[1,4,9,16,25],5,[4,9],[16,25],\"long\",\"1!\",true]");
        JsonNode union = cypher("MATCH (m:Merchant) RETURN 'merchant' AS kind, count(m) AS n "
                + "UNION ALL MATCH (d:Device) RETURN 'device' AS kind, count(d) AS n", Map.of());
        Map<String, Long> counts = new HashMap<>();
        union.get("rows").forEach(r -> counts.put(r.get(0).asText(), r.get(1).asLong()));
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of("merchant", 2_000L, "device", 8_000L));
        JsonNode top = cypher("MATCH (a:Account) RETURN a.balance AS balance ORDER BY balance DESC SKIP 1 LIMIT 3", Map.of());
        assertThat(top.get("row_count").asInt()).isEqualTo(3);
        assertThat(top.get("rows").get(0).get(0).asDouble()).isGreaterThanOrEqualTo(top.get("rows").get(2).get(0).asDouble());
    }

    // ---- language, formats, limits, errors ----

    @Test
    void theLanguageIsNamedOrRecognised() {
        assertThat(gremlinCount("g.V().hasLabel('Merchant').count()", Map.of())).isEqualTo(2_000);
        var named = query("MATCH (m:Merchant) RETURN count(m)", Map.of(), "cypher");
        assertThat(named.status()).as(named.body()).isEqualTo(200);
        var recognised = query("  g.V().hasLabel('Merchant').count()", Map.of(), null);
        assertThat(recognised.data().get("language").asText()).isEqualTo("gremlin");
        var unknown = query("MATCH (m) RETURN m", Map.of(), "sparql");
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
        assertThat(unknown.json().path("error").path("details").path("field").asText()).isEqualTo("language");
        var many = cypher("MATCH (c:Customer) RETURN c.name AS name", Map.of());
        assertThat(many.get("row_count").asInt()).isEqualTo(1000);
        assertThat(many.get("truncated").asBoolean()).isTrue();
    }

    @Test
    void answersAsCsvAndArrow() throws Exception {
        String text = "MATCH (m:Merchant) RETURN m.category AS category, count(*) AS n ORDER BY category LIMIT 2";
        var csv = http.request("POST", base() + "/query").bearer(analyst).header("Accept", "text/csv")
                .json(Map.of("query", text)).send();
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.body()).startsWith("category,n\r\n");
        assertThat(csv.body().split("\r\n")).hasSize(3);
        assertThat(csv.headers().get("x-grapholap-language")).containsExactly("cypher");

        HttpResponse<byte[]> arrow = HttpClient.newHttpClient().send(HttpRequest.newBuilder(http.base().resolve(base() + "/query"))
                .header("Authorization", "Bearer " + analyst).header("Content-Type", "application/json")
                .header("Accept", "application/vnd.apache.arrow.stream")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", text))))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(arrow.statusCode()).isEqualTo(200);
        List<Object> counts = new ArrayList<>();
        try (BufferAllocator allocator = new RootAllocator();
             ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(arrow.body()), allocator)) {
            while (reader.loadNextBatch()) {
                var vector = reader.getVectorSchemaRoot().getVector("n");
                for (int i = 0; i < vector.getValueCount(); i++) {
                    counts.add(vector.getObject(i));
                }
            }
        }
        assertThat(counts).hasSize(2).allSatisfy(n -> assertThat(((Number) n).longValue()).isPositive());
    }

    @Test
    void syntaxErrorsNameTheirPlace() {
        var r = query("MATCH (c:Customer RETURN c", Map.of(), null);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("QUERY_SYNTAX_ERROR");
        JsonNode details = r.json().path("error").path("details");
        assertThat(details.path("line").asInt()).isEqualTo(1);
        assertThat(details.path("column").asInt()).isEqualTo(19);
        assertThat(details.path("token").asText()).isEqualTo("RETURN");
        var undefined = query("MATCH (c:Customer) RETURN d", Map.of(), null);
        assertThat(undefined.status()).as(undefined.body()).isEqualTo(400);
        assertThat(undefined.errorCode()).isEqualTo("UNDEFINED_VARIABLE");
    }

    @Test
    void writesAreRefusedNamingTheClause() {
        Map<String, String> writes = Map.of("CREATE (:Customer {name: 'x'})", "CREATE",
                "MATCH (c:Customer) SET c.name = 'x'", "SET",
                "MERGE (c:Customer {name: 'x'}) RETURN c", "MERGE",
                "MATCH (c:Customer) DETACH DELETE c", "DETACH DELETE",
                "MATCH (c:Customer) REMOVE c.name", "REMOVE",
                "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line", "LOAD CSV");
        writes.forEach((text, clause) -> {
            var r = query(text, Map.of(), null);
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.errorCode()).isEqualTo("READ_ONLY_QUERY");
            assertThat(r.json().path("error").path("details").path("clause").asText()).isEqualTo(clause);
        });
        assertThat(cypherCount("MATCH (c:Customer) RETURN count(c)", Map.of())).isEqualTo(10_000);
    }

    @Test
    void aQueryStopsAtItsTimeoutAndAtTheHeldRowLimit() {
        Map<String, Object> body = Map.of("query", "MATCH p = (a:Account)-[:TRANSFER*1..12]->(b) WHERE length(p) < 0 RETURN count(*)",
                "timeout_ms", 300);
        long started = System.nanoTime();
        var slow = http.post(base() + "/query", body, analyst);
        assertThat(slow.status()).as(slow.body()).isEqualTo(408);
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(10_000);

        var wide = query("MATCH (c:Customer), (m:Merchant) RETURN c.name, m.name ORDER BY c.name", Map.of(), null);
        assertThat(wide.status()).as(wide.body()).isEqualTo(400);
        assertThat(wide.errorCode()).isEqualTo("QUERY_ROW_LIMIT_EXCEEDED");
        assertThat(wide.json().path("error").path("details").path("limit").asText()).isEqualTo("grapholap.dataplane.max-held-rows");
        assertThat(cypherCount("MATCH (m:Merchant) RETURN count(m)", Map.of())).isEqualTo(2_000);
    }

    @Test
    void callsAnAlgorithmAndJoinsItsRowsWithAPattern() throws Exception {
        JsonNode top = cypher("CALL grapholap.pagerank({iterations: 10}) YIELD node, id, rank "
                + "MATCH (node:Customer)-[:OWNS]->(a:Account) "
                + "RETURN id, rank, count(a) AS accounts ORDER BY rank DESC, id LIMIT 5", Map.of());
        assertThat(top.get("columns").toString()).isEqualTo("[\"id\",\"rank\",\"accounts\"]");
        assertThat(top.get("row_count").asInt()).isEqualTo(5);
        double previous = Double.MAX_VALUE;
        for (JsonNode row : top.get("rows")) {
            assertThat(row.get(0).asText()).startsWith("Customer:");
            assertThat(row.get(1).asDouble()).isLessThanOrEqualTo(previous);
            previous = row.get(1).asDouble();
            assertThat(row.get(2).asLong()).isPositive();
        }
        var started = http.post(base() + "/algo/pagerank", Map.of("mode", "stream", "params", Map.of("iterations", 10)), analyst);
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        JsonNode result = started.data().get("result");
        assertThat(result.get("columns").toString()).isEqualTo("[\"id\",\"label\",\"key\",\"rank\"]");
        Map<String, Double> streamed = new HashMap<>();
        result.get("rows").forEach(r -> streamed.put(r.get(0).asText(), r.get(3).asDouble()));
        assertThat(streamed).hasSize(1000);
        JsonNode same = cypher("CALL grapholap.pagerank({iterations: 10}) YIELD id, rank WHERE id IN $ids RETURN id, rank",
                Map.of("ids", List.copyOf(streamed.keySet())));
        assertThat(same.get("row_count").asInt()).isEqualTo(1000);
        same.get("rows").forEach(r -> assertThat(r.get(1).asDouble()).as(r.get(0).asText())
                .isCloseTo(streamed.get(r.get(0).asText()), org.assertj.core.data.Offset.offset(1e-12)));
        assertThat(cypher("CALL grapholap.pagerank({iterations: 10}) YIELD rank RETURN sum(rank) AS total", Map.of())
                .get("rows").get(0).get(0).asDouble()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        var bad = query("CALL grapholap.pagerank({iterations: -1}) YIELD rank RETURN rank", Map.of(), null);
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.json().path("error").path("details").path("field").asText()).isEqualTo("iterations");
        var unknown = query("CALL grapholap.nothing({}) YIELD x RETURN x", Map.of(), null);
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
        assertThat(unknown.errorCode()).isEqualTo("PROCEDURE_NOT_FOUND");
    }

    static final class OnH2 extends CypherApiTest {
        @Override
        MetadataDatabase database() {
            return MetadataDatabase.H2;
        }
    }

    static final class OnPostgres extends CypherApiTest {
        @Override
        MetadataDatabase database() {
            return MetadataDatabase.POSTGRES;
        }
    }
}
