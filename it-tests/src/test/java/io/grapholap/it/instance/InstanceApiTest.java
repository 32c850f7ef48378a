package io.grapholap.it.instance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grapholap.application.config.ConcurrencyConfig;
import io.grapholap.application.config.PlatformConfig;
import io.grapholap.application.instance.LiveInstances;
import io.grapholap.application.ops.InstanceCensus;
import io.grapholap.application.security.Actor;
import io.grapholap.domain.user.Role;
import io.grapholap.it.support.Http;
import io.grapholap.it.support.MetadataDatabase;
import io.grapholap.it.support.RunningServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The InstanceResource over real HTTP against the demo source: demo mapping → snapshot → instance
 * running on the CPU engine → terminated; an instance straight from a mapping; the 400/403/404/409
 * paths (concurrency limits, memory admission, snapshot delete refused while used); and a restart
 * that reloads a running instance. One server per database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class InstanceApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunningServer server;
    private Http http;
    private String admin;
    private String analyst;
    private String other;
    private long demoMapping;
    private long readySnapshot;

    abstract MetadataDatabase database();

    @BeforeAll
    void start() throws Exception {
        server = RunningServer.start(database());
        http = server.http();
        admin = http.adminToken();
        for (String user : List.of("ivy", "otto")) {
            var r = http.post("/api/admin/users", Map.of("username", user, "password", "analyst-password-123",
                    "roles", List.of("analyst")), admin);
            assertThat(r.status()).as(r.body()).isIn(200, 201);
        }
        analyst = http.login("ivy", "analyst-password-123");
        other = http.login("otto", "analyst-password-123");
        demoMapping = mapping(demoDefinition());
        var snapshot = http.post("/api/snapshots", Map.of("mapping_id", demoMapping, "name", "demo for instances"), analyst);
        assertThat(snapshot.status()).as(snapshot.body()).isEqualTo(202);
        readySnapshot = snapshot.data().get("id").asLong();
        assertThat(awaitSnapshot(readySnapshot).get("status").asText()).isEqualTo("ready");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private static ObjectNode demoDefinition() throws IOException {
        ObjectNode demo = (ObjectNode) JSON.readTree(Files.readString(Path.of("../docs/demo-mapping.json")));
        demo.put("name", "demo " + UUID.randomUUID());
        return demo;
    }

    private long mapping(ObjectNode definition) {
        var created = http.post("/api/mappings", definition, analyst);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.data().get("id").asLong();
    }

    private JsonNode awaitSnapshot(long id) throws InterruptedException {
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

    /** Polls until the instance is running, failed or terminated. */
    private JsonNode awaitInstance(long id) throws InterruptedException {
        for (int i = 0; i < 900; i++) {
            JsonNode s = http.get("/api/instances/" + id, admin).data();
            String status = s.get("status").asText();
            if (status.equals("running") || status.equals("failed") || status.equals("terminated")) {
                return s;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("instance " + id + " did not start within 90 s");
    }

    private Http.Response createFromSnapshot(long snapshotId, String name, String token) {
        return http.post("/api/instances", Map.of("snapshot_id", snapshotId, "name", name, "ttl", "PT2H"), token);
    }

    private long runningInstance(String name, String token) throws InterruptedException {
        var created = createFromSnapshot(readySnapshot, name, token);
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        long id = created.data().get("id").asLong();
        assertThat(awaitInstance(id).get("status").asText()).isEqualTo("running");
        return id;
    }

    @Test
    void aSnapshotBecomesARunningInstanceThatIsManagedAndTerminated() throws Exception {
        var created = createFromSnapshot(readySnapshot, "demo instance", analyst);
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        JsonNode starting = created.data();
        long id = starting.get("id").asLong();
        assertThat(starting.get("status").asText()).isEqualTo("starting");
        assertThat(starting.get("engine").asText()).isEqualTo("cpu");
        assertThat(starting.get("owner").asText()).isEqualTo("ivy");
        assertThat(starting.get("snapshot_id").asLong()).isEqualTo(readySnapshot);
        assertThat(starting.get("ttl").asText()).isEqualTo("PT2H");
        assertThat(starting.get("expires_at").asText()).isNotBlank();
        assertThat(starting.get("instance_url").asText()).startsWith("http://").endsWith("/api/instances/" + id);
        assertThat(starting.get("memory_bytes").asLong()).isPositive();

        JsonNode running = awaitInstance(id);
        assertThat(running.get("status").asText()).as(running.toString()).isEqualTo("running");
        JsonNode progress = http.get("/api/instances/" + id + "/progress", analyst).data();
        assertThat(progress.get("phase").asText()).isEqualTo("ready");
        assertThat(progress.get("progress_percent").asInt()).isEqualTo(100);
        assertThat(progress.get("steps").findValuesAsText("name")).containsExactly("estimate", "read_files", "build", "ready");

        var live = server.bean(LiveInstances.class).use(id, new Actor("ivy", Set.of(Role.ANALYST), Set.of()));
        assertThat(live.engine()).isEqualTo("cpu");
        assertThat(live.graph().statistics().verticesPerLabel()).containsEntry("Customer", 10_000L);
        assertThat(server.bean(InstanceCensus.class).liveCountByOwner()).containsKey("ivy");
        assertThat(server.bean(InstanceCensus.class).countByStatus()).containsKey("running");

        var listed = http.get("/api/instances?snapshot_id=" + readySnapshot + "&owner=ivy&status=running&sort_by=name&sort_order=asc", analyst);
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(listed.data().findValuesAsText("id")).contains(Long.toString(id));
        assertThat(listed.json().get("meta").get("total").asLong()).isPositive();

        var renamed = http.put("/api/instances/" + id, Map.of("name", "renamed", "description", "about"), analyst);
        assertThat(renamed.data().get("name").asText()).isEqualTo("renamed");
        var cores = http.put("/api/instances/" + id + "/cpu", Map.of("cpu_cores", 1), analyst);
        assertThat(cores.status()).as(cores.body()).isEqualTo(200);
        assertThat(cores.data().get("cpu_cores").asInt()).isEqualTo(1);
        assertThat(live.graph().parallelism()).isEqualTo(1);
        var tooMany = http.put("/api/instances/" + id + "/cpu", Map.of("cpu_cores", 99), analyst);
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().get("error").get("details").get("field").asText()).isEqualTo("cpu_cores");
        var extended = http.post("/api/instances/" + id + "/extend", Map.of("hours", 1), analyst);
        assertThat(extended.status()).as(extended.body()).isEqualTo(200);
        assertThat(extended.data().get("ttl").asText()).isEqualTo("PT3H");
        var lifecycle = http.put("/api/instances/" + id + "/lifecycle", Map.of("inactivity_timeout", "PT30M"), analyst);
        assertThat(lifecycle.data().get("inactivity_timeout").asText()).isEqualTo("PT30M");

        var refused = http.delete("/api/snapshots/" + readySnapshot, analyst);
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.errorCode()).isEqualTo("RESOURCE_HAS_DEPENDENCIES");

        var tree = http.get("/api/mappings/" + demoMapping + "/tree?include_instances=true", analyst);
        assertThat(tree.status()).as(tree.body()).isEqualTo(200);
        assertThat(tree.data().get("versions").get(0).get("snapshots").get(0).get("instances").findValuesAsText("id"))
                .contains(Long.toString(id));

        assertThat(http.post("/api/instances/" + id + "/terminate", Map.of(), other).status()).isEqualTo(403);
        var terminated = http.post("/api/instances/" + id + "/terminate", Map.of(), analyst);
        assertThat(terminated.status()).as(terminated.body()).isEqualTo(200);
        assertThat(terminated.data().get("status").asText()).isEqualTo("terminated");
        assertThat(http.post("/api/instances/" + id + "/terminate", Map.of(), analyst).errorCode()).isEqualTo("INVALID_STATE");
        assertThat(http.put("/api/instances/" + id + "/cpu", Map.of("cpu_cores", 2), analyst).errorCode()).isEqualTo("INVALID_STATE");
        assertThat(http.delete("/api/instances/" + id, analyst).status()).isEqualTo(204);
        assertThat(http.get("/api/instances/" + id, analyst).status()).isEqualTo(404);
    }

    @Test
    void theLifecycleJobTerminatesAnInstanceIdlePastItsInactivityTimeout() throws Exception {
        var created = http.post("/api/instances", Map.of("snapshot_id", readySnapshot, "name", "idle",
                "inactivity_timeout", "PT1S"), admin);
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        long id = created.data().get("id").asLong();
        assertThat(awaitInstance(id).get("status").asText()).isEqualTo("running");
        Thread.sleep(1_500);
        var triggered = http.post("/api/ops/jobs/trigger", Map.of("job_name", "lifecycle", "reason", "it-test"), admin);
        assertThat(triggered.status()).as(triggered.body()).isEqualTo(202);
        JsonNode ended = null;
        for (int i = 0; i < 300 && (ended == null || !ended.get("status").asText().equals("terminated")); i++) {
            Thread.sleep(100);
            ended = http.get("/api/instances/" + id, admin).data();
        }
        assertThat(ended.get("status").asText()).as(ended.toString()).isEqualTo("terminated");
        var query = http.post("/api/instances/" + id + "/query", Map.of("query", "g.V().count()"), admin);
        assertThat(query.status()).as(query.body()).isEqualTo(409);
    }

    @Test
    void aMappingBecomesAnInstanceThroughItsOwnSnapshot() throws Exception {
        var created = http.post("/api/instances/from-mapping", Map.of("mapping_id", demoMapping, "name", "straight from mapping",
                "snapshot_name", "made for an instance"), analyst);
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        assertThat(created.data().get("status").asText()).isEqualTo("waiting_for_snapshot");
        long id = created.data().get("id").asLong();
        long snapshot = created.data().get("snapshot_id").asLong();
        assertThat(http.get("/api/snapshots/" + snapshot, analyst).data().get("name").asText()).isEqualTo("made for an instance");

        JsonNode running = awaitInstance(id);
        assertThat(running.get("status").asText()).as(running.toString()).isEqualTo("running");
        assertThat(http.delete("/api/instances/" + id, analyst).status()).isEqualTo(204);

        var viaPost = http.post("/api/instances", Map.of("mapping_id", demoMapping, "mapping_version", 1, "name", "via post"), analyst);
        assertThat(viaPost.status()).as(viaPost.body()).isEqualTo(202);
        long second = viaPost.data().get("id").asLong();
        assertThat(awaitInstance(second).get("status").asText()).isEqualTo("running");
        assertThat(http.delete("/api/instances/" + second, admin).status()).isEqualTo(204);
    }

    @Test
    void aFailedSnapshotFailsTheInstanceWithItsReason() throws Exception {
        ObjectNode broken = JSON.createObjectNode();
        broken.put("name", "broken " + UUID.randomUUID());
        broken.set("node_definitions", JSON.valueToTree(List.of(Map.of("label", "Customer",
                "sql", "SELECT customer_id, 1 / (customer_id - 5000) AS x FROM customers",
                "primary_key", Map.of("name", "customer_id", "type", "INT64"),
                "properties", List.of(Map.of("name", "x", "type", "INT64"))))));
        broken.set("edge_definitions", JSON.createArrayNode());
        long mappingId = mapping(broken);
        var created = http.post("/api/instances/from-mapping", Map.of("mapping_id", mappingId, "name", "doomed"), analyst);
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        JsonNode failed = awaitInstance(created.data().get("id").asLong());
        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("error_message").asText()).contains("failed").containsIgnoringCase("zero");

        long failedSnapshot = failed.get("snapshot_id").asLong();
        var notReady = createFromSnapshot(failedSnapshot, "not ready", analyst);
        assertThat(notReady.status()).isEqualTo(409);
        assertThat(notReady.errorCode()).isEqualTo("INVALID_STATE");
    }

    @Test
    void badRequestsAreRefusedNamingTheField() {
        var missing = createFromSnapshot(999_999, "x", analyst);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(http.get("/api/instances/999999", analyst).status()).isEqualTo(404);
        assertThat(http.post("/api/instances/from-mapping", Map.of("mapping_id", 999_999, "name", "x"), analyst).status()).isEqualTo(404);

        var noSource = http.post("/api/instances", Map.of("name", "x"), analyst);
        assertThat(noSource.status()).isEqualTo(400);
        assertThat(noSource.json().get("error").get("details").get("field").asText()).isEqualTo("snapshot_id");
        var engine = http.post("/api/instances", Map.of("snapshot_id", readySnapshot, "name", "x", "engine", "tpu"), analyst);
        assertThat(engine.status()).isEqualTo(400);
        assertThat(engine.json().get("error").get("details").get("field").asText()).isEqualTo("engine");
        var ttl = http.post("/api/instances", Map.of("snapshot_id", readySnapshot, "name", "x", "ttl", "P30D"), analyst);
        assertThat(ttl.status()).isEqualTo(400);
        assertThat(ttl.json().get("error").get("details").get("field").asText()).isEqualTo("ttl");
        var noName = http.post("/api/instances", Map.of("snapshot_id", readySnapshot), analyst);
        assertThat(noName.status()).isEqualTo(400);
        var version = http.post("/api/instances/from-mapping", Map.of("mapping_id", demoMapping, "mapping_version", 9, "name", "x"), analyst);
        assertThat(version.status()).isEqualTo(400);
        var sort = http.get("/api/instances?sort_by=owner", analyst);
        assertThat(sort.status()).isEqualTo(400);
        var status = http.get("/api/instances?status=sleeping", analyst);
        assertThat(status.status()).isEqualTo(400);
        assertThat(http.get("/api/instances", null).status()).isEqualTo(401);
    }

    @Test
    void concurrencyLimitsRefuseWithLimitAndCurrent() throws Exception {
        PlatformConfig config = server.bean(PlatformConfig.class);
        ConcurrencyConfig before = config.concurrency();
        long first = runningInstance("limited", other);
        try {
            config.updateConcurrency(new ConcurrencyConfig(1, before.clusterTotal()), "test");
            var refused = createFromSnapshot(readySnapshot, "one too many", other);
            assertThat(refused.status()).as(refused.body()).isEqualTo(409);
            assertThat(refused.errorCode()).isEqualTo("CONCURRENCY_LIMIT_EXCEEDED");
            JsonNode details = refused.json().get("error").get("details");
            assertThat(details.get("limit").asInt()).isEqualTo(1);
            assertThat(details.get("current").asInt()).isEqualTo(1);
        } finally {
            config.updateConcurrency(before, "test");
            http.delete("/api/instances/" + first, other);
        }
    }

    @Test
    void memoryAdmissionAndRestartReload() throws Exception {
        long kept = runningInstance("survives a restart", analyst);
        long held = http.get("/api/instances/" + kept, analyst).data().get("memory_bytes").asLong();
        server = server.restart(Map.of("grapholap.instances.memory-budget", held + 1));
        http = server.http();
        try {
            JsonNode reloaded = awaitInstance(kept);
            assertThat(reloaded.get("status").asText()).as(reloaded.toString()).isEqualTo("running");
            var refused = createFromSnapshot(readySnapshot, "does not fit", analyst);
            assertThat(refused.status()).as(refused.body()).isEqualTo(409);
            assertThat(refused.errorCode()).isEqualTo("MEMORY_LIMIT_EXCEEDED");
            JsonNode details = refused.json().get("error").get("details");
            assertThat(details.get("needed_bytes").asLong()).isGreaterThan(details.get("available_bytes").asLong());
            assertThat(details.get("available_bytes").asLong()).isEqualTo(1);
        } finally {
            http.delete("/api/instances/" + kept, analyst);
            server = server.restart(Map.of("grapholap.instances.memory-budget", 0));
            http = server.http();
        }
    }

    @Test
    void aRestartThatLosesMutatePropertiesSaysSoInTheInstance() throws Exception {
        long mutated = runningInstance("mutated then restarted", analyst);
        long plain = runningInstance("restarted without mutations", analyst);
        for (String property : List.of("pr", "deg", "pr")) {
            String algorithm = property.equals("pr") ? "pagerank" : "degree";
            var run = http.post("/api/instances/" + mutated + "/algo/" + algorithm,
                    Map.of("params", Map.of(), "mode", "mutate", "mutate_property", property), analyst);
            assertThat(run.status()).as(run.body()).isEqualTo(200);
            assertThat(run.data().get("status").asText()).isEqualTo("completed");
        }
        assertThat(http.get("/api/instances/" + mutated, analyst).data().get("notice").isNull()).isTrue();

        server = server.restart(Map.of());
        http = server.http();
        try {
            JsonNode reloaded = awaitInstance(mutated);
            assertThat(reloaded.get("status").asText()).as(reloaded.toString()).isEqualTo("running");
            assertThat(reloaded.get("notice").asText()).startsWith("the server restarted at ")
                    .contains("loaded this instance again from its snapshot " + readySnapshot)
                    .contains("the properties stored by mutate runs (pr, deg) were held in memory only and are gone");
            var query = http.post("/api/instances/" + mutated + "/query", Map.of("query", "g.V().has('pr').count()"), analyst);
            assertThat(query.status()).as(query.body()).isEqualTo(200);
            assertThat(query.data().get("rows").get(0).get(0).asLong()).isZero();
            JsonNode untouched = awaitInstance(plain);
            assertThat(untouched.get("status").asText()).isEqualTo("running");
            assertThat(untouched.get("notice").isNull()).as(untouched.toString()).isTrue();
        } finally {
            http.delete("/api/instances/" + mutated, analyst);
            http.delete("/api/instances/" + plain, analyst);
        }
    }

    static final class OnH2 extends InstanceApiTest {
        @Override
        MetadataDatabase database() {
            return MetadataDatabase.H2;
        }
    }

    static final class OnPostgres extends InstanceApiTest {
        @Override
        MetadataDatabase database() {
            return MetadataDatabase.POSTGRES;
        }
    }
}
