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
 * metadata database never shows the snapshot as creating or ready; with resume off it marks it
 * failed with the reason, removes the half-written files, and a retry then exports it.
 */
class SnapshotRestartTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anExportInterruptedByAStopIsFailedWithTheReasonAndCanBeRetried() throws Exception {
        RunningServer first = RunningServer.start(MetadataDatabase.H2, Map.of(), Map.of("grapholap.export.workers", 1));
        RunningServer second = null;
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

            second = first.restart(Map.of("grapholap.export.resume-after-restart", false));
            first = null;
            http = second.http();
            admin = http.adminToken();

            for (long id : List.of(running, queued)) {
                JsonNode s = awaitStatus(http, admin, id, "failed");
                assertThat(s.get("error_message").asText()).contains("server stopped");
            }
            Path snapshots = second.dataDir().resolve("snapshots");
            if (Files.exists(snapshots)) {
                try (Stream<Path> files = Files.list(snapshots)) {
                    assertThat(files).isEmpty();
                }
            }

            assertThat(http.post("/api/snapshots/" + queued + "/retry", Map.of(), admin).status()).isEqualTo(202);
            JsonNode ready = awaitStatus(http, admin, queued, "ready");
            assertThat(ready.get("node_counts").get("Customer").asLong()).isEqualTo(10_000);
            assertThat(http.delete("/api/snapshots/" + running, admin).status()).isEqualTo(204);
        } finally {
            if (second != null) {
                second.close();
            }
            if (first != null) {
                first.close();
            }
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
