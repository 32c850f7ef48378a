package io.grapholap.it.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapholap.it.support.MetadataDatabase;
import io.grapholap.it.support.RunningServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** /ready answers 503 and names the component when the source database cannot be reached. */
class ReadinessWhenSourceIsDownTest {

    @Test
    void readyIs503WithTheSourceDatabaseDown() {
        Map<String, String> unreachableSource = Map.of(
                "GRAPHOLAP_SOURCE_URL", "jdbc:postgresql://127.0.0.1:1/nothing-listens-here",
                "GRAPHOLAP_SOURCE_USER", "nobody");
        try (RunningServer server = RunningServer.start(MetadataDatabase.H2, unreachableSource, Map.of())) {
            var ready = server.http().get("/ready", null);
            assertThat(ready.status()).as(ready.body()).isEqualTo(503);
            assertThat(ready.json().get("status").asText()).isEqualTo("not_ready");
            assertThat(ready.json().at("/components/source_database/status").asText()).isEqualTo("down");
            assertThat(ready.json().at("/components/metadata_database/status").asText()).isEqualTo("up");

            var health = server.http().get("/health", null);
            assertThat(health.status()).as("liveness does not depend on the source").isEqualTo(200);
        }
    }
}
