package io.grapholap.it.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grapholap.it.support.Http;
import io.grapholap.it.support.MetadataDatabase;
import io.grapholap.it.support.RunningServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A server stopped in the middle of an export: the next server on the same data directory and
 * metadata database never leaves the snapshot creating or shows it ready half-written: with resume
 * off it marks it failed with the reason and removes the half-written files (a retry then exports
 * it); with resume on it exports it again from scratch.
 */
class SnapshotRestartTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A stopped server's successor, with one snapshot that was being exported and one still queued. */
    private record Restarted(RunningServer server, String admin, long running, long queued) {
    }

    /** Starts a server, begins two exports (the slow one running, the demo one queued) and restarts it. */
    private static Restarted interrupt(Map<String, Object> overrides) throws Exception {
        RunningServer first = RunningServer.start(MetadataDatabase.H2, Map.of(), Map.of("grapholap.export.workers", 1));
        try {
            Http http = first.http();
            String admin = http.adminToken();
            // 10,000 x 10,000 rows: the export is still running when the server stops.
            ObjectNode slow = JSON.createObjectNode();
            slow.put("name", "slow");
            slow.set("node_definitions", JSON.valueToTree(List.of(Map.of("label", "Pair",
                    "sql", "SELECT a.customer_id * 100000 + b.customer_id AS id FROM customers a CROSS JOIN customers b",
                    "primary_key", Map.of("name", "id", "type", "INT64")))));
            long slowMapping = http.post("/api/mappings", slow, admin).data().get("id").asLong();
            ObjectNode demo = (ObjectNode) JSON.readTree(Files.readString(Path.of("../docs/demo-mapping.json")));
            long demoMapping = http.post("/api/mappings", demo, admin).data().get("id").asLong();
            long running = http.post("/api/snapshots", Map.of("mapping_id", slowMapping, "name", "running"), admin)
                    .data().get("id").asLong();
            long queued = http.post("/api/snapshots", Map.of("mapping_id", demoMapping, "name", "queued"), admin)
                    .data().get("id").asLong();
            awaitStatus(http, admin, running, "creating");
            RunningServer second = first.restart(overrides);
            return new Restarted(second, second.http().adminToken(), running, queued);
        } catch (Exception | Error e) {
            first.close();
            throw e;
        }
    }

    private static void assertNoFilesBut(RunningServer server, List<String> names) throws Exception {
        Path snapshots = server.dataDir().resolve("snapshots");
        if (Files.exists(snapshots)) {
            try (Stream<Path> files = Files.list(snapshots)) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(names);
            }
        }
    }

    @Test
    void withoutResumeAnInterruptedExportIsFailedWithTheReasonAndCanBeRetried() throws Exception {
        Restarted r = interrupt(Map.of("grapholap.export.resume-after-restart", false));
        try (RunningServer server = r.server()) {
            Http http = server.http();
            for (long id : List.of(r.running(), r.queued())) {
                JsonNode s = awaitStatus(http, r.admin(), id, "failed");
                assertThat(s.get("error_message").asText()).contains("server stopped");
            }
            assertNoFilesBut(server, List.of());

            assertThat(http.post("/api/snapshots/" + r.queued() + "/retry", Map.of(), r.admin()).status()).isEqualTo(202);
            JsonNode ready = awaitStatus(http, r.admin(), r.queued(), "ready");
            assertThat(ready.get("node_counts").get("Customer").asLong()).isEqualTo(10_000);
            assertThat(http.delete("/api/snapshots/" + r.running(), r.admin()).status()).isEqualTo(204);
        }
    }

    @Test
    void withResumeInterruptedExportsRunAgainFromScratch() throws Exception {
        // The slow export runs again and now meets a short statement timeout: failed, never stuck.
        Restarted r = interrupt(Map.of("grapholap.source.statement-timeout", "PT1S"));
        try (RunningServer server = r.server()) {
            Http http = server.http();
            JsonNode failed = awaitStatus(http, r.admin(), r.running(), "failed");
            assertThat(failed.get("error_message").asText()).startsWith("node:Pair: ");
            JsonNode ready = awaitStatus(http, r.admin(), r.queued(), "ready");
            assertThat(ready.get("edge_counts").get("TRANSFER").asLong()).isEqualTo(30_000);
            assertNoFilesBut(server, List.of(Long.toString(r.queued())));
        }
    }

    private static JsonNode awaitStatus(Http http, String token, long id, String wanted) throws InterruptedException {
        JsonNode s = null;
        for (int i = 0; i < 600; i++) {
            s = http.get("/api/snapshots/" + id, token).data();
            if (s.get("status").asText().equals(wanted)) {
                return s;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("snapshot " + id + " never became " + wanted + "; last seen " + s);
    }
}
