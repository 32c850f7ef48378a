package io.grapholap.it.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grapholap.it.support.Http;
import io.grapholap.it.support.MetadataDatabase;
import io.grapholap.it.support.RunningServer;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The data plane over real HTTP: the demo source (10 000 customers, 15 000 accounts, 8 000 devices,
 * 2 000 merchants; 83 000 edges) exported, loaded into a CPU instance owned by an analyst, then
 * queried as JSON, CSV and Arrow, its schema read, pagerank streamed and stored (mutate) and read
 * back by Gremlin, the algorithm lock held by a long run, and the 400/403/404/406/408 paths. The
 * server keeps 1 000 rows per answer and answers algorithm starts after 2 s at most.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DataPlaneApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CUSTOMERS = 10_000;
    private static final int VERTICES = 35_000;

    private RunningServer server;
    private Http http;
    private String admin;
    private String analyst;
    private String other;
    private long instance;

    abstract MetadataDatabase database();

    @BeforeAll
    void start() throws Exception {
        server = RunningServer.start(database(), Map.of(), Map.of("grapholap.dataplane.max-rows", 1000,
                "grapholap.dataplane.sync-wait", "PT2S"));
        http = server.http();
        admin = http.adminToken();
        for (String user : List.of("dora", "olaf")) {
            var r = http.post("/api/admin/users", Map.of("username", user, "password", "analyst-password-123",
                    "roles", List.of("analyst")), admin);
            assertThat(r.status()).as(r.body()).isIn(200, 201);
        }
        analyst = http.login("dora", "analyst-password-123");
        other = http.login("olaf", "analyst-password-123");
        ObjectNode demo = (ObjectNode) JSON.readTree(Files.readString(Path.of("../docs/demo-mapping.json")));
        demo.put("name", "demo " + UUID.randomUUID());
        var mapping = http.post("/api/mappings", demo, analyst);
        assertThat(mapping.status()).as(mapping.body()).isEqualTo(201);
        var snapshot = http.post("/api/snapshots", Map.of("mapping_id", mapping.data().get("id").asLong(),
                "name", "demo for the data plane"), analyst);
        assertThat(snapshot.status()).as(snapshot.body()).isEqualTo(202);
        long snapshotId = snapshot.data().get("id").asLong();
        assertThat(await("/api/snapshots/" + snapshotId, List.of("ready", "failed")).get("status").asText()).isEqualTo("ready");
        var created = http.post("/api/instances", Map.of("snapshot_id", snapshotId, "name", "data plane"), analyst);
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        instance = created.data().get("id").asLong();
        assertThat(await("/api/instances/" + instance, List.of("running", "failed", "terminated")).get("status").asText())
                .isEqualTo("running");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private JsonNode await(String path, List<String> final_) throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            JsonNode s = http.get(path, admin).data();
            if (final_.contains(s.get("status").asText())) {
                return s;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(path + " did not finish within 120 s");
    }

    private String base() {
        return "/api/instances/" + instance;
    }

    private Http.Response query(String query, Map<String, Object> parameters, String token) {
        return http.post(base() + "/query", Map.of("query", query, "parameters", parameters), token);
    }

    private Http.Response algo(String name, Map<String, Object> body, String token) {
        return http.post(base() + "/algo/" + name, body, token);
    }

    /** The finished execution of a start: at once on 200, else polled until it is no longer running. */
    private JsonNode finished(Http.Response started, String token) throws InterruptedException {
        assertThat(started.status()).as(started.body()).isIn(200, 202);
        if (started.status() == 200) {
            return started.data();
        }
        String id = started.data().get("execution_id").asText();
        await(base() + "/algo/executions/" + id, List.of("completed", "failed", "cancelled"));
        var result = http.get(base() + "/algo/executions/" + id + "/result", token);
        assertThat(result.status()).as(result.body()).isEqualTo(200);
        return result.data();
    }

    // ---- queries ----

    @Test
    void queryAnswersAsJsonWithBindingsEngineAndTruncation() {
        var r = query("g.V().hasLabel(l).count()", Map.of("l", "Customer"), analyst);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode data = r.data();
        assertThat(data.get("engine").asText()).isEqualTo("cpu");
        assertThat(data.get("columns").get(0).asText()).isEqualTo("result");
        assertThat(data.get("rows").get(0).get(0).asLong()).isEqualTo(CUSTOMERS);
        assertThat(data.get("row_count").asInt()).isEqualTo(1);
        assertThat(data.get("truncated").asBoolean()).isFalse();
        assertThat(data.get("execution_time_ms").asLong()).isNotNegative();

        var many = query("g.V().hasLabel('Customer').id()", Map.of(), analyst).data();
        assertThat(many.get("row_count").asInt()).isEqualTo(1000);
        assertThat(many.get("truncated").asBoolean()).isTrue();
    }

    @Test
    void queryAnswersAsCsvAndArrowAndRefusesOtherFormats() throws Exception {
        var csv = http.request("POST", base() + "/query").bearer(analyst).header("Accept", "text/csv")
                .json(Map.of("query", "g.V().hasLabel('Merchant').count()")).send();
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.headers().get("content-type").get(0)).startsWith("text/csv");
        assertThat(csv.body()).isEqualTo("result\r\n2000\r\n");
        assertThat(csv.headers().get("x-grapholap-engine")).containsExactly("cpu");

        HttpResponse<byte[]> arrow = HttpClient.newHttpClient().send(HttpRequest.newBuilder(http.base().resolve(base() + "/query"))
                .header("Authorization", "Bearer " + analyst).header("Content-Type", "application/json")
                .header("Accept", "application/vnd.apache.arrow.stream")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"g.V().hasLabel('Merchant').limit(3).id()\"}"))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(arrow.statusCode()).isEqualTo(200);
        List<Object> ids = new ArrayList<>();
        try (BufferAllocator allocator = new RootAllocator();
             ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(arrow.body()), allocator)) {
            while (reader.loadNextBatch()) {
                var vector = reader.getVectorSchemaRoot().getVector("result");
                for (int i = 0; i < vector.getValueCount(); i++) {
                    ids.add(vector.getObject(i));
                }
            }
        }
        assertThat(ids).hasSize(3).allSatisfy(id -> assertThat(id.toString()).startsWith("Merchant:"));

        var badCsv = http.request("POST", base() + "/query").bearer(analyst).header("Accept", "text/csv")
                .json(Map.of("query", "g.V(")).send();
        assertThat(badCsv.status()).as(badCsv.body()).isEqualTo(400);
        assertThat(badCsv.errorCode()).isEqualTo("VALIDATION_FAILED");

        var xml = http.request("POST", base() + "/query").bearer(analyst).header("Accept", "application/xml")
                .json(Map.of("query", "g.V().count()")).send();
        assertThat(xml.status()).as(xml.body()).isEqualTo(406);
        assertThat(xml.errorCode()).isEqualTo("NOT_ACCEPTABLE");
    }

    @Test
    void schemaListsLabelsEdgeTypesCountsAndProperties() {
        var r = http.get(base() + "/schema", analyst);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode data = r.data();
        assertThat(data.get("engine").asText()).isEqualTo("cpu");
        assertThat(data.get("vertex_count").asLong()).isEqualTo(VERTICES);
        assertThat(data.get("edge_count").asLong()).isEqualTo(83_000);
        Map<String, Long> labels = new java.util.LinkedHashMap<>();
        data.get("node_labels").forEach(l -> labels.put(l.get("label").asText(), l.get("count").asLong()));
        assertThat(labels).containsEntry("Customer", 10_000L).containsEntry("Account", 15_000L)
                .containsEntry("Device", 8_000L).containsEntry("Merchant", 2_000L);
        JsonNode customer = data.get("node_labels").get(0);
        assertThat(customer.get("properties").findValuesAsText("name")).contains("name", "country", "risk_score");
        JsonNode transfer = null;
        for (JsonNode t : data.get("edge_types")) {
            if (t.get("type").asText().equals("TRANSFER")) {
                transfer = t;
            }
        }
        assertThat(transfer).isNotNull();
        assertThat(transfer.get("from_node").asText()).isEqualTo("Account");
        assertThat(transfer.get("to_node").asText()).isEqualTo("Account");
        assertThat(transfer.get("count").asLong()).isEqualTo(30_000);
    }

    // ---- algorithms ----

    @Test
    void pagerankStreamsRowsAndMutateStoresAPropertyThatGremlinReads() throws Exception {
        JsonNode stream = finished(algo("pagerank", Map.of("params", Map.of("iterations", 5)), analyst), analyst);
        assertThat(stream.get("status").asText()).isEqualTo("completed");
        assertThat(stream.get("engine").asText()).isEqualTo("cpu");
        JsonNode result = stream.get("result");
        assertThat(result.get("columns").toString()).isEqualTo("[\"id\",\"label\",\"key\",\"rank\"]");
        assertThat(result.get("total_rows").asLong()).isEqualTo(VERTICES);
        assertThat(result.get("row_count").asInt()).isEqualTo(1000);
        assertThat(result.get("truncated").asBoolean()).isTrue();

        JsonNode stats = finished(algo("wcc", Map.of("mode", "stats"), analyst), analyst).get("result").get("stats");
        assertThat(stats.get("count").asLong()).isEqualTo(VERTICES);
        assertThat(stats.get("distinct_count").asLong()).isPositive();

        JsonNode mutate = finished(algo("pagerank", Map.of("params", Map.of("iterations", 5), "mode", "mutate",
                "mutate_property", "pr"), analyst), analyst);
        assertThat(mutate.get("result").get("mutate_property").asText()).isEqualTo("pr");
        assertThat(mutate.get("result").get("vertices_written").asLong()).isEqualTo(VERTICES);

        var read = query("g.V().has('pr', gt(0.0)).count()", Map.of(), analyst);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.data().get("rows").get(0).get(0).asLong()).isEqualTo(VERTICES);
        var values = query("g.V().hasLabel('Merchant').values('pr').limit(2)", Map.of(), analyst).data();
        assertThat(values.get("rows")).hasSize(2);
        assertThat(values.get("rows").get(0).get(0).isNumber()).isTrue();
        JsonNode customer = http.get(base() + "/schema", analyst).data().get("node_labels").get(0);
        assertThat(customer.get("properties").findValuesAsText("name")).contains("pr");

        var clash = algo("pagerank", Map.of("mode", "mutate", "mutate_property", "risk_score"), analyst);
        assertThat(clash.status()).as(clash.body()).isEqualTo(400);
        assertThat(clash.json().path("error").path("details").path("field").asText()).isEqualTo("mutate_property");
    }

    @Test
    void aRunningAlgorithmLocksTheInstanceWhileQueriesGoOn() throws Exception {
        var started = algo("betweenness", Map.of(), analyst);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String execution = started.data().get("execution_id").asText();
        assertThat(started.data().get("status").asText()).isEqualTo("running");

        var locked = algo("pagerank", Map.of(), admin);
        assertThat(locked.status()).as(locked.body()).isEqualTo(409);
        assertThat(locked.errorCode()).isEqualTo("RESOURCE_LOCKED");
        JsonNode details = locked.json().get("error").get("details");
        assertThat(details.get("holder_id").asText()).isEqualTo("dora");
        assertThat(details.get("algorithm").asText()).isEqualTo("betweenness");
        assertThat(details.get("execution_id").asText()).isEqualTo(execution);
        assertThat(details.get("locked_at").asText()).isNotBlank();

        JsonNode lock = http.get(base() + "/lock", analyst).data();
        assertThat(lock.get("locked").asBoolean()).isTrue();
        assertThat(lock.get("execution_id").asText()).isEqualTo(execution);
        var query = query("g.V().hasLabel('Device').count()", Map.of(), analyst);
        assertThat(query.status()).as(query.body()).isEqualTo(200);
        var early = http.get(base() + "/algo/executions/" + execution + "/result", analyst);
        assertThat(early.status()).as(early.body()).isEqualTo(409);
        assertThat(http.get(base() + "/algo/executions/" + execution, other).status()).isIn(403, 404);

        var cancelled = http.delete(base() + "/algo/executions/" + execution, analyst);
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        JsonNode end = await(base() + "/algo/executions/" + execution, List.of("completed", "failed", "cancelled"));
        assertThat(end.get("status").asText()).isEqualTo("cancelled");
        assertThat(http.get(base() + "/lock", analyst).data().get("locked").asBoolean()).isFalse();
    }

    @Test
    void aRunPastItsTimeoutIs408() {
        var r = algo("betweenness", Map.of("timeout_ms", 300), analyst);
        assertThat(r.status()).as(r.body()).isEqualTo(408);
        assertThat(r.errorCode()).isEqualTo("TIMEOUT");
    }

    @Test
    void badRequestsNameTheFieldAndUnknownThingsAre404() {
        assertField(algo("no_such_algo", Map.of(), analyst), "algorithm");
        assertField(algo("pagerank", Map.of("params", Map.of("damping", 2.0)), analyst), "damping");
        // the GPU engine's option, on a CPU instance
        assertField(algo("pagerank", Map.of("params", Map.of("precision", "fp32")), analyst), "precision");
        assertField(algo("pagerank", Map.of("engine", "gpu"), analyst), "engine");
        assertField(algo("pagerank", Map.of("mode", "sideways"), analyst), "mode");
        assertField(algo("bfs", Map.of("params", Map.of("source", -5)), analyst), "source");
        assertField(algo("pagerank", Map.of("timeout_ms", 86_400_000), analyst), "timeout_ms");
        assertField(query(" ", Map.of(), analyst), "query");
        assertField(query("g.V(", Map.of(), analyst), "query");
        assertField(http.post(base() + "/query", Map.of("query", "g.V()", "timeout_ms", 86_400_000), analyst),
                "timeout_ms");

        assertThat(http.post("/api/instances/987654/query", Map.of("query", "g.V()"), analyst).status()).isEqualTo(404);
        assertThat(http.post("/api/instances/987654/algo/pagerank", Map.of(), analyst).status()).isEqualTo(404);
        assertThat(http.get(base() + "/algo/executions/" + UUID.randomUUID(), analyst).status()).isEqualTo(404);
        assertThat(query("g.V().count()", Map.of(), other).status()).isEqualTo(403);
        assertThat(http.post(base() + "/query", Map.of("query", "g.V()"), null).status()).isEqualTo(401);
    }

    private static void assertField(Http.Response r, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(r.json().path("error").path("details").path("field").asText()).as(r.body()).isEqualTo(field);
    }

    static final class OnH2 extends DataPlaneApiTest {
        @Override
        MetadataDatabase database() {
            return MetadataDatabase.H2;
        }
    }

    static final class OnPostgres extends DataPlaneApiTest {
        @Override
        MetadataDatabase database() {
            return MetadataDatabase.POSTGRES;
        }
    }
}
