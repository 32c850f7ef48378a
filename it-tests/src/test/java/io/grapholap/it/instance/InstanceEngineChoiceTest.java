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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The engine an instance asks for, on a server whose default engine is the GPU
 * ({@code grapholap.engine=gpu}): {@code cpu} runs on the CPU engine; {@code gpu} runs on the GPU
 * when it is usable and is otherwise refused with the driver's reason; {@code auto} takes the GPU
 * when usable, else the CPU. The response always says which engine the instance runs on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InstanceEngineChoiceTest {

    private RunningServer server;
    private Http http;
    private String admin;
    private long snapshot;

    @BeforeAll
    void start() throws Exception {
        server = RunningServer.start(MetadataDatabase.H2, Map.of(), Map.of("grapholap.engine", "gpu"));
        http = server.http();
        admin = http.adminToken();
        ObjectNode demo = (ObjectNode) new ObjectMapper().readTree(Files.readString(Path.of("../docs/demo-mapping.json")));
        demo.put("name", "demo " + UUID.randomUUID());
        long mapping = http.post("/api/mappings", demo, admin).data().get("id").asLong();
        snapshot = http.post("/api/snapshots", Map.of("mapping_id", mapping, "name", "for engines"), admin).data().get("id").asLong();
        for (int i = 0; i < 600 && !http.get("/api/snapshots/" + snapshot, admin).data().get("status").asText().equals("ready"); i++) {
            Thread.sleep(100);
        }
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private JsonNode awaitRunning(long id) throws InterruptedException {
        for (int i = 0; i < 900; i++) {
            JsonNode s = http.get("/api/instances/" + id, admin).data();
            if (!s.get("status").asText().equals("starting")) {
                return s;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("instance " + id + " did not start within 90 s");
    }

    private Http.Response create(String engine) {
        return http.post("/api/instances", Map.of("snapshot_id", snapshot, "name", "on " + engine, "engine", engine), admin);
    }

    @Test
    void cpuGpuAndAutoAreHonouredAndSaid() throws Exception {
        EngineInfo gpu = server.bean(EngineChoice.class).engine("gpu").info();
        assertThat(gpu.name()).isEqualTo("gpu");
        System.out.println("[engines] gpu available: " + gpu.available() + (gpu.available() ? "" : " (" + gpu.unavailableReason() + ")"));

        var cpu = create("cpu");
        assertThat(cpu.status()).as(cpu.body()).isEqualTo(202);
        assertThat(cpu.data().get("engine").asText()).isEqualTo("cpu");
        assertThat(awaitRunning(cpu.data().get("id").asLong()).get("status").asText()).isEqualTo("running");

        var auto = create("auto");
        assertThat(auto.status()).as(auto.body()).isEqualTo(202);
        assertThat(auto.data().get("engine").asText()).isEqualTo(gpu.available() ? "gpu" : "cpu");
        assertThat(awaitRunning(auto.data().get("id").asLong()).get("status").asText()).isEqualTo("running");

        var onGpu = create("gpu");
        if (gpu.available()) {
            assertThat(onGpu.status()).as(onGpu.body()).isEqualTo(202);
            assertThat(awaitRunning(onGpu.data().get("id").asLong()).get("engine").asText()).isEqualTo("gpu");
        } else {
            assertThat(onGpu.status()).as(onGpu.body()).isEqualTo(503);
            assertThat(onGpu.errorCode()).isEqualTo("ENGINE_UNAVAILABLE");
            assertThat(onGpu.errorMessage()).contains(gpu.unavailableReason());
        }
        var defaulted = http.post("/api/instances", Map.of("snapshot_id", snapshot, "name", "default"), admin);
        assertThat(defaulted.status()).isEqualTo(gpu.available() ? 202 : 503);
    }

    private JsonNode algo(long instance, String name, Map<String, Object> body, int status) {
        var r = http.post("/api/instances/" + instance + "/algo/" + name, body, admin);
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return r.status() == 200 ? r.data() : r.json();
    }

    /**
     * {@code precision} is the GPU engine's option for pagerank: taken over HTTP on a GPU instance,
     * refused naming the field on a CPU one. An algorithm without a GPU kernel runs on the CPU engine
     * over the GPU instance's host graph with {@code engine=auto}, and the answer says so.
     */
    @Test
    void precisionAndTheFallbackOverHttp() throws Exception {
        EngineInfo gpu = server.bean(EngineChoice.class).engine("gpu").info();
        assertThat(gpu.options("pagerank")).extracting(p -> p.name()).containsExactly("precision");
        long cpu = create("cpu").data().get("id").asLong();
        awaitRunning(cpu);
        JsonNode refused = algo(cpu, "pagerank", Map.of("params", Map.of("precision", "fp32")), 400);
        assertThat(refused.at("/error/details/field").asText()).isEqualTo("precision");
        assertThat(refused.at("/error/message").asText()).contains("gpu engine");
        if (!gpu.available()) {
            System.out.println("[engines] precision on a GPU instance not run: " + gpu.unavailableReason());
            return;
        }
        long onGpu = create("gpu").data().get("id").asLong();
        awaitRunning(onGpu);
        JsonNode fp32 = algo(onGpu, "pagerank", Map.of("params", Map.of("precision", "fp32", "iterations", 5)), 200);
        assertThat(fp32.get("engine").asText()).isEqualTo("gpu");
        assertThat(fp32.at("/result/stats/precision").asText()).isEqualTo("fp32");
        assertThat(algo(onGpu, "pagerank", Map.of("params", Map.of("precision", "fp16")), 400)
                .at("/error/details/field").asText()).isEqualTo("precision");

        assertThat(algo(onGpu, "kcore", Map.of(), 503).at("/error/code").asText())
                .isEqualTo("ALGORITHM_NOT_SUPPORTED_ON_ENGINE");
        JsonNode fallback = algo(onGpu, "kcore", Map.of("engine", "auto"), 200);
        assertThat(fallback.get("engine").asText()).isEqualTo("cpu");
        assertThat(fallback.at("/result/stats/requested_engine").asText()).isEqualTo("gpu");
        assertThat(fallback.at("/result/stats/fallback_reason").asText()).isEqualTo("the gpu engine does not run kcore");
    }
}
