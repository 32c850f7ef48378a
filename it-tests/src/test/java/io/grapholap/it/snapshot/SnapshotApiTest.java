package io.grapholap.it.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grapholap.application.graph.CancellationToken;
import io.grapholap.application.graph.GraphEngine;
import io.grapholap.application.graph.GraphInstance;
import io.grapholap.application.graph.LoadOptions;
import io.grapholap.application.graph.ProgressListener;
import io.grapholap.it.support.Http;
import io.grapholap.it.support.MetadataDatabase;
import io.grapholap.it.support.RunningServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The SnapshotResource over real HTTP against the demo source: the demo mapping exported to a
 * ready snapshot whose counts are the demo tables' row counts (docs/mappings.md), progress, list
 * filters, the 400/403/404/409 paths, retry of a failed export, delete, and the CPU engine loading
 * what was written. One server per database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SnapshotApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    // Row counts of the demo source tables (docs/mappings.md).
    private static final Map<String, Long> NODE_COUNTS = Map.of("Customer", 10_000L, "Account", 15_000L, "Device", 8_000L,
            "Merchant", 2_000L);
    private static final Map<String, Long> EDGE_COUNTS = Map.of("OWNS", 18_000L, "TRANSFER", 30_000L,
            "LOGGED_IN_FROM", 20_000L, "PAID", 15_000L);

    private RunningServer server;
    private Http http;
    private String admin;
    private String analyst;
    private long demoMapping;

    abstract MetadataDatabase database();

    @BeforeAll
    void start() throws IOException {
        server = RunningServer.start(database());
        http = server.http();
        admin = http.adminToken();
        var r = http.post("/api/admin/users", Map.of("username", "sam", "password", "analyst-password-123",
                "roles", List.of("analyst")), admin);
        assertThat(r.status()).as(r.body()).isIn(200, 201);
        analyst = http.login("sam", "analyst-password-123");
        ObjectNode demo = (ObjectNode) JSON.readTree(Files.readString(Path.of("../docs/demo-mapping.json")));
        demo.put("name", "demo " + UUID.randomUUID());
        var created = http.post("/api/mappings", demo, admin);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        demoMapping = created.data().get("id").asLong();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private JsonNode createSnapshot(long mappingId, String name, String token) {
        var r = http.post("/api/snapshots", Map.of("mapping_id", mappingId, "name", name, "ttl", "PT24H"), token);
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        assertThat(r.data().get("status").asText()).isEqualTo("pending");
        return r.data();
    }

    /** Polls until the snapshot leaves pending/creating. */
    private JsonNode awaitFinished(long id) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            JsonNode s = http.get("/api/snapshots/" + id, admin).data();
            String status = s.get("status").asText();
            if (status.equals("ready") || status.equals("failed")) {
                return s;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("snapshot " + id + " did not finish within 60 s");
    }

    private static Map<String, Long> counts(JsonNode node) {
        Map<String, Long> counts = new java.util.HashMap<>();
        node.properties().forEach(e -> counts.put(e.getKey(), e.getValue().asLong()));
        return counts;
    }

    @Test
    void theDemoMappingBecomesAReadySnapshotThatTheCpuEngineLoads() throws Exception {
        long id = createSnapshot(demoMapping, "demo export", analyst).get("id").asLong();
        JsonNode ready = awaitFinished(id);

        assertThat(ready.get("status").asText()).as(ready.toString()).isEqualTo("ready");
        assertThat(counts(ready.get("node_counts"))).isEqualTo(NODE_COUNTS);
        assertThat(counts(ready.get("edge_counts"))).isEqualTo(EDGE_COUNTS);
        assertThat(ready.get("size_bytes").asLong()).isPositive();
        assertThat(ready.get("mapping_version").asInt()).isEqualTo(1);
        assertThat(ready.get("owner").asText()).isEqualTo("sam");
        assertThat(ready.get("ttl").asText()).isEqualTo("PT24H");

        JsonNode progress = http.get("/api/snapshots/" + id + "/progress", analyst).data();
        assertThat(progress.get("phase").asText()).isEqualTo("ready");
        assertThat(progress.get("progress_percent").asInt()).isEqualTo(100);
        assertThat(progress.get("steps")).hasSize(8);
        assertThat(progress.get("steps").get(0).get("name").asText()).isEqualTo("node:Customer");
        assertThat(progress.get("steps").get(0).get("status").asText()).isEqualTo("completed");
        assertThat(progress.get("steps").get(0).get("rows").asLong()).isEqualTo(10_000);

        Path dir = server.dataDir().resolve("snapshots").resolve(Long.toString(id));
        assertThat(dir.resolve("manifest.json")).exists();
        GraphEngine engine = server.bean(GraphEngine.class, "cpu");
        try (GraphInstance graph = engine.load(dir, LoadOptions.defaults(), ProgressListener.NONE, CancellationToken.create())) {
            assertThat(graph.statistics().verticesPerLabel()).isEqualTo(NODE_COUNTS);
            assertThat(graph.statistics().edgesPerType()).isEqualTo(EDGE_COUNTS);
        }

        var tree = http.get("/api/mappings/" + demoMapping + "/snapshots", analyst);
        assertThat(tree.json().get("data").findValuesAsText("id")).contains(Long.toString(id));
        var refused = http.delete("/api/mappings/" + demoMapping, admin);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.errorCode()).isEqualTo("RESOURCE_HAS_DEPENDENCIES");
    }

    @Test
    void aFailingExportIsFailedWithTheSourceErrorAndCanBeRetried() throws Exception {
        ObjectNode broken = JSON.createObjectNode();
        broken.put("name", "broken " + UUID.randomUUID());
        // Validation runs the SQL as a zero-row probe, so the division by zero only shows in the export.
        broken.set("node_definitions", JSON.valueToTree(List.of(Map.of("label", "Customer",
                "sql", "SELECT customer_id, 1 / (customer_id - 5000) AS x FROM customers",
                "primary_key", Map.of("name", "customer_id", "type", "INT64"),
                "properties", List.of(Map.of("name", "x", "type", "INT64"))))));
        broken.set("edge_definitions", JSON.createArrayNode());
        var mapping = http.post("/api/mappings", broken, analyst);
        assertThat(mapping.status()).as(mapping.body()).isEqualTo(201);
        long mappingId = mapping.data().get("id").asLong();

        long id = createSnapshot(mappingId, "will fail", analyst).get("id").asLong();
        JsonNode failed = awaitFinished(id);
        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("error_message").asText()).startsWith("node:Customer: ").containsIgnoringCase("zero");
        assertThat(http.get("/api/snapshots/" + id + "/progress", analyst).data().get("phase").asText()).isEqualTo("failed");
        try (Stream<Path> files = Files.list(server.dataDir().resolve("snapshots"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.equals(Long.toString(id)) || n.startsWith("." + id + "."));
        }

        var retried = http.post("/api/snapshots/" + id + "/retry", Map.of(), analyst);
        assertThat(retried.status()).as(retried.body()).isEqualTo(202);
        assertThat(awaitFinished(id).get("status").asText()).isEqualTo("failed");

        var other = http.post("/api/snapshots/" + id + "/retry", Map.of(), admin);
        assertThat(other.status()).isEqualTo(202);
        awaitFinished(id);
        assertThat(http.delete("/api/snapshots/" + id, analyst).status()).isEqualTo(204);
        assertThat(http.get("/api/snapshots/" + id, analyst).status()).isEqualTo(404);
        assertThat(http.delete("/api/mappings/" + mappingId, analyst).status()).isEqualTo(204);
    }

    @Test
    void errorPathsAnswerWithTheEnvelope() throws Exception {
        assertThat(http.get("/api/snapshots/999999", analyst).errorCode()).isEqualTo("NOT_FOUND");
        assertThat(http.get("/api/snapshots/999999/progress", analyst).status()).isEqualTo(404);
        var missingMapping = http.post("/api/snapshots", Map.of("mapping_id", 999999, "name", "x"), analyst);
        assertThat(missingMapping.status()).isEqualTo(404);
        var noName = http.post("/api/snapshots", Map.of("mapping_id", demoMapping), analyst);
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.errorCode()).isEqualTo("VALIDATION_FAILED");
        var badVersion = http.post("/api/snapshots", Map.of("mapping_id", demoMapping, "name", "x", "version", 9), analyst);
        assertThat(badVersion.status()).isEqualTo(400);
        var badTtl = http.post("/api/snapshots", Map.of("mapping_id", demoMapping, "name", "x", "ttl", "tomorrow"), analyst);
        assertThat(badTtl.status()).isEqualTo(400);
        assertThat(http.get("/api/snapshots?limit=101", analyst).status()).isEqualTo(400);
        assertThat(http.get("/api/snapshots?status=melted", analyst).status()).isEqualTo(400);
        assertThat(http.get("/api/snapshots?sort_by=size", analyst).status()).isEqualTo(400);
        assertThat(http.get("/api/snapshots", null).status()).isEqualTo(401);

        long id = createSnapshot(demoMapping, "admin's " + UUID.randomUUID(), admin).get("id").asLong();
        assertThat(http.put("/api/snapshots/" + id, Map.of("name", "mine now"), analyst).status()).isEqualTo(403);
        assertThat(http.delete("/api/snapshots/" + id, analyst).status()).isEqualTo(403);
        JsonNode done = awaitFinished(id);
        var notFailed = http.post("/api/snapshots/" + id + "/retry", Map.of(), admin);
        assertThat(notFailed.status()).isEqualTo(409);
        assertThat(notFailed.errorCode()).isEqualTo("INVALID_STATE");
        assertThat(done.get("status").asText()).isEqualTo("ready");
        assertThat(http.delete("/api/snapshots/" + id, admin).status()).isEqualTo(204);
        assertThat(server.dataDir().resolve("snapshots").resolve(Long.toString(id))).doesNotExist();
    }

    @Test
    void listFiltersUpdateAndLifecycle() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long a = createSnapshot(demoMapping, "alpha " + tag, analyst).get("id").asLong();
        long b = createSnapshot(demoMapping, "beta " + tag, admin).get("id").asLong();
        awaitFinished(a);
        awaitFinished(b);

        JsonNode mine = http.get("/api/snapshots?owner=sam&search=" + tag, analyst).json();
        assertThat(mine.get("data").findValuesAsText("name")).containsExactly("alpha " + tag);
        assertThat(mine.get("meta").get("total").asLong()).isEqualTo(1);
        JsonNode both = http.get("/api/snapshots?mapping_id=" + demoMapping + "&mapping_version=1&status=ready&search=" + tag
                + "&sort_by=name&sort_order=asc&limit=1", analyst).json();
        assertThat(both.get("data").findValuesAsText("name")).containsExactly("alpha " + tag);
        assertThat(both.get("meta").get("total").asLong()).isEqualTo(2);
        assertThat(http.get("/api/snapshots?search=" + tag + "&created_after=2999-01-01", analyst).json().get("meta")
                .get("total").asLong()).isZero();

        var renamed = http.put("/api/snapshots/" + a, Map.of("name", "gamma " + tag, "description", "renamed"), analyst);
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.data().get("name").asText()).isEqualTo("gamma " + tag);
        var lifecycle = http.put("/api/snapshots/" + a + "/lifecycle", Map.of("inactivity_timeout", "PT2H"), analyst);
        assertThat(lifecycle.status()).as(lifecycle.body()).isEqualTo(200);
        assertThat(lifecycle.data().get("inactivity_timeout").asText()).isEqualTo("PT2H");
        assertThat(lifecycle.data().get("ttl").asText()).isEqualTo("PT24H");

        var favorite = http.post("/api/favorites", Map.of("resource_type", "snapshot", "resource_id", a), analyst);
        assertThat(favorite.status()).as(favorite.body()).isIn(200, 201);
        http.delete("/api/snapshots/" + a, analyst);
        http.delete("/api/snapshots/" + b, admin);
    }

    static final class OnH2 extends SnapshotApiTest {
        @Override
        MetadataDatabase database() {
            return MetadataDatabase.H2;
        }
    }

    static final class OnPostgres extends SnapshotApiTest {
        @Override
        MetadataDatabase database() {
            return MetadataDatabase.POSTGRES;
        }
    }
}
