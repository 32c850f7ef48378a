package io.grapholap.it.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.grapholap.it.support.Http;
import io.grapholap.it.support.MetadataDatabase;
import io.grapholap.it.support.RunningServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The hostile inputs of issue 12 one by one, over real HTTP against a server with the documented
 * default limits: the 68-byte Arrow bomb and other forged lengths, a forged CSV, NUL in a query
 * parameter, NUL requests among real deletes (none of which may go missing from the audit log),
 * out-of-range ids, mistyped scalars, bodies without {@code Content-Type}, bad organisation names,
 * and uploads one byte either side of the 16 MiB limit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HostileInputTest {

    private static final String ARROW = "application/vnd.apache.arrow.stream";
    /** The documented upload limit: 16 MiB (docs/datasets.md, README). */
    private static final int UPLOAD_LIMIT = 16 * 1024 * 1024;

    private RunningServer server;
    private Http http;
    private String admin;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

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

    private Http.Response send(String method, String path, String contentType, byte[] body, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(http.base().toString().replaceAll("/$", "") + path))
                .timeout(Duration.ofSeconds(120))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Http.Response(r.statusCode(), r.body(), r.headers().map());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String field(Http.Response r) {
        return r.json().path("error").path("details").path("field").asText();
    }

    private List<String> usernames() {
        Http.Response users = http.get("/api/admin/users", admin);
        assertThat(users.status()).as(users.body()).isEqualTo(200);
        return users.data().findValuesAsText("username");
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getTotalThreadAllocatedBytes();
    }

    @Test
    void theArrowBombIsRefusedWithoutAllocatingWhatItClaimsFourAtATime() {
        BufferAllocator arrow = server.bean(BufferAllocator.class);
        long offHeapBefore = arrow.getAllocatedMemory();
        long heapBefore = allocatedBytes();
        List<CompletableFuture<Http.Response>> bombs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            bombs.add(CompletableFuture.supplyAsync(() -> send("POST", "/api/datasets/bomb/nodes/L", ARROW,
                    Forgeries.arrowMessageLengthBomb(), admin)));
        }
        for (CompletableFuture<Http.Response> bomb : bombs) {
            Http.Response r = bomb.join();
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(field(r)).isEqualTo("body");
            assertThat(r.json().at("/error/message").asText()).contains("2139062143");
        }
        long heap = allocatedBytes() - heapBefore;
        assertThat(heap).as("bytes allocated on the heap while four bombs were refused (each claims 2 GiB)")
                .isLessThan(256L * 1024 * 1024);
        assertThat(arrow.getAllocatedMemory()).as("Arrow memory after the bombs").isEqualTo(offHeapBefore);
        assertThat(http.get("/api/datasets/bomb", admin).status()).as("nothing was stored").isEqualTo(404);
    }

    @Test
    void forgedArrowBodiesAndRowCountsAre400AndLeaveNoArrowMemoryBehind() {
        BufferAllocator arrow = server.bean(BufferAllocator.class);
        long before = arrow.getAllocatedMemory();
        for (byte[] forged : List.of(Forgeries.arrowBodyLengthBomb(1_500_000_000L), Forgeries.arrowBodyLengthBomb(Long.MAX_VALUE),
                Forgeries.arrowRowCountBomb(2_000_000_000L), Forgeries.arrowTruncated())) {
            Http.Response r = send("POST", "/api/datasets/forged/nodes/L", ARROW, forged, admin);
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(field(r)).isEqualTo("body");
        }
        assertThat(arrow.getAllocatedMemory()).as("Arrow memory after the forged uploads").isEqualTo(before);
    }

    @Test
    void aForgedCsvIsRefusedByItsWidthAndItsBytes() {
        Http.Response wide = send("POST", "/api/datasets/forged/nodes/L", "text/csv", Forgeries.csvWideHeader(60_000), admin);
        assertThat(wide.status()).as(wide.body()).isEqualTo(400);
        assertThat(wide.json().at("/error/details/max_columns").asInt()).isEqualTo(1000);
        Http.Response unterminated = send("POST", "/api/datasets/forged/nodes/L", "text/csv", Forgeries.csvUnterminatedQuote(), admin);
        assertThat(unterminated.status()).as(unterminated.body()).isEqualTo(400);
        Http.Response outOfRange = send("POST", "/api/datasets/forged/nodes/L", "text/csv", Forgeries.csvOutOfRangeKey(), admin);
        assertThat(outOfRange.status()).as(outOfRange.body()).isEqualTo(400);
        assertThat(field(outOfRange)).isEqualTo("k");
        Http.Response nul = send("POST", "/api/datasets/forged/nodes/L", "text/csv",
                "k,v\n1,a\u0000b\n".getBytes(StandardCharsets.UTF_8), admin);
        assertThat(nul.status()).as(nul.body()).isEqualTo(400);
        assertThat(field(nul)).isEqualTo("body");
        assertThat(http.get("/api/datasets/forged", admin).status()).as("nothing was stored").isEqualTo(404);
    }

    @Test
    void nulInASearchParameterIs400NamingIt() {
        for (String path : List.of("/api/mappings?search=a%00b", "/api/snapshots?search=a%00b", "/api/instances?search=a%00b")) {
            Http.Response r = http.get(path, admin);
            assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(400);
            assertThat(r.errorCode()).isEqualTo("VALIDATION_FAILED");
            assertThat(field(r)).isEqualTo("search");
        }
        Http.Response owner = http.get("/api/mappings?owner=%ED%A0%80x%00", admin);
        assertThat(owner.status()).isEqualTo(400);
        assertThat(field(owner)).isEqualTo("owner");
        Http.Response segment = http.get("/api/v2/o/acme/functions/js/x%00y", admin);
        assertThat(segment.status()).as(segment.body()).isEqualTo(400);
        assertThat(field(segment)).isEqualTo("uuidOrAlias");
    }

    @Test
    void nulInJsonStringsAtAnyDepthIs400NamingThePath() {
        Http.Response top = http.request("POST", "/api/auth/api-keys").bearer(admin).json("{\"name\": \"a\\u0000b\"}").send();
        assertThat(top.status()).as(top.body()).isEqualTo(400);
        assertThat(field(top)).isEqualTo("name");
        Http.Response deep = http.request("POST", "/api/mappings").bearer(admin).json("""
                {"name": "deep", "node_definitions": [{"label": "L", "sql": "SELECT 1 AS id",
                  "primary_key": {"name": "id\\ud800", "type": "INT64"}, "properties": []}], "edge_definitions": []}""").send();
        assertThat(deep.status()).as(deep.body()).isEqualTo(400);
        assertThat(field(deep)).isEqualTo("node_definitions[0].primary_key.name");
        Http.Response restpp = http.request("POST", "/graph/nul").bearer(admin).json("{\"vertices\": {\"T\": {\"a\\u0000\": {}}}}").send();
        assertThat(restpp.status()).as(restpp.body()).isEqualTo(400);
        assertThat(restpp.json().get("error").asBoolean()).as("the REST++ envelope").isTrue();
        assertThat(restpp.json().at("/details/field").asText()).startsWith("vertices.T.");
        Http.Response library = send("POST", "/evaluator/v1/libraries/nul", "application/json",
                "\"function f() { return '\\u0000'; }\"".getBytes(StandardCharsets.UTF_8), admin);
        assertThat(library.status()).as(library.body()).isEqualTo(400);
        assertThat(field(library)).isEqualTo("body");
    }

    /** The tester's run: NUL requests alongside five real deletes cost two of them their audit entries. */
    @Test
    void nulRequestsAlongsideRealDeletesLoseNoAuditEntry() {
        List<String> libraries = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String path = "/evaluator/v1/libraries/doomed" + i;
            assertThat(send("POST", path, "application/javascript", "function f() {}".getBytes(StandardCharsets.UTF_8), admin).status())
                    .isEqualTo(200);
            libraries.add(path);
        }
        CompletableFuture<Void> hostile = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 40; i++) {
                assertThat(send("DELETE", "/evaluator/v1/libraries/x%00" + i, null, null, admin).status()).isEqualTo(400);
            }
        });
        for (String path : libraries) {
            send("DELETE", "/evaluator/v1/libraries/x%00y", null, null, admin);
            assertThat(send("DELETE", path, null, null, admin).status()).isEqualTo(200);
        }
        hostile.join();
        JsonNode audit = http.get("/api/admin/audit?actor=admin&action=DELETE&limit=100", admin).data();
        for (String path : libraries) {
            assertThat(audit.findValuesAsText("path")).as("audit entry of DELETE " + path).contains(path);
        }
        assertThat(audit.findValuesAsText("path")).as("the hostile calls are recorded too, escaped").contains("/evaluator/v1/libraries/x%00y");
        assertThat(audit.findValuesAsText("target_id")).contains("x\\u0000y");
    }

    @Test
    void aNegativeMappingIdIs400NotAServerError() {
        Http.Response snapshot = http.post("/api/snapshots", Map.of("mapping_id", -1, "name", "bad"), admin);
        assertThat(snapshot.status()).as(snapshot.body()).isEqualTo(400);
        assertThat(field(snapshot)).isEqualTo("mapping_id");
        Http.Response instance = http.post("/api/instances/from-mapping", Map.of("mapping_id", -1), admin);
        assertThat(instance.status()).as(instance.body()).isEqualTo(400);
        assertThat(field(instance)).isEqualTo("mapping_id");
        Http.Response zero = http.post("/api/snapshots", Map.of("mapping_id", 0, "name", "bad"), admin);
        assertThat(zero.status()).isEqualTo(400);
        Http.Response beyondLong = http.request("POST", "/api/snapshots").bearer(admin)
                .json("{\"mapping_id\": 9223372036854775808, \"name\": \"bad\"}").send();
        assertThat(beyondLong.status()).as(beyondLong.body()).isEqualTo(400);
        assertThat(field(beyondLong)).isEqualTo("mapping_id");
        assertThat(http.get("/api/mappings/-1", admin).status()).isEqualTo(404);
        assertThat(http.get("/api/mappings/9223372036854775808", admin).status()).isEqualTo(400);
    }

    @Test
    void scalarsAreNotCoerced() {
        Http.Response number = http.post("/api/admin/users", Map.of("username", 12345, "password", "coerced-password-1",
                "roles", List.of("analyst")), admin);
        assertThat(number.status()).as(number.body()).isEqualTo(400);
        assertThat(field(number)).isEqualTo("username");
        assertThat(usernames()).as("no user 12345 was made").doesNotContain("12345");
        Http.Response text = http.post("/api/snapshots", Map.of("mapping_id", "1", "name", "typed"), admin);
        assertThat(text.status()).as(text.body()).isEqualTo(400);
        assertThat(field(text)).isEqualTo("mapping_id");
        Http.Response flag = http.put("/api/config/maintenance", Map.of("enabled", "true"), admin);
        assertThat(flag.status()).as(flag.body()).isEqualTo(400);
        assertThat(field(flag)).isEqualTo("enabled");
        Http.Response one = http.put("/api/config/maintenance", Map.of("enabled", 1), admin);
        assertThat(one.status()).as(one.body()).isEqualTo(400);
        Http.Response single = http.post("/api/admin/users", Map.of("username", "single", "password", "coerced-password-1",
                "roles", "analyst"), admin);
        assertThat(single.status()).as("a string where a list is declared: " + single.body()).isEqualTo(400);
        assertThat(field(single)).isEqualTo("roles");
    }

    @Test
    void aBodyWithoutContentTypeIs415AfterAuthentication() {
        byte[] user = "{\"username\": \"typeless\", \"password\": \"typeless-password-1\", \"roles\": [\"analyst\"]}"
                .getBytes(StandardCharsets.UTF_8);
        Http.Response typeless = send("POST", "/api/admin/users", null, user, admin);
        assertThat(typeless.status()).as(typeless.body()).isEqualTo(415);
        assertThat(typeless.errorCode()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        assertThat(usernames()).doesNotContain("typeless");
        assertThat(send("POST", "/api/admin/users", null, user, null).status()).as("no credentials, no type").isEqualTo(401);
        assertThat(send("POST", "/api/admin/users", "text/plain", user, null).status()).as("no credentials, wrong type").isEqualTo(401);
        byte[] csv = "k\n1\n".getBytes(StandardCharsets.UTF_8);
        assertThat(send("POST", "/api/datasets/typed/nodes/L", "application/json", csv, null).status())
                .as("upload route, no credentials, wrong type").isEqualTo(401);
        assertThat(send("POST", "/api/datasets/typed/edges/E", "application/xml", csv, null).status())
                .as("upload route, no credentials, wrong type").isEqualTo(401);
        assertThat(send("POST", "/api/datasets/typed/nodes/L", null, csv, admin).status()).as("upload route, no type").isEqualTo(415);
        assertThat(send("POST", "/api/datasets/typed/nodes/L", "application/json", csv, admin).status())
                .as("upload route, wrong type").isEqualTo(415);
        byte[] multipart = "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"t.csv\"\r\n\r\nk\n1\n\r\n--b--\r\n"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(send("POST", "/api/datasets/typed/nodes/L", "multipart/form-data; boundary=b", multipart, admin).status())
                .as("multipart is no upload format").isEqualTo(415);
        assertThat(send("POST", "/api/datasets/typed/nodes/L", "multipart/form-data; boundary=b", multipart, null).status())
                .as("multipart, no credentials").isEqualTo(401);
        Http.Response restpp = send("POST", "/graph/typed", null, "{}".getBytes(StandardCharsets.UTF_8), admin);
        assertThat(restpp.status()).isEqualTo(415);
        assertThat(restpp.json().get("error").asBoolean()).as("the REST++ envelope: " + restpp.body()).isTrue();
    }

    @Test
    void organisationNamesAreSlugsForAdminsToo() {
        byte[] udf = "{\"execute\": \"function task(g, args) { return 1; }\"}".getBytes(StandardCharsets.UTF_8);
        for (String org : List.of("..%2F..%2Fetc%2Fpasswd", "a%20b", "Acme", "-x", "x".repeat(65))) {
            Http.Response r = send("POST", "/api/v2/o/" + org + "/functions/js/", "application/json", udf, admin);
            assertThat(r.status()).as(org + ": " + r.body()).isEqualTo(400);
            assertThat(field(r)).isEqualTo("org");
        }
        assertThat(send("POST", "/api/v2/o/acme-2_x/functions/js/", "application/json", udf, admin).status()).isEqualTo(201);
        Http.Response settings = http.put("/api/admin/organizations/a%20b", Map.of("udf_creation_enabled", false), admin);
        assertThat(settings.status()).as(settings.body()).isEqualTo(400);
        assertThat(field(settings)).isEqualTo("org");
    }

    @Test
    void uploadsAreTakenUpToTheDocumented16MiBAndRefusedOneByteOver() {
        byte[] justUnder = csvOfSize(UPLOAD_LIMIT);
        Http.Response accepted = send("POST", "/api/datasets/large/nodes/Blob", "text/csv", justUnder, admin);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.data().get("accepted_vertices").asInt()).isEqualTo(16);
        Http.Response refused = send("POST", "/api/datasets/large/nodes/Blob", "text/csv", csvOfSize(UPLOAD_LIMIT + 1), admin);
        assertThat(refused.status()).as(refused.body()).isEqualTo(413);
        assertThat(refused.errorCode()).isEqualTo("PAYLOAD_TOO_LARGE");
        Http.Response restpp = send("POST", "/graph/large", "application/json", jsonOfSize(UPLOAD_LIMIT + 1), admin);
        assertThat(restpp.status()).isEqualTo(413);
        assertThat(restpp.json().get("error").asBoolean()).as("the REST++ envelope: " + restpp.body()).isTrue();
    }

    /** A CSV of 16 rows, key and payload, exactly {@code size} bytes long. */
    private static byte[] csvOfSize(int size) {
        byte[] out = new byte[size];
        java.util.Arrays.fill(out, (byte) 'x');
        byte[] header = "k,v\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, out, 0, header.length);
        int rows = 16;
        int per = (size - header.length) / rows;
        for (int r = 0; r < rows; r++) {
            int at = header.length + r * per;
            byte[] key = (Integer.toString(r) + ",").getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(key, 0, out, at, key.length);
            int end = r == rows - 1 ? size - 1 : at + per - 1;
            out[end] = '\n';
        }
        return out;
    }

    private static byte[] jsonOfSize(int size) {
        String head = "{\"vertices\": {\"T\": {\"a\": {\"s\": {\"value\": \"";
        String tail = "\"}}}}}";
        return (head + "x".repeat(size - head.length() - tail.length()) + tail).getBytes(StandardCharsets.US_ASCII);
    }

    static final class OnPostgres extends HostileInputTest {
        @Override
        MetadataDatabase database() {
            return MetadataDatabase.POSTGRES;
        }
    }

    static final class OnH2 extends HostileInputTest {
        @Override
        MetadataDatabase database() {
            return MetadataDatabase.H2;
        }
    }
}
