package io.grapholap.it.firstcontact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grapholap.it.support.Http;
import io.grapholap.it.support.LogCapture;
import io.grapholap.it.support.MetadataDatabase;
import io.grapholap.it.support.RunningServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What a new user meets first, over real HTTP on both metadata databases: the next steps the
 * server prints when it is ready, the start page at {@code /}, 401 answers that say what was wrong
 * with the credential, source SQL errors in full, and the log lines of exports and instance starts
 * (started, finished, failed).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FirstContactApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(90);

    private LogCapture log;
    private RunningServer server;
    private Http http;
    private String admin;

    abstract MetadataDatabase database();

    @BeforeAll
    void start() {
        log = new LogCapture();
        server = RunningServer.start(database());
        http = server.http();
        admin = http.adminToken();
    }

    @AfterAll
    void stop() {
        server.close();
        log.close();
    }

    @Test
    void theServerPrintsTheNextStepsWhenReady() {
        String port = Integer.toString(http.base().getPort());
        String steps = log.await(line -> line.contains("Next steps:") && line.contains(":" + port + "/"), Duration.ofSeconds(5));
        assertThat(steps).contains(":" + port + "/swagger-ui/index.html")
                .contains(":" + port + "/swagger/grapholap-0.1.0.yml")
                .contains("README.md")
                .contains("log in as 'admin' with the password from GRAPHOLAP_ADMIN_PASSWORD");
    }

    @Test
    void theStartPageLinksTheApiBrowserTheDocumentAndHealth() {
        var page = http.get("/", null);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.headers().get("content-type").getFirst()).startsWith("text/html");
        assertThat(page.body()).contains("href=\"/swagger-ui/index.html\"").contains("href=\"/swagger/grapholap-0.1.0.yml\"")
                .contains("href=\"/ready\"").contains("POST /api/auth/login").contains("GRAPHOLAP_ADMIN_PASSWORD");
        assertThat(http.get("/swagger-ui/index.html", null).status()).isEqualTo(200);
        assertThat(http.get("/swagger/grapholap-0.1.0.yml", null).status()).isEqualTo(200);
    }

    @Test
    void a401SaysWhatWasWrongWithTheCredential() throws Exception {
        assertRefused(http.request("GET", "/api/auth/me").send(), "no credentials");
        assertRefused(http.request("GET", "/api/auth/me").header("Authorization", "Token abc").send(),
                "malformed Authorization header");
        assertRefused(http.request("GET", "/api/auth/me").header("Authorization", "Bearer ").send(), "malformed Authorization header");
        assertRefused(http.get("/api/auth/me", "not-a-token"), "malformed bearer token");

        byte[] secret = Files.readString(server.dataDir().resolve("jwt-secret")).trim().getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();
        String expired = sign(Map.of("sub", "admin", "iss", "grapholap", "iat", now - 7200, "exp", now - 3600), secret);
        assertRefused(http.get("/api/auth/me", expired), "the access token expired at " + Instant.ofEpochSecond(now - 3600));
        String foreign = sign(Map.of("sub", "admin", "iss", "grapholap", "iat", now, "exp", now + 600),
                "another server's secret, long enough".getBytes(StandardCharsets.UTF_8));
        assertRefused(http.get("/api/auth/me", foreign), "the access token was not issued by this server");

        assertRefused(http.get("/api/auth/me", "gok_no-such-key-at-all"), "no API key gok_no-such-");
        var created = http.post("/api/auth/api-keys", Map.of("name", "to-revoke"), admin);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String key = created.data().get("key").asText();
        assertThat(http.get("/api/auth/me", key).status()).isEqualTo(200);
        assertThat(http.delete("/api/auth/api-keys/" + created.data().get("id").asText(), admin).status()).isEqualTo(204);
        var revoked = http.get("/api/auth/me", key);
        assertRefused(revoked, "the API key 'to-revoke' (" + key.substring(0, 12) + "…) was revoked at ");
    }

    private static void assertRefused(Http.Response response, String message) {
        assertThat(response.status()).as(response.body()).isEqualTo(401);
        assertThat(response.errorCode()).isEqualTo("UNAUTHORIZED");
        assertThat(response.errorMessage()).contains(message);
        assertThat(response.headers().get("www-authenticate")).isNotEmpty();
    }

    @Test
    void aSourceSqlErrorComesBackWhole() {
        var r = http.post("/api/mappings", mapping("no such column", "SELECT merchant_id, nosuch FROM merchants"), admin);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        // H2 puts the failing statement after its first line, and its error code at the very end.
        assertThat(r.errorMessage()).contains("nosuch").contains("SQL statement:").contains("FROM merchants")
                .contains("(SQLSTATE 42S22)");
    }

    @Test
    void exportsAndInstanceStartsLogStartFinishAndFailure() throws Exception {
        long mapping = createMapping(mapping("merchants " + System.nanoTime(), "SELECT merchant_id, name FROM merchants"));
        long snapshot = createSnapshot(mapping);
        log.await(line -> line.startsWith("INFO export of snapshot " + snapshot + " (mapping " + mapping + " version 1) started"), WAIT);
        assertThat(awaitSnapshot(snapshot).get("status").asText()).isEqualTo("ready");
        log.await(line -> line.startsWith("INFO export of snapshot " + snapshot + " finished in ") && line.contains(": 2000 rows, "), WAIT);

        long instance = createInstance(snapshot);
        assertThat(awaitInstance(instance).get("status").asText()).isEqualTo("running");
        log.await(line -> line.startsWith("INFO start of instance " + instance + " (snapshot " + snapshot + ", engine cpu, "), WAIT);
        log.await(line -> line.startsWith("INFO start of instance " + instance + " finished in ") && line.endsWith("running on cpu"), WAIT);

        // Validation runs the SQL as a zero-row probe, so the division by zero only shows in the export.
        long broken = createMapping(mapping("broken " + System.nanoTime(), "SELECT merchant_id, CAST(1 / (merchant_id - 1000) AS VARCHAR) AS name FROM merchants"));
        long failing = createSnapshot(broken);
        assertThat(awaitSnapshot(failing).get("status").asText()).isEqualTo("failed");
        String failed = log.await(line -> line.startsWith("WARN export of snapshot " + failing + " failed: "), WAIT);
        assertThat(failed).containsIgnoringCase("division by zero");

        // A snapshot whose Arrow files were damaged after the export: its instance fails while loading.
        long damaged = createSnapshot(mapping);
        assertThat(awaitSnapshot(damaged).get("status").asText()).isEqualTo("ready");
        try (Stream<Path> files = Files.walk(server.dataDir().resolve("snapshots").resolve(Long.toString(damaged)))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".arrow")).toList()) {
                Files.write(file, new byte[] {1, 2, 3});
            }
        }
        long doomed = createInstance(damaged);
        JsonNode ended = awaitInstance(doomed);
        assertThat(ended.get("status").asText()).isEqualTo("failed");
        String failure = log.await(line -> line.startsWith("WARN start of instance " + doomed + " failed: loading failed: "), WAIT);
        assertThat(failure).endsWith(ended.get("error_message").asText().substring("loading failed: ".length()));
    }

    private static Map<String, Object> mapping(String name, String sql) {
        return Map.of("name", name, "node_definitions", List.of(Map.of("label", "Merchant", "sql", sql,
                        "primary_key", Map.of("name", "merchant_id", "type", "INT64"),
                        "properties", List.of(Map.of("name", "name", "type", "STRING")))),
                "edge_definitions", List.of());
    }

    private long createMapping(Map<String, Object> body) {
        var r = http.post("/api/mappings", body, admin);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.data().get("id").asLong();
    }

    private long createSnapshot(long mapping) {
        var r = http.post("/api/snapshots", Map.of("mapping_id", mapping, "name", "snapshot " + System.nanoTime()), admin);
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        return r.data().get("id").asLong();
    }

    private long createInstance(long snapshot) {
        var r = http.post("/api/instances", Map.of("snapshot_id", snapshot, "name", "instance " + System.nanoTime()), admin);
        assertThat(r.status()).as(r.body()).isIn(201, 202);
        return r.data().get("id").asLong();
    }

    private JsonNode awaitSnapshot(long id) throws InterruptedException {
        return await("/api/snapshots/" + id, List.of("ready", "failed"));
    }

    private JsonNode awaitInstance(long id) throws InterruptedException {
        return await("/api/instances/" + id, List.of("running", "failed", "terminated"));
    }

    private JsonNode await(String path, List<String> finalStatuses) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode data = http.get(path, admin).data();
            if (finalStatuses.contains(data.get("status").asText())) {
                return data;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(path + " did not reach " + finalStatuses + " within " + WAIT);
    }

    private static String sign(Map<String, Object> claims, byte[] secret) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = b64.encodeToString(JSON.writeValueAsBytes(Map.of("alg", "HS256", "typ", "JWT")))
                + "." + b64.encodeToString(JSON.writeValueAsBytes(claims));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        return signingInput + "." + b64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    static final class OnH2 extends FirstContactApiTest {
        @Override
        MetadataDatabase database() {
            return MetadataDatabase.H2;
        }
    }

    static final class OnPostgres extends FirstContactApiTest {
        @Override
        MetadataDatabase database() {
            return MetadataDatabase.POSTGRES;
        }
    }
}
