package io.grapholap.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grapholap.server.GraphOlapServer;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The custom-endpoint and REST++ routes over HTTP, end to end through the real server but on the
 * {@link ScriptedFunctions} UDF store: served endpoints, 405 with Allow, typed parameters, the
 * envelope, GSQL-TIMEOUT and RESPONSE-LIMIT.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExtensionRoutesHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "extension-routes-123";

    private EmbeddedServer server;
    private Path dataDir;
    private final HttpClient client = HttpClient.newHttpClient();
    private String ana;

    record Answer(int status, JsonNode json, Map<String, List<String>> headers) {
    }

    @BeforeAll
    void start() throws IOException {
        dataDir = Files.createTempDirectory("udfext-http-");
        String db = "udfext" + UUID.randomUUID().toString().substring(0, 8);
        server = GraphOlapServer.start(Map.of("GRAPHOLAP_DATA_DIR", dataDir.toString(), "GRAPHOLAP_ADMIN_PASSWORD", PASSWORD,
                        "GRAPHOLAP_METADATA_URL", "jdbc:h2:mem:" + db + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"),
                Map.of("micronaut.server.port", -1, "grapholap.test.scripted-functions", true));
        String admin = "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        Answer created = send("POST", "/api/admin/users", admin, JSON.writeValueAsString(Map.of("username", "ana", "password", PASSWORD,
                "roles", List.of("analyst"), "organizations", List.of("acme"))), Map.of());
        assertThat(created.status()).as(created.json().toString()).isIn(200, 201);
        ana = "Basic " + Base64.getEncoder().encodeToString(("ana:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    @AfterAll
    void stop() throws IOException {
        server.getApplicationContext().close();
        try (var files = Files.walk(dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private Answer send(String method, String path, String authorization, String body, Map<String, String> headers) {
        try {
            var builder = HttpRequest.newBuilder(server.getURI().resolve(path)).header("Authorization", authorization)
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            headers.forEach(builder::header);
            HttpResponse<String> r = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
            return new Answer(r.statusCode(), json, r.headers().map());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Answer publish(String route, String method, String function) throws IOException {
        return send("POST", "/api/endpoints", ana, JSON.writeValueAsString(Map.of("route", route, "method", method, "function", function)),
                Map.of());
    }

    @Test
    void publishedEndpointsServeTheirFunction() throws IOException {
        Answer created = publish("tables/{table_name}/rows", "POST", "mirror");
        assertThat(created.status()).as(created.json().toString()).isEqualTo(201);
        assertThat(created.json().at("/data/function").asText()).isEqualTo("uuid-mirror");
        assertThat(created.json().at("/data/organization").asText()).isEqualTo("acme");
        assertThat(created.json().at("/data/url").asText()).isEqualTo("/proxy/tables/{table_name}/rows");
        long id = created.json().at("/data/id").asLong();
        assertThat(publish("tables/{other}/rows", "POST", "mirror").status()).isEqualTo(409);

        Answer served = send("POST", "/proxy/tables/Quantity%20Table/rows?mode=append&tag=a&tag=b", ana, "[[2021, 5, 19, 50]]", Map.of());
        assertThat(served.status()).as(served.json().toString()).isEqualTo(200);
        JsonNode request = served.json().get("request");
        assertThat(request.get("method").asText()).isEqualTo("POST");
        assertThat(request.get("path").asText()).isEqualTo("tables/Quantity Table/rows");
        assertThat(request.at("/path_parameters/table_name").asText()).isEqualTo("Quantity Table");
        assertThat(request.at("/query_parameters/mode").asText()).isEqualTo("append");
        assertThat(request.at("/query_parameters/tag").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(request.get("body").toString()).isEqualTo("[[2021,5,19,50]]");
        assertThat(served.json().at("/user/name").asText()).isEqualTo("ana");
        assertThat(served.json().at("/user/organizations").toString()).isEqualTo("[\"acme\"]");

        Answer wrongMethod = send("GET", "/proxy/tables/Quantity/rows", ana, null, Map.of());
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.headers().get("allow")).containsExactly("POST");
        assertThat(wrongMethod.json().at("/error/code").asText()).isEqualTo("METHOD_NOT_ALLOWED");

        assertThat(send("GET", "/api/endpoints/" + id, ana, null, Map.of()).json().at("/data/method").asText()).isEqualTo("POST");
        assertThat(send("GET", "/api/endpoints", ana, null, Map.of()).json().at("/meta/total").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(send("DELETE", "/api/endpoints/" + id, ana, null, Map.of()).status()).isEqualTo(204);
        assertThat(send("POST", "/proxy/tables/Quantity/rows", ana, "[]", Map.of()).status()).isEqualTo(404);
    }

    @Test
    void literalRoutesWinOverParameterRoutes() throws IOException {
        assertThat(publish("things/{id}", "GET", "mirror").status()).isEqualTo(201);
        assertThat(publish("things/special", "GET", "mirror").status()).isEqualTo(201);
        assertThat(send("GET", "/proxy/things/special", ana, null, Map.of()).json().at("/request/path_parameters").size()).isZero();
        assertThat(send("GET", "/proxy/things/7", ana, null, Map.of()).json().at("/request/path_parameters/id").asText()).isEqualTo("7");
        assertThat(send("GET", "/proxy/things/7", ana, null, Map.of()).json().at("/request/body").isNull()).isTrue();
    }

    @Test
    void queryRoutesConvertTypedParametersIntoTheEnvelope() {
        Answer ok = send("GET", "/query/ds-1/echo?k=5&seeds=p1&seeds=p2&seeds=p1&note=hi", ana, null, Map.of("GSQL-TIMEOUT", "1500"));
        assertThat(ok.status()).as(ok.json().toString()).isEqualTo(200);
        assertThat(ok.json().get("error").asBoolean()).isFalse();
        assertThat(ok.json().get("message").asText()).isEmpty();
        assertThat(ok.json().at("/version/api").asText()).isEqualTo("v2");
        JsonNode result = ok.json().at("/results/0");
        assertThat(result.get("dataset").asText()).isEqualTo("ds-1");
        assertThat(result.at("/args/k").isIntegralNumber()).isTrue();
        assertThat(result.at("/args/k").asLong()).isEqualTo(5);
        assertThat(result.at("/args/seeds").toString())
                .isEqualTo("[{\"id\":\"p1\",\"type\":\"person\"},{\"id\":\"p2\",\"type\":\"person\"}]");
        assertThat(result.at("/args/note").asText()).isEqualTo("hi");
        assertThat(result.get("timeout_ms").asLong()).isEqualTo(1500);

        Answer bad = send("GET", "/query/ds-1/echo?k=five", ana, null, Map.of());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("error").asBoolean()).isTrue();
        assertThat(bad.json().at("/details/field").asText()).isEqualTo("k");
        assertThat(bad.json().get("message").asText()).contains("k");
    }

    @Test
    void postBodiesCarryJsonParameters() {
        Answer ok = send("POST", "/query/ds-2/uuid-echo?k=1", ana,
                "{\"seeds\": [{\"id\": \"p9\", \"type\": \"person\"}], \"m\": {\"keyList\": [\"a\"], \"valueList\": [1]}}", Map.of());
        assertThat(ok.status()).as(ok.json().toString()).isEqualTo(200);
        assertThat(ok.json().at("/results/0/args/seeds/0/id").asText()).isEqualTo("p9");
        assertThat(ok.json().at("/results/0/args/m/a").asInt()).isEqualTo(1);
        assertThat(ok.json().at("/results/0/args/k").asLong()).isEqualTo(1);
        Answer both = send("POST", "/query/ds-2/echo?k=1", ana, "{\"k\": 2}", Map.of());
        assertThat(both.status()).isEqualTo(400);
    }

    @Test
    void responseLimitTurnsLargeResultsIntoRest4000() {
        Answer small = send("GET", "/query/ds-1/many?n=3", ana, null, Map.of("RESPONSE-LIMIT", "1000"));
        assertThat(small.status()).isEqualTo(200);
        assertThat(small.json().get("results").size()).isEqualTo(3);
        Answer large = send("GET", "/query/ds-1/many?n=500", ana, null, Map.of("RESPONSE-LIMIT", "1000"));
        assertThat(large.status()).isEqualTo(413);
        assertThat(large.json().get("code").asText()).isEqualTo("REST-4000");
        assertThat(large.json().get("error").asBoolean()).isTrue();
        assertThat(large.json().get("results").size()).isZero();
        assertThat(large.json().get("message").asText()).contains("exceeds limit 1000 bytes");
    }
}
