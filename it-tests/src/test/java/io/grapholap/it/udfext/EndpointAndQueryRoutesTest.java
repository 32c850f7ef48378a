package io.grapholap.it.udfext;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapholap.it.support.Http;
import io.grapholap.it.support.MetadataDatabase;
import io.grapholap.it.support.RunningServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The custom-endpoint and REST++ routes over real HTTP, for what they decide before any function
 * runs: input validation, unknown routes and functions, limits, headers, envelopes, authentication.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EndpointAndQueryRoutesTest {

    private RunningServer server;
    private Http http;
    private String admin;
    private String ana;
    private String loner;

    abstract MetadataDatabase database();

    @BeforeAll
    void start() {
        server = RunningServer.start(database(), Map.of(), Map.of("grapholap.restpp.max-body-bytes", 1024,
                "grapholap.endpoints.max-body-bytes", 1024));
        http = server.http();
        admin = http.adminToken();
        ana = Users.analyst(http, admin, "ep-ana", "acme");
        loner = Users.analyst(http, admin, "ep-loner");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private static String field(Http.Response r) {
        return r.json().path("error").path("details").path("field").asText();
    }

    @Test
    void endpointInputIsCheckedFieldByField() {
        var badRoute = http.post("/api/endpoints", Map.of("route", "a b", "method", "GET", "function", "f"), ana);
        assertThat(badRoute.status()).as(badRoute.body()).isEqualTo(400);
        assertThat(field(badRoute)).isEqualTo("route");
        var badMethod = http.post("/api/endpoints", Map.of("route", "a/{x}", "method", "TRACE", "function", "f"), ana);
        assertThat(badMethod.status()).isEqualTo(400);
        assertThat(field(badMethod)).isEqualTo("method");
        var noFunction = http.post("/api/endpoints", Map.of("route", "a/{x}", "method", "GET"), ana);
        assertThat(noFunction.status()).isEqualTo(400);
        assertThat(field(noFunction)).isEqualTo("function");
        var noOrganisation = http.post("/api/endpoints", Map.of("route", "a/{x}", "function", "f"), loner);
        assertThat(noOrganisation.status()).isEqualTo(400);
        assertThat(field(noOrganisation)).isEqualTo("organization");
        var foreign = http.post("/api/endpoints", Map.of("route", "a/{x}", "function", "f", "organization", "beta"), ana);
        assertThat(foreign.status()).isEqualTo(403);
        var malformed = http.post("/api/endpoints", "{\"route\": ", ana);
        assertThat(malformed.status()).isEqualTo(400);
    }

    @Test
    void unknownEndpointsAndRoutesAre404() {
        var list = http.get("/api/endpoints", ana);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.json().path("meta").path("total").asLong()).isZero();
        assertThat(http.get("/api/endpoints/987654", ana).status()).isEqualTo(404);
        assertThat(http.delete("/api/endpoints/987654", ana).status()).isEqualTo(404);
        var none = http.get("/proxy/nothing/here", ana);
        assertThat(none.status()).as(none.body()).isEqualTo(404);
        assertThat(none.errorCode()).isEqualTo("NOT_FOUND");
        assertThat(http.post("/proxy/nothing", Map.of("a", 1), ana).status()).isEqualTo(404);
        assertThat(http.request("GET", "/proxy/nothing").send().status()).isEqualTo(401);
        assertThat(http.request("GET", "/api/endpoints").send().status()).isEqualTo(401);
    }

    @Test
    void proxyBodiesAreBoundedAndMustBeJson() {
        var big = http.post("/proxy/anything", "\"" + "x".repeat(2000) + "\"", ana);
        assertThat(big.status()).as(big.body()).isEqualTo(413);
        var notJson = http.post("/proxy/anything", "{oops", ana);
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(field(notJson)).isEqualTo("body");
    }

    @Test
    void queryRoutesAnswerInTheRestppEnvelope() {
        var missing = http.get("/query/ds1/no_such_function", loner);
        assertThat(missing.status()).as(missing.body()).isEqualTo(404);
        assertThat(missing.json().path("error").asBoolean()).isTrue();
        assertThat(missing.json().path("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(missing.json().path("version").path("api").asText()).isEqualTo("v2");
        assertThat(missing.json().path("results").isArray()).isTrue();
        assertThat(missing.json().path("message").asText()).contains("no_such_function");
        assertThat(http.request("GET", "/query/ds1/f").send().status()).isEqualTo(401);
    }

    @Test
    void queryHeadersAreChecked() {
        for (String header : new String[] {"GSQL-TIMEOUT", "RESPONSE-LIMIT"}) {
            for (String value : new String[] {"abc", "0", "-5"}) {
                var r = http.request("GET", "/query/ds1/f").bearer(ana).header(header, value).send();
                assertThat(r.status()).as(header + "=" + value + ": " + r.body()).isEqualTo(400);
                assertThat(r.json().path("error").asBoolean()).isTrue();
                assertThat(r.json().path("details").path("field").asText()).isEqualTo(header);
            }
        }
    }

    @Test
    void queryLimitsOnUrlAndBody() {
        var bigBody = http.post("/query/ds1/f", Map.of("p", "x".repeat(2000)), ana);
        assertThat(bigBody.status()).as(bigBody.body()).isEqualTo(413);
        assertThat(bigBody.json().path("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
        var notAnObject = http.post("/query/ds1/f", "[1, 2]", ana);
        assertThat(notAnObject.status()).isEqualTo(400);
        assertThat(notAnObject.json().path("details").path("field").asText()).isEqualTo("body");
    }

    @Test
    void queryUrlsOver8KbAreRefused() {
        var longUrl = http.get("/query/ds1/f?p=" + "x".repeat(8200), ana);
        assertThat(longUrl.status()).as(longUrl.body()).isEqualTo(413);
        assertThat(longUrl.errorCode()).isEqualTo("PAYLOAD_TOO_LARGE");
        var justUnder = http.get("/query/ds1/f?p=" + "x".repeat(8000), ana);
        assertThat(justUnder.status()).as("a long URL under 8 KB reaches the route").isNotEqualTo(413);
    }

    static final class OnH2 extends EndpointAndQueryRoutesTest {
        @Override
        MetadataDatabase database() {
            return MetadataDatabase.H2;
        }
    }

    static final class OnPostgres extends EndpointAndQueryRoutesTest {
        @Override
        MetadataDatabase database() {
            return MetadataDatabase.POSTGRES;
        }
    }
}
