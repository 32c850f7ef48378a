package io.grapholap.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A running CPU instance of the demo graph (docs/demo-mapping.json: 35 000 vertices, 83 000 edges), made
 * over HTTP the way a user makes one: mapping, snapshot, instance, each awaited.
 */
public final class DemoInstance {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoInstance() {
    }

    /** Creates it as the owner of {@code token} and returns its id once it is running. */
    public static long start(Http http, String token, String name) throws Exception {
        ObjectNode demo = (ObjectNode) JSON.readTree(Files.readString(Path.of("../docs/demo-mapping.json")));
        demo.put("name", "demo " + UUID.randomUUID());
        var mapping = http.post("/api/mappings", demo, token);
        assertThat(mapping.status()).as(mapping.body()).isEqualTo(201);
        var snapshot = http.post("/api/snapshots", Map.of("mapping_id", mapping.data().get("id").asLong(), "name", name), token);
        assertThat(snapshot.status()).as(snapshot.body()).isEqualTo(202);
        long snapshotId = snapshot.data().get("id").asLong();
        assertThat(await(http, token, "/api/snapshots/" + snapshotId).get("status").asText()).isEqualTo("ready");
        var created = http.post("/api/instances", Map.of("snapshot_id", snapshotId, "name", name), token);
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        long instance = created.data().get("id").asLong();
        assertThat(await(http, token, "/api/instances/" + instance).get("status").asText()).isEqualTo("running");
        return instance;
    }

    private static JsonNode await(Http http, String token, String path) throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            JsonNode s = http.get(path, token).data();
            if (List.of("ready", "running", "failed", "terminated").contains(s.get("status").asText())) {
                return s;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(path + " did not finish within 120 s");
    }
}
