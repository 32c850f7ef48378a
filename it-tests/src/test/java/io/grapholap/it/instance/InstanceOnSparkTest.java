package io.grapholap.it.instance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grapholap.application.graph.EngineInfo;
import io.grapholap.application.instance.EngineChoice;
import io.grapholap.it.support.Http;
import io.grapholap.it.support.MetadataDatabase;
import io.grapholap.it.support.RunningServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An instance started with {@code "engine": "spark"} over HTTP, on a server whose Spark engine runs its
 * jobs in {@code local[1]} (the standalone cluster is engine-spark's own tests'): algorithms answer with
 * the Spark engine named and the CPU engine's values, Gremlin and Cypher answer 400
 * {@code NOT_SUPPORTED_ON_ENGINE}, an algorithm without a Spark job 503 {@code ALGORITHM_NOT_SUPPORTED_ON_ENGINE},
 * with {@code engine=auto} too (the server holds no host graph for the CPU engine to run over).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InstanceOnSparkTest {

    private RunningServer server;
    private Http http;
    private String admin;
    private long snapshot;

    @BeforeAll
    void start() throws Exception {
        Path home = Path.of("..", "engine-spark", "job", "target").toAbsolutePath().normalize();
        server = RunningServer.start(MetadataDatabase.H2, Map.of(), Map.of("grapholap.spark.master", "local[1]",
                "grapholap.spark.home", home.toString(), "grapholap.spark.driver-memory", "512m",
                "grapholap.spark.partitions", "2"));
        http = server.http();
        admin = http.adminToken();
        ObjectNode demo = (ObjectNode) new ObjectMapper().readTree(Files.readString(Path.of("../docs/demo-mapping.json")));
        demo.put("name", "demo " + UUID.randomUUID());
        long mapping = http.post("/api/mappings", demo, admin).data().get("id").asLong();
        snapshot = http.post("/api/snapshots", Map.of("mapping_id", mapping, "name", "for spark"), admin).data().get("id").asLong();
        for (int i = 0; i < 600 && !http.get("/api/snapshots/" + snapshot, admin).data().get("status").asText().equals("ready"); i++) {
            Thread.sleep(100);
        }
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private long startInstance(String engine) throws InterruptedException {
        var created = http.post("/api/instances", Map.of("snapshot_id", snapshot, "name", "on " + engine, "engine", engine), admin);
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        long id = created.data().get("id").asLong();
        for (int i = 0; i < 1200; i++) {
            JsonNode s = http.get("/api/instances/" + id, admin).data();
            if (!s.get("status").asText().equals("starting")) {
                assertThat(s.get("status").asText()).as(s.toString()).isEqualTo("running");
                assertThat(s.get("engine").asText()).isEqualTo(engine);
                return id;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("instance " + id + " did not start within 120 s");
    }

    private Http.Response algo(long instance, String name, Map<String, Object> body) {
        return http.post("/api/instances/" + instance + "/algo/" + name, body, admin);
    }

    @Test
    void algorithmsRunOnSparkWithTheCpuEnginesValuesAndQueriesAreRefused() throws Exception {
        EngineInfo spark = server.bean(EngineChoice.class).engine("spark").info();
        System.out.println("[engines] spark available: " + spark.available()
                + (spark.available() ? "" : " (" + spark.unavailableReason() + ")"));
        Assumptions.assumeTrue(spark.available(), () -> "Spark engine unavailable: " + spark.unavailableReason());
        long onSpark = startInstance("spark");
        long onCpu = startInstance("cpu");

        for (String name : new String[] {"wcc", "degree"}) {
            var s = algo(onSpark, name, Map.of());
            assertThat(s.status()).as(s.body()).isEqualTo(200);
            assertThat(s.data().get("engine").asText()).isEqualTo("spark");
            var c = algo(onCpu, name, Map.of());
            assertThat(s.data().at("/result/rows")).as(name).isEqualTo(c.data().at("/result/rows"));
        }

        var gremlin = http.post("/api/instances/" + onSpark + "/query", Map.of("query", "g.V().count()"), admin);
        assertThat(gremlin.status()).as(gremlin.body()).isEqualTo(400);
        assertThat(gremlin.errorCode()).isEqualTo("NOT_SUPPORTED_ON_ENGINE");
        assertThat(gremlin.errorMessage()).contains("spark engine");
        var cypher = http.post("/api/instances/" + onSpark + "/query", Map.of("query", "MATCH (n) RETURN count(n)"), admin);
        assertThat(cypher.status()).as(cypher.body()).isEqualTo(400);
        assertThat(cypher.errorCode()).isEqualTo("NOT_SUPPORTED_ON_ENGINE");

        var kcore = algo(onSpark, "kcore", Map.of());
        assertThat(kcore.status()).as(kcore.body()).isEqualTo(503);
        assertThat(kcore.errorCode()).isEqualTo("ALGORITHM_NOT_SUPPORTED_ON_ENGINE");
        // no fallback: the server holds only the vertex identity, no host graph another engine could run over
        var auto = algo(onSpark, "kcore", Map.of("engine", "auto"));
        assertThat(auto.status()).as(auto.body()).isEqualTo(503);
        assertThat(auto.errorCode()).isEqualTo("ALGORITHM_NOT_SUPPORTED_ON_ENGINE");
        assertThat(auto.errorMessage()).contains("no other engine");
    }
}
