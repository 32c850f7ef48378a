package io.grapholap.it.seeds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.grapholap.application.instance.InstanceRepository;
import io.grapholap.domain.instance.InstanceStatus;
import io.grapholap.domain.mapping.Lifecycle;
import io.grapholap.it.support.Http;
import io.grapholap.it.support.MetadataDatabase;
import io.grapholap.it.support.RunningServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What a client written to seed 001's SDK expects, over real HTTP on both metadata databases: a
 * mapping's snapshots as whole snapshot objects, instance progress under the seed's phase names,
 * {@code extend_ttl} past the maximum refused with 400, the per-instance health route that
 * {@code create_and_wait} polls, {@code cpu_cores} 1 to 8 with the effective value, the ops state's
 * {@code without_pod_name} and export jobs by status, {@code /api/ops/export-jobs} rows,
 * {@code /metrics} as JSON, and {@code database} in {@code /ready}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class Seed001ApiTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String PASSWORD = "seed-001-password";

    private RunningServer server;
    private Http http;
    private String admin;
    private String ops;
    private String analyst;
    private long mapping;
    private long snapshot;

    abstract MetadataDatabase database();

    @BeforeAll
    void start() throws InterruptedException {
        server = RunningServer.start(database());
        http = server.http();
        admin = http.adminToken();
        for (String[] user : new String[][] {{"opal", "ops"}, {"ari", "analyst"}}) {
            var r = http.post("/api/admin/users", Map.of("username", user[0], "password", PASSWORD, "roles", List.of(user[1])), admin);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        ops = http.login("opal", PASSWORD);
        analyst = http.login("ari", PASSWORD);
        mapping = createMapping("merchants", "SELECT merchant_id, name FROM merchants");
        snapshot = createSnapshot(mapping, "merchants day 1");
        assertThat(await("/api/snapshots/" + snapshot, List.of("ready", "failed")).get("status").asText()).isEqualTo("ready");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aMappingsSnapshotsAreWholeSnapshotObjects() {
        var r = http.get("/api/mappings/" + mapping + "/snapshots", analyst);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode first = r.data().get(0);
        JsonNode direct = http.get("/api/snapshots/" + first.get("id").asLong(), analyst).data();
        assertThat(first).isEqualTo(direct);
        assertThat(first.get("mapping_id").asLong()).isEqualTo(mapping);
        assertThat(first.get("node_counts").get("Merchant").asLong()).isEqualTo(2000);
        assertThat(first.has("size_bytes") && first.has("owner") && first.has("error_message")).isTrue();
        assertThat(r.json().at("/meta/total").asLong()).isPositive();
        assertThat(http.get("/api/mappings/" + mapping + "/snapshots?limit=101", analyst).status()).isEqualTo(400);
        assertThat(http.get("/api/mappings/999999/snapshots", analyst).status()).isEqualTo(404);
    }

    @Test
    void instancesSpeakTheSeedsProgressHealthTtlAndCores() throws InterruptedException {
        long id = createInstance(snapshot, Map.of("cpu_cores", 8));
        JsonNode early = http.get("/api/instances/" + id + "/progress", analyst).data();
        assertThat(early.get("phase").asText()).isIn("pod_scheduled", "downloading", "loading_data", "ready");
        var starting = http.get("/api/instances/" + id + "/health", analyst);
        assertThat(starting.status()).isIn(200, 409);
        JsonNode running = await("/api/instances/" + id, List.of("running", "failed"));
        assertThat(running.get("status").asText()).isEqualTo("running");

        int effective = Math.min(8, Runtime.getRuntime().availableProcessors());
        assertThat(running.get("cpu_cores").asInt()).isEqualTo(8);
        assertThat(running.get("effective_cpu_cores").asInt()).isEqualTo(effective);
        var one = http.put("/api/instances/" + id + "/cpu", Map.of("cpu_cores", 1), analyst);
        assertThat(one.data().get("effective_cpu_cores").asInt()).isEqualTo(1);
        var eight = http.put("/api/instances/" + id + "/cpu", Map.of("cpu_cores", 8), analyst);
        assertThat(eight.status()).as(eight.body()).isEqualTo(200);
        assertThat(eight.data().get("effective_cpu_cores").asInt()).isEqualTo(effective);
        var nine = http.put("/api/instances/" + id + "/cpu", Map.of("cpu_cores", 9), analyst);
        assertThat(nine.status()).isEqualTo(400);
        assertThat(nine.json().at("/error/details/field").asText()).isEqualTo("cpu_cores");
        assertThat(nine.json().at("/error/details/max").asInt()).isEqualTo(8);

        JsonNode progress = http.get("/api/instances/" + id + "/progress", analyst).data();
        assertThat(progress.get("phase").asText()).isEqualTo("ready");
        assertThat(progress.get("steps").findValuesAsText("name")).containsExactly("estimate", "read_files", "build", "ready");

        var health = http.get("/api/instances/" + id + "/health", analyst);
        assertThat(health.status()).as(health.body()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("healthy");
        assertThat(health.json().get("instance_status").asText()).isEqualTo("running");
        assertThat(health.json().get("engine").asText()).isEqualTo("cpu");
        assertThat(http.get("/api/instances/" + id + "/health", null).status()).isEqualTo(401);
        assertThat(http.get("/api/instances/999999/health", analyst).status()).isEqualTo(404);

        // The default max instance TTL is 7 days; a new instance lives 24 hours.
        var tooFar = http.post("/api/instances/" + id + "/extend", Map.of("hours", 24 * 7), analyst);
        assertThat(tooFar.status()).as(tooFar.body()).isEqualTo(400);
        assertThat(tooFar.errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(tooFar.json().at("/error/details/field").asText()).isEqualTo("hours");
        assertThat(tooFar.json().at("/error/details/max_ttl").asText()).isEqualTo("PT168H");
        long room = tooFar.json().at("/error/details/max_hours").asLong();
        assertThat(room).isBetween(140L, 144L);
        var toTheMax = http.post("/api/instances/" + id + "/extend", Map.of("hours", room), analyst);
        assertThat(toTheMax.status()).as(toTheMax.body()).isEqualTo(200);

        assertThat(http.request("POST", "/api/instances/" + id + "/terminate").bearer(analyst).send().status()).isEqualTo(200);
        var ended = http.get("/api/instances/" + id + "/health", analyst);
        assertThat(ended.status()).isEqualTo(409);
        assertThat(ended.errorCode()).isEqualTo("INVALID_STATE");
        assertThat(ended.json().at("/error/details/status").asText()).isEqualTo("terminated");
        assertThat(http.get("/api/instances/" + id + "/progress", analyst).data().get("phase").asText()).isEqualTo("terminated");
    }

    @Test
    void theOpsStateCountsInstancesWithoutAnEngineAndExportJobsByStatus() throws InterruptedException {
        long live = createInstance(snapshot, Map.of());
        assertThat(await("/api/instances/" + live, List.of("running", "failed")).get("status").asText()).isEqualTo("running");
        JsonNode before = http.get("/api/ops/state", ops).data();
        assertThat(before.at("/instances/without_pod_name").asLong()).isZero();
        // A row that says running while no engine of this server holds its graph (as after a lost node).
        Instant now = Instant.now();
        server.bean(InstanceRepository.class).create(new InstanceRepository.NewInstance(snapshot, null, null, "orphan", "",
                "ari", InstanceStatus.RUNNING, "cpu", 1, 0, Lifecycle.NONE, null, now));
        JsonNode after = http.get("/api/ops/state", ops).data();
        assertThat(after.at("/instances/without_pod_name").asLong()).isEqualTo(1);
        assertThat(after.at("/instances/by_status/running").asLong()).isGreaterThanOrEqualTo(2);

        JsonNode exports = after.get("export_jobs");
        List<String> statuses = new ArrayList<>();
        exports.get("by_status").fieldNames().forEachRemaining(statuses::add);
        assertThat(statuses).containsExactly("pending", "claimed", "completed", "failed");
        assertThat(exports.at("/by_status/completed").asLong()).isPositive();
        assertThat(http.get("/api/ops/state", analyst).status()).isEqualTo(403);
    }

    @Test
    void exportJobsAreOneRowPerExportedDefinition() throws InterruptedException {
        long broken = createMapping("broken", "SELECT merchant_id, CAST(1 / (merchant_id - 1000) AS VARCHAR) AS name FROM merchants");
        long failing = createSnapshot(broken, "will fail");
        assertThat(await("/api/snapshots/" + failing, List.of("ready", "failed")).get("status").asText()).isEqualTo("failed");

        var completed = http.get("/api/ops/export-jobs?status=completed", ops);
        assertThat(completed.status()).as(completed.body()).isEqualTo(200);
        JsonNode job = null;
        for (JsonNode j : completed.data()) {
            if (j.get("snapshot_id").asLong() == snapshot) {
                job = j;
            }
        }
        assertThat(job).as(completed.body()).isNotNull();
        assertThat(job.get("id").asText()).isEqualTo(snapshot + ":node:Merchant");
        assertThat(job.get("entity_type").asText()).isEqualTo("node");
        assertThat(job.get("entity_name").asText()).isEqualTo("Merchant");
        assertThat(job.get("status").asText()).isEqualTo("completed");
        assertThat(job.get("rows").asLong()).isEqualTo(2000);
        assertThat(job.get("attempts").asInt()).isEqualTo(1);
        assertThat(job.get("created_at").isNull() || job.get("started_at").isNull() || job.get("updated_at").isNull()).isFalse();
        assertThat(job.get("error_message").isNull()).isTrue();

        var failed = http.get("/api/ops/export-jobs?status=failed&limit=5", ops);
        assertThat(failed.status()).isEqualTo(200);
        List<String> failedIds = new ArrayList<>();
        failed.data().forEach(j -> failedIds.add(j.get("id").asText()));
        assertThat(failedIds).contains(failing + ":node:Merchant");
        assertThat(failed.data().get(0).get("error_message").asText()).containsIgnoringCase("division by zero");
        assertThat(failed.data().findValuesAsText("status")).containsOnly("failed");

        var bad = http.get("/api/ops/export-jobs?status=ready", ops);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().at("/error/details/field").asText()).isEqualTo("status");
        assertThat(http.get("/api/ops/export-jobs?limit=101", ops).status()).isEqualTo(400);
        assertThat(http.get("/api/ops/export-jobs", analyst).status()).isEqualTo(403);
    }

    @Test
    void metricsAnswerJsonWhenAskedAndReadyNamesTheDatabase() {
        var json = http.request("GET", "/metrics").header("Accept", "application/json").send();
        assertThat(json.status()).as(json.body()).isEqualTo(200);
        assertThat(json.headers().get("content-type").getFirst()).startsWith("application/json");
        List<String> names = json.json().get("metrics").findValuesAsText("name");
        assertThat(names).contains("instances_by_status", "snapshots_by_status", "jvm.memory.used");
        JsonNode running = null;
        for (JsonNode m : json.json().get("metrics")) {
            if (m.get("name").asText().equals("instances_by_status") && m.at("/tags/status").asText().equals("running")) {
                running = m;
            }
        }
        assertThat(running).isNotNull();
        assertThat(running.get("type").asText()).isEqualTo("gauge");
        assertThat(running.at("/measurements/value").isNumber()).isTrue();

        var text = http.request("GET", "/metrics").header("Accept", "text/plain, application/json").send();
        assertThat(text.headers().get("content-type").getFirst()).startsWith("text/plain");
        assertThat(text.body()).contains("# TYPE instances_by_status gauge");
        assertThat(http.get("/metrics", null).body()).contains("# TYPE instances_by_status gauge");

        var ready = http.get("/ready", null);
        assertThat(ready.status()).as(ready.body()).isEqualTo(200);
        assertThat(ready.json().get("database").asText()).isEqualTo("up");
        assertThat(ready.json().at("/components/metadata_database/status").asText()).isEqualTo("up");
    }

    private long createMapping(String name, String sql) {
        var r = http.post("/api/mappings", Map.of("name", name + " " + System.nanoTime(), "node_definitions", List.of(Map.of(
                        "label", "Merchant", "sql", sql, "primary_key", Map.of("name", "merchant_id", "type", "INT64"),
                        "properties", List.of(Map.of("name", "name", "type", "STRING")))), "edge_definitions", List.of()), analyst);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.data().get("id").asLong();
    }

    private long createSnapshot(long mappingId, String name) {
        var r = http.post("/api/snapshots", Map.of("mapping_id", mappingId, "name", name), analyst);
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        return r.data().get("id").asLong();
    }

    private long createInstance(long snapshotId, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(extra);
        body.put("snapshot_id", snapshotId);
        body.put("name", "instance " + System.nanoTime());
        var r = http.post("/api/instances", body, analyst);
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        return r.data().get("id").asLong();
    }

    private JsonNode await(String path, List<String> finalStatuses) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode data = http.get(path, admin).data();
            if (finalStatuses.contains(data.get("status").asText())) {
                return data;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(path + " did not reach " + finalStatuses + " within " + WAIT);
    }

    static final class OnH2 extends Seed001ApiTest {
        @Override
        MetadataDatabase database() {
            return MetadataDatabase.H2;
        }
    }

    static final class OnPostgres extends Seed001ApiTest {
        @Override
        MetadataDatabase database() {
            return MetadataDatabase.POSTGRES;
        }
    }
}
