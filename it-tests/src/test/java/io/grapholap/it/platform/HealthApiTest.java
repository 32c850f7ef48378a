package io.grapholap.it.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapholap.it.support.MetadataDatabase;
import io.grapholap.it.support.RunningServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Health, readiness, metrics and the error envelope for unknown routes, on both metadata databases. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HealthApiTest {

    private RunningServer server;

    abstract MetadataDatabase database();

    @BeforeAll
    void start() {
        server = RunningServer.start(database());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void healthAnswersWithVersion() {
        var r = server.http().get("/health", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("status").asText()).isEqualTo("healthy");
        assertThat(r.json().get("version").asText()).isNotBlank();
    }

    @Test
    void readyReportsTheMetadataDatabase() {
        var r = server.http().get("/ready", null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().at("/components/metadata_database/status").asText()).isEqualTo("up");
        assertThat(r.json().at("/components/metadata_database/detail").asText())
                .isEqualTo(database() == MetadataDatabase.H2 ? "H2" : "PostgreSQL");
    }

    @Test
    void readyShowsTheGpuEngineWithoutDependingOnIt() {
        var r = server.http().get("/ready", null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        String status = r.json().at("/components/engine-gpu/status").asText();
        assertThat(status).as(r.body()).isIn("up", "down");
        if (status.equals("down")) {
            // on a machine without a GPU the detail is the driver loader's reason
            assertThat(r.json().at("/components/engine-gpu/detail").asText()).isNotBlank();
        }
    }

    @Test
    void metricsArePrometheusText() {
        var r = server.http().get("/metrics", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.headers().get("content-type").getFirst()).startsWith("text/plain");
        assertThat(r.body()).contains("# TYPE jvm_memory_used_bytes gauge");
    }

    @Test
    void openApiDocumentAndUiAreServed() {
        var spec = server.http().get("/swagger/grapholap-0.1.0.yml", null);
        assertThat(spec.status()).isEqualTo(200);
        assertThat(spec.body()).contains("openapi:").contains("/health:").contains("/ready:");
        var ui = server.http().get("/swagger-ui/index.html", null);
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).contains("grapholap-0.1.0.yml");
    }

    @Test
    void unknownRouteIsAnEnvelopedNotFound() {
        var r = server.http().get("/api/no-such-thing", null);
        assertThat(r.status()).isIn(401, 404);
        assertThat(r.json().path("error").path("code").asText()).isIn("NOT_FOUND", "UNAUTHORIZED");
    }

    static final class OnH2 extends HealthApiTest {
        @Override
        MetadataDatabase database() {
            return MetadataDatabase.H2;
        }
    }

    static final class OnPostgres extends HealthApiTest {
        @Override
        MetadataDatabase database() {
            return MetadataDatabase.POSTGRES;
        }
    }
}
