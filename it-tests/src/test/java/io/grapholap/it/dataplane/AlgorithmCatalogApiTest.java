package io.grapholap.it.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.grapholap.application.graph.algo.AlgorithmRegistry;
import io.grapholap.application.instance.EngineChoice;
import io.grapholap.it.support.Http;
import io.grapholap.it.support.MetadataDatabase;
import io.grapholap.it.support.RunningServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code GET /api/algorithms} over real HTTP: every algorithm of the registry with its parameters
 * (types, defaults, ranges, allowed values), result columns and the engines of this server that run
 * it; one algorithm by name, 404 for an unknown one, 401 without credentials.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AlgorithmCatalogApiTest {

    private RunningServer server;
    private Http http;
    private String admin;

    abstract MetadataDatabase database();

    @BeforeAll
    void start() {
        server = RunningServer.start(database());
        http = server.http();
        admin = http.adminToken();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private static Map<String, JsonNode> byName(JsonNode list) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        list.forEach(n -> out.put(n.get("name").asText(), n));
        return out;
    }

    @Test
    void theCatalogListsEveryAlgorithmWithItsParametersColumnsAndEngines() {
        var r = http.get("/api/algorithms", admin);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        Map<String, JsonNode> algorithms = byName(r.data());
        assertThat(algorithms.keySet()).containsExactlyElementsOf(AlgorithmRegistry.names());
        assertThat(algorithms.keySet()).contains("pagerank", "wcc", "bfs", "sssp", "cdlp", "lcc", "louvain", "degree",
                "triangle_count", "betweenness", "kcore", "shortest_path");
        assertThat(r.json().get("meta").get("total").asInt()).isEqualTo(algorithms.size());

        JsonNode pagerank = algorithms.get("pagerank");
        assertThat(pagerank.get("description").asText()).contains("PageRank");
        Map<String, JsonNode> params = byName(pagerank.get("parameters"));
        JsonNode damping = params.get("damping");
        assertThat(damping.get("type").asText()).isEqualTo("double");
        assertThat(damping.get("required").asBoolean()).isFalse();
        assertThat(damping.get("default").asDouble()).isEqualTo(0.85);
        assertThat(damping.get("minimum").asDouble()).isEqualTo(0.0);
        assertThat(damping.get("minimum_exclusive").asBoolean()).isTrue();
        assertThat(damping.get("maximum").asDouble()).isEqualTo(1.0);
        assertThat(damping.get("maximum_exclusive").asBoolean()).isTrue();
        assertThat(damping.get("range").asText()).isEqualTo("(0, 1)");
        JsonNode iterations = params.get("iterations");
        assertThat(iterations.get("type").asText()).isEqualTo("int");
        assertThat(iterations.get("default").asInt()).isEqualTo(20);
        assertThat(iterations.get("range").asText()).isEqualTo("[1, 1000]");
        List<String> columns = new ArrayList<>();
        pagerank.get("result_columns").forEach(c -> columns.add(c.asText()));
        assertThat(columns).contains("id", "rank");
        assertThat(pagerank.get("value_column").asText()).isEqualTo("rank");

        JsonNode source = byName(algorithms.get("bfs").get("parameters")).get("source");
        assertThat(source.get("type").asText()).isEqualTo("vertex");
        assertThat(source.get("required").asBoolean()).isTrue();
        assertThat(source.get("default").isNull()).isTrue();
        JsonNode direction = byName(algorithms.get("degree").get("parameters")).get("direction");
        assertThat(direction.get("type").asText()).isEqualTo("string");
        assertThat(direction.get("allowed")).isNotEmpty();

        EngineChoice engines = server.bean(EngineChoice.class);
        for (JsonNode algorithm : algorithms.values()) {
            Map<String, JsonNode> runners = byName(algorithm.get("engines"));
            assertThat(runners).as(algorithm.get("name").asText()).containsKey("cpu");
            assertThat(runners.get("cpu").get("available").asBoolean()).isTrue();
            assertThat(engines.names()).containsAll(runners.keySet());
            runners.forEach((engine, runner) -> assertThat(engines.engine(engine).info().runs(algorithm.get("name").asText()))
                    .as(engine + " runs " + algorithm.get("name").asText()).isTrue());
        }
    }

    @Test
    void oneAlgorithmByNameAndUnknownNamesAre404() {
        var pagerank = http.get("/api/algorithms/pagerank", admin);
        assertThat(pagerank.status()).as(pagerank.body()).isEqualTo(200);
        assertThat(pagerank.data().get("name").asText()).isEqualTo("pagerank");
        assertThat(pagerank.data().get("parameters")).hasSize(2);

        var unknown = http.get("/api/algorithms/no_such_algo", admin);
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("NOT_FOUND");
        assertThat(http.get("/api/algorithms", null).status()).isEqualTo(401);
    }

    static final class OnH2 extends AlgorithmCatalogApiTest {
        @Override
        MetadataDatabase database() {
            return MetadataDatabase.H2;
        }
    }

    static final class OnPostgres extends AlgorithmCatalogApiTest {
        @Override
        MetadataDatabase database() {
            return MetadataDatabase.POSTGRES;
        }
    }
}
