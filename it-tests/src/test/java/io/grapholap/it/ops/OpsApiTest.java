package io.grapholap.it.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grapholap.it.support.Http;
import io.grapholap.it.support.MetadataDatabase;
import io.grapholap.it.support.RunningServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The ops and admin families over real HTTP: /api/config/* (read and changed by ops, kept in
 * the metadata database across a restart), maintenance mode refusing creates with 503, background
 * jobs (status, trigger, 429 with Retry-After), state and cluster views, the metrics gauges, and
 * admin bulk delete (dry run, expected_count, per-item refusals). One server per database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OpsApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "ops-test-password-123";

    private RunningServer server;
    private Http http;
    private String admin;
    private String ops;
    private String analyst;

    abstract MetadataDatabase database();

    @BeforeAll
    void start() {
        server = RunningServer.start(database());
        http = server.http();
        admin = http.adminToken();
        ops = user("olga", "ops");
        analyst = user("sam", "analyst");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private String user(String name, String role) {
        var r = http.post("/api/admin/users", Map.of("username", name, "password", PASSWORD, "roles", List.of(role)), admin);
        assertThat(r.status()).as(r.body()).isIn(200, 201);
        return http.login(name, PASSWORD);
    }

    private long createMapping(String name, String token) {
        try {
            ObjectNode demo = (ObjectNode) JSON.readTree(Files.readString(Path.of("../docs/demo-mapping.json")));
            demo.put("name", name);
            var created = http.post("/api/mappings", demo, token);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            return created.data().get("id").asLong();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Http.Response bulk(Map<String, Object> body, String token) {
        return http.request("DELETE", "/api/admin/resources/bulk").bearer(token).json(body).send();
    }

    private static Map<String, Object> bulkBody(String type, Map<String, Object> filters, Integer expected, boolean dryRun) {
        Map<String, Object> body = new HashMap<>();
        body.put("resource_type", type);
        body.put("filters", filters);
        body.put("reason", "it-test cleanup");
        body.put("expected_count", expected);
        body.put("dry_run", dryRun);
        return body;
    }

    private static List<Long> ids(JsonNode array) {
        List<Long> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.asLong()));
        return ids;
    }

    @Test
    void configIsReadAndChangedByOpsAndChecked() {
        for (String part : List.of("lifecycle", "concurrency", "maintenance", "export")) {
            var analystRead = http.get("/api/config/" + part, analyst);
            assertThat(analystRead.status()).as(part + ": " + analystRead.body()).isEqualTo(403);
            assertThat(analystRead.errorCode()).isEqualTo("PERMISSION_DENIED");
            assertThat(http.get("/api/config/" + part, admin).status()).isEqualTo(200);
        }
        var read = http.get("/api/config/concurrency", ops);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.data().get("per_analyst").asInt()).isEqualTo(5);
        assertThat(read.data().get("cluster_total").asInt()).isEqualTo(20);

        var refused = http.put("/api/config/concurrency", Map.of("per_analyst", 2), analyst);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.errorCode()).isEqualTo("PERMISSION_DENIED");

        var changed = http.put("/api/config/concurrency", Map.of("per_analyst", 3, "cluster_total", 12), ops);
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(http.get("/api/config/concurrency", ops).data().get("per_analyst").asInt()).isEqualTo(3);

        var bad = http.put("/api/config/concurrency", Map.of("per_analyst", 30), ops);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(bad.json().at("/error/details/field").asText()).isEqualTo("per_analyst");

        var lifecycle = http.put("/api/config/lifecycle", Map.of("instance",
                Map.of("default_ttl", "PT12H", "default_inactivity", "PT2H", "max_ttl", "P3D")), ops);
        assertThat(lifecycle.status()).as(lifecycle.body()).isEqualTo(200);
        assertThat(lifecycle.data().at("/instance/default_ttl").asText()).isEqualTo("PT12H");
        assertThat(lifecycle.data().at("/snapshot/default_ttl").asText()).isEqualTo("PT720H");
        var badTtl = http.put("/api/config/lifecycle", Map.of("snapshot", Map.of("default_ttl", "soon")), ops);
        assertThat(badTtl.status()).isEqualTo(400);
        assertThat(badTtl.json().at("/error/details/field").asText()).isEqualTo("snapshot.default_ttl");

        var export = http.put("/api/config/export", Map.of("max_duration_seconds", 1800), ops);
        assertThat(export.status()).as(export.body()).isEqualTo(200);
        assertThat(http.get("/api/config/export", ops).data().get("max_duration_seconds").asLong()).isEqualTo(1800);
        assertThat(http.put("/api/config/export", Map.of("max_duration_seconds", 0), ops).status()).isEqualTo(400);

        var audit = http.get("/api/admin/audit?actor=olga", admin);
        assertThat(audit.status()).as(audit.body()).isEqualTo(200);
        assertThat(audit.json().get("data").findValuesAsText("action")).contains("PUT /api/config/concurrency");
    }

    @Test
    void maintenanceModeRefusesCreatesOnlyWithTheOperatorsMessage() {
        assertThat(http.put("/api/config/maintenance", Map.of("enabled", true, "message", "upgrade until 18:00"), analyst).status())
                .isEqualTo(403);
        var on = http.put("/api/config/maintenance", Map.of("enabled", true, "message", "upgrade until 18:00"), ops);
        assertThat(on.status()).as(on.body()).isEqualTo(200);
        assertThat(on.data().get("enabled").asBoolean()).isTrue();
        assertThat(on.data().get("updated_by").asText()).isEqualTo("olga");
        try {
            var create = http.post("/api/mappings", Map.of("name", "during maintenance"), analyst);
            assertThat(create.status()).as(create.body()).isEqualTo(503);
            assertThat(create.errorCode()).isEqualTo("MAINTENANCE_MODE");
            assertThat(create.errorMessage()).isEqualTo("upgrade until 18:00");
            var snapshot = http.post("/api/snapshots", Map.of("mapping_id", 1, "name", "x"), admin);
            assertThat(snapshot.status()).isEqualTo(503);

            assertThat(http.get("/api/mappings", analyst).status()).isEqualTo(200);
            assertThat(http.login("sam", PASSWORD)).isNotBlank();
            assertThat(http.get("/api/config/maintenance", ops).data().get("message").asText()).isEqualTo("upgrade until 18:00");
        } finally {
            var off = http.put("/api/config/maintenance", Map.of("enabled", false), ops);
            assertThat(off.status()).as(off.body()).isEqualTo(200);
        }
        var after = http.post("/api/mappings", Map.of("name", "after maintenance"), analyst);
        assertThat(after.status()).as(after.body()).isNotEqualTo(503);
    }

    @Test
    void jobsReportTheirStatusAndAManualTriggerIsRateLimited() throws InterruptedException {
        assertThat(http.get("/api/ops/jobs/status", analyst).status()).isEqualTo(403);
        var status = http.get("/api/ops/jobs/status", ops);
        assertThat(status.status()).as(status.body()).isEqualTo(200);
        assertThat(status.data().get("jobs").findValuesAsText("name")).contains("export_reconciliation", "schema_cache");

        assertThat(http.post("/api/ops/jobs/trigger", Map.of("job_name", "schema_cache"), analyst).status()).isEqualTo(403);
        var unknown = http.post("/api/ops/jobs/trigger", Map.of("job_name", "nope"), ops);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().at("/error/details/field").asText()).isEqualTo("job_name");

        var triggered = http.post("/api/ops/jobs/trigger", Map.of("job_name", "schema_cache", "reason", "it-test"), ops);
        assertThat(triggered.status()).as(triggered.body()).isEqualTo(202);
        assertThat(triggered.data().get("triggered_by").asText()).isEqualTo("olga");

        var again = http.post("/api/ops/jobs/trigger", Map.of("job_name", "schema_cache"), ops);
        assertThat(again.status()).as(again.body()).isEqualTo(429);
        assertThat(again.errorCode()).isEqualTo("RATE_LIMITED");
        long retryAfter = Long.parseLong(again.headers().get("retry-after").getFirst());
        assertThat(retryAfter).isBetween(1L, 60L);

        JsonNode job = awaitRun("schema_cache");
        assertThat(job.get("last_result").asText()).startsWith("schema cache reloaded");
        assertThat(job.get("health_status").asText()).isEqualTo("healthy");
        assertThat(job.get("consecutive_failures").asInt()).isZero();
        assertThat(job.get("next_run_at").isNull()).isFalse();

        String metrics = http.get("/metrics", null).body();
        assertThat(metrics).contains("background_job_running{job=\"schema_cache\"}");
        assertThat(metrics).containsPattern("background_job_last_success_timestamp_seconds\\{job=\"schema_cache\"} [1-9]");
        assertThat(metrics).contains("snapshots_by_status{status=\"ready\"}");
    }

    @Test
    void stateAndClusterViewsAreForOps() {
        createMapping("state " + UUID.randomUUID(), analyst);
        assertThat(http.get("/api/ops/state", analyst).status()).isEqualTo(403);
        var state = http.get("/api/ops/state", ops);
        assertThat(state.status()).as(state.body()).isEqualTo(200);
        assertThat(state.data().at("/mappings/total").asLong()).isPositive();
        assertThat(state.data().at("/snapshots/by_status").has("ready")).isTrue();
        assertThat(state.data().at("/export_jobs/queued").isNumber()).isTrue();
        assertThat(state.data().at("/instances/available").asBoolean()).isTrue();
        assertThat(state.data().at("/instances/by_status/running").isNumber()).isTrue();
        assertThat(state.data().at("/instances/by_status/waiting_for_snapshot").isNumber()).isTrue();

        var exports = http.get("/api/ops/export-jobs?limit=10", ops);
        assertThat(exports.status()).as(exports.body()).isEqualTo(200);
        assertThat(exports.data().isArray()).isTrue();
        assertThat(http.get("/api/ops/export-jobs?status=ready", ops).status()).isEqualTo(400);
        assertThat(http.get("/api/ops/export-jobs?limit=101", ops).status()).isEqualTo(400);

        assertThat(http.get("/api/cluster/health", analyst).status()).isEqualTo(403);
        var health = http.get("/api/cluster/health", ops);
        assertThat(health.status()).as(health.body()).isEqualTo(200);
        assertThat(health.data().get("status").asText()).isIn("healthy", "degraded");
        assertThat(health.data().get("components").has("background_jobs")).isTrue();

        var instances = http.get("/api/cluster/instances", ops);
        assertThat(instances.status()).as(instances.body()).isEqualTo(200);
        JsonNode concurrency = http.get("/api/config/concurrency", ops).data();
        assertThat(instances.data().at("/limits/cluster_total").asInt()).isEqualTo(concurrency.get("cluster_total").asInt());
        assertThat(instances.data().at("/limits/per_analyst").asInt()).isEqualTo(concurrency.get("per_analyst").asInt());
        assertThat(instances.data().get("census_available").asBoolean()).isTrue();
        assertThat(instances.data().at("/by_status/failed").isNumber()).isTrue();
        assertThat(http.get("/metrics", null).body()).contains("instances_by_status{status=\"running\"}");
        assertThat(http.get("/api/ops/jobs/status", ops).data().get("jobs").findValuesAsText("name")).contains("lifecycle");
    }

    @Test
    void bulkDeleteCountsFirstChecksTheExpectedCountAndReportsRefusals() {
        String prefix = "bulk-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        long a = createMapping(prefix + "a", admin);
        long b = createMapping(prefix + "b", admin);
        long c = createMapping(prefix + "c", admin);
        createMapping("other-" + prefix, admin);
        var snapshot = http.post("/api/snapshots", Map.of("mapping_id", c, "name", prefix + "snap"), admin);
        assertThat(snapshot.status()).as(snapshot.body()).isEqualTo(202);
        long snapshotId = snapshot.data().get("id").asLong();

        Map<String, Object> byPrefix = Map.of("name_prefix", prefix);
        assertThat(bulk(bulkBody("mapping", byPrefix, null, true), ops).status()).isEqualTo(403);
        var noFilter = bulk(bulkBody("mapping", Map.of(), null, true), admin);
        assertThat(noFilter.status()).isEqualTo(400);
        assertThat(noFilter.json().at("/error/details/field").asText()).isEqualTo("filters");
        assertThat(bulk(bulkBody("widget", byPrefix, null, true), admin).status()).isEqualTo(400);

        var dry = bulk(bulkBody("mapping", byPrefix, null, true), admin);
        assertThat(dry.status()).as(dry.body()).isEqualTo(200);
        assertThat(dry.data().get("matched_count").asInt()).isEqualTo(3);
        assertThat(ids(dry.data().get("matched_ids"))).containsExactly(a, b, c);
        assertThat(dry.data().get("deleted_count").asInt()).isZero();

        var mismatch = bulk(bulkBody("mapping", byPrefix, 2, false), admin);
        assertThat(mismatch.status()).as(mismatch.body()).isEqualTo(400);
        assertThat(mismatch.errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(mismatch.json().at("/error/details/field").asText()).isEqualTo("expected_count");
        assertThat(mismatch.json().at("/error/details/matched_count").asInt()).isEqualTo(3);
        assertThat(http.get("/api/mappings/" + a, admin).status()).isEqualTo(200);

        var done = bulk(bulkBody("mapping", byPrefix, 3, false), admin);
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(ids(done.data().get("deleted_ids"))).containsExactly(a, b);
        assertThat(ids(done.data().get("failed_ids"))).containsExactly(c);
        assertThat(done.data().get("errors").get(0).get("code").asText()).isEqualTo("RESOURCE_HAS_DEPENDENCIES");
        assertThat(http.get("/api/mappings/" + a, admin).status()).isEqualTo(404);

        var snapshots = bulk(bulkBody("snapshot", Map.of("name_prefix", prefix, "created_by", "admin"), 1, false), admin);
        assertThat(snapshots.status()).as(snapshots.body()).isEqualTo(200);
        assertThat(ids(snapshots.data().get("deleted_ids"))).containsExactly(snapshotId);
        var rest = bulk(bulkBody("mapping", byPrefix, 1, false), admin);
        assertThat(ids(rest.data().get("deleted_ids"))).containsExactly(c);

        var audit = http.get("/api/admin/audit?actor=admin&action=BULK", admin);
        assertThat(audit.status()).as(audit.body()).isEqualTo(200);
        assertThat(audit.json().get("data").findValuesAsText("target_id")).contains(Long.toString(a), Long.toString(snapshotId));
    }

    static final class OnH2 extends OpsApiTest {
        @Override
        MetadataDatabase database() {
            return MetadataDatabase.H2;
        }

        @Test
        void settingsAndJobRecordsSurviveARestart() throws InterruptedException {
            var changed = http().put("/api/config/export", Map.of("max_duration_seconds", 4321), opsToken());
            assertThat(changed.status()).as(changed.body()).isEqualTo(200);
            var triggered = http().post("/api/ops/jobs/trigger", Map.of("job_name", "export_reconciliation"), opsToken());
            assertThat(triggered.status()).as(triggered.body()).isEqualTo(202);
            assertThat(awaitRun("export_reconciliation").get("last_result").asText()).endsWith("marked failed");

            RunningServer restarted = restart();
            var read = restarted.http().get("/api/config/export", restarted.http().adminToken());
            assertThat(read.data().get("max_duration_seconds").asLong()).isEqualTo(4321);
            JsonNode job = awaitRun("export_reconciliation");
            assertThat(job.get("runs").asLong()).isPositive();
            var again = http().post("/api/ops/jobs/trigger", Map.of("job_name", "export_reconciliation"), opsToken());
            assertThat(again.status()).as(again.body()).isEqualTo(429);
        }
    }

    static final class OnPostgres extends OpsApiTest {
        @Override
        MetadataDatabase database() {
            return MetadataDatabase.POSTGRES;
        }
    }

    /** Polls the job status until {@code name} has run and is not running; fails after 10 s. */
    JsonNode awaitRun(String name) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            for (JsonNode j : http.get("/api/ops/jobs/status", ops).data().get("jobs")) {
                if (j.get("name").asText().equals(name) && !j.get("last_run_at").isNull() && !j.get("running").asBoolean()) {
                    return j;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("job " + name + " did not run within 10 s");
    }

    Http http() {
        return http;
    }

    String opsToken() {
        return ops;
    }

    /** Restarts the server on the same data and database; later tests use the new one. */
    RunningServer restart() {
        server = server.restart(Map.of());
        http = server.http();
        admin = http.adminToken();
        ops = http.login("olga", PASSWORD);
        analyst = http.login("sam", PASSWORD);
        return server;
    }
}
