package io.grapholap.it.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grapholap.application.instance.InstanceRegistry;
import io.grapholap.application.instance.ReconciliationJob;
import io.grapholap.it.support.Http;
import io.grapholap.it.support.MetadataDatabase;
import io.grapholap.it.support.RunningServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The {@code reconciliation} job over HTTP (seed 001), triggered through {@code /api/ops/jobs/trigger}
 * on a server whose grace period is 0: a running instance whose graph this server lost is loaded
 * again, a snapshot folder no row owns is removed, and a ready snapshot whose files were deleted is
 * reported by id. The job's status says what it did.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReconciliationJobApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunningServer server;
    private Http http;
    private String admin;

    abstract MetadataDatabase database();

    @BeforeAll
    void start() {
        server = RunningServer.start(database(), Map.of(), Map.of("grapholap.jobs.reconciliation-grace", "0s"));
        http = server.http();
        admin = http.adminToken();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void lostGraphsMissingFilesAndOrphanFoldersAreReconciled() throws Exception {
        ObjectNode demo = (ObjectNode) JSON.readTree(Files.readString(Path.of("../docs/demo-mapping.json")));
        demo.put("name", "reconcile " + UUID.randomUUID());
        var mapping = http.post("/api/mappings", demo, admin);
        assertThat(mapping.status()).as(mapping.body()).isEqualTo(201);
        long mappingId = mapping.data().get("id").asLong();
        long kept = snapshot(mappingId, "kept");
        long damaged = snapshot(mappingId, "damaged");
        var created = http.post("/api/instances", Map.of("snapshot_id", kept, "name", "lost graph", "ttl", "PT1H"), admin);
        assertThat(created.status()).as(created.body()).isIn(201, 202);
        long instance = created.data().get("id").asLong();
        assertThat(await("/api/instances/" + instance, "running").get("status").asText()).isEqualTo("running");

        // the graph is gone while the row still says running; the damaged snapshot loses its files;
        // a folder appears that no snapshot owns
        server.bean(InstanceRegistry.class).closeAll();
        Path snapshots = server.dataDir().resolve("snapshots");
        deleteTree(snapshots.resolve(Long.toString(damaged)));
        Path orphan = Files.createDirectories(snapshots.resolve("987654"));
        Files.writeString(orphan.resolve("manifest.json"), "{}");

        var triggered = http.post("/api/ops/jobs/trigger", Map.of("job_name", ReconciliationJob.NAME, "reason", "it-test"), admin);
        assertThat(triggered.status()).as(triggered.body()).isEqualTo(202);
        JsonNode job = awaitRun();
        assertThat(job.get("last_result").asText())
                .isEqualTo("instances: 1 reloaded, 0 failed (running without a graph); 1 orphan snapshot folder(s) removed; "
                        + "ready snapshots without files: [" + damaged + "]");
        assertThat(orphan).doesNotExist();
        assertThat(http.get("/api/snapshots/" + kept, admin).data().get("status").asText()).isEqualTo("ready");
        assertThat(await("/api/instances/" + instance, "running").get("status").asText()).isEqualTo("running");
        var query = http.post("/api/instances/" + instance + "/query", Map.of("query", "g.V().count()"), admin);
        assertThat(query.status()).as(query.body()).isEqualTo(200);
    }

    private long snapshot(long mappingId, String name) throws InterruptedException {
        var created = http.post("/api/snapshots", Map.of("mapping_id", mappingId, "name", name), admin);
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        long id = created.data().get("id").asLong();
        assertThat(await("/api/snapshots/" + id, "ready").get("status").asText()).isEqualTo("ready");
        return id;
    }

    /** Polls {@code path} until its status is {@code wanted} or a final one; at most 90 s. */
    private JsonNode await(String path, String wanted) throws InterruptedException {
        JsonNode last = null;
        for (int i = 0; i < 900; i++) {
            last = http.get(path, admin).data();
            String status = last.get("status").asText();
            if (status.equals(wanted) || status.equals("failed") || status.equals("terminated")) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(path + " did not become " + wanted + " within 90 s: " + last);
    }

    private JsonNode awaitRun() throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            for (JsonNode j : http.get("/api/ops/jobs/status", admin).data().get("jobs")) {
                if (j.get("name").asText().equals(ReconciliationJob.NAME) && !j.get("last_run_at").isNull()
                        && !j.get("running").asBoolean()) {
                    return j;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the reconciliation job did not run within 30 s");
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static final class OnH2 extends ReconciliationJobApiTest {
        @Override
        MetadataDatabase database() {
            return MetadataDatabase.H2;
        }
    }

    static final class OnPostgres extends ReconciliationJobApiTest {
        @Override
        MetadataDatabase database() {
            return MetadataDatabase.POSTGRES;
        }
    }
}
