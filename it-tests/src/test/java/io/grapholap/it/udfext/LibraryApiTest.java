package io.grapholap.it.udfext;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapholap.it.support.Http;
import io.grapholap.it.support.MetadataDatabase;
import io.grapholap.it.support.RunningServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The function-library routes ({@code /evaluator/v1/libraries}) over real HTTP, with Basic auth as their existing clients use it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LibraryApiTest {

    private static final String LIBS = "/evaluator/v1/libraries";

    private RunningServer server;
    private Http http;
    private String admin;
    private String adminBasic;
    private String acme;
    private String beta;

    abstract MetadataDatabase database();

    @BeforeAll
    void start() {
        server = RunningServer.start(database());
        http = server.http();
        admin = http.adminToken();
        adminBasic = Users.basic("admin", RunningServer.ADMIN_PASSWORD);
        Users.analyst(http, admin, "lib-acme", "acme");
        acme = Users.basic("lib-acme", Users.PASSWORD);
        beta = Users.analyst(http, admin, "lib-beta", "beta");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private Http.Response send(String method, String path, String authorization, String body) {
        Http.Request request = http.request(method, path).header("Authorization", authorization);
        if (body != null) {
            request.json(body);
        }
        return request.send();
    }

    private static List<String> names(Http.Response r) {
        List<String> out = new ArrayList<>();
        r.json().forEach(n -> out.add(n.get("bucket").asText() + "/" + n.get("scope").asText() + "/" + n.get("name").asText()));
        return out;
    }

    @Test
    void globalLibrariesAreCreatedReplacedReadAndDeletedByAdmins() {
        String code = "function add(a, b) { let data = a + b; return data; }\n    function sub(a, b) { return a - b; }";
        var created = send("POST", LIBS + "/math", adminBasic, code);
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.json().get("language").asText()).isEqualTo("js");
        assertThat(created.json().get("bucket").asText()).isEmpty();

        var read = send("GET", LIBS + "/math", acme, null);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().get("math").asText()).isEqualTo(code);

        String replaced = "function add(a, b) { return a + b; } function mul(a, b) { return a * b; }";
        assertThat(send("POST", LIBS + "/math", adminBasic, replaced).status()).isEqualTo(200);
        assertThat(send("GET", LIBS + "/math", "Bearer " + beta, null).json().get("math").asText()).isEqualTo(replaced);

        var byAnalyst = send("POST", LIBS + "/math", acme, "function evil() {}");
        assertThat(byAnalyst.status()).as(byAnalyst.body()).isEqualTo(403);
        assertThat(send("DELETE", LIBS + "/math", acme, null).status()).isEqualTo(403);

        assertThat(send("DELETE", LIBS + "/math", adminBasic, null).status()).isEqualTo(200);
        var gone = send("GET", LIBS + "/math", adminBasic, null);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.errorCode()).isEqualTo("NOT_FOUND");
        assertThat(send("DELETE", LIBS + "/math", adminBasic, null).status()).isEqualTo(404);
    }

    @Test
    void scopedLibrariesBelongToTheBucketsOrganisation() {
        String science = LIBS + "/science?bucket=acme&scope=inventory";
        var created = send("POST", science, acme, "function f2c(f) { return (5/9)*(f-32); }");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.json().get("bucket").asText()).isEqualTo("acme");
        assertThat(created.json().get("scope").asText()).isEqualTo("inventory");
        assertThat(created.json().get("updated_by").asText()).isEqualTo("lib-acme");

        assertThat(send("GET", science, acme, null).json().get("science").asText()).contains("f2c");
        assertThat(send("GET", science, adminBasic, null).status()).isEqualTo(200);
        var foreign = send("GET", science, "Bearer " + beta, null);
        assertThat(foreign.status()).as(foreign.body()).isEqualTo(403);
        assertThat(send("POST", LIBS + "/science?bucket=beta&scope=inventory", acme, "function x() {}").status()).isEqualTo(403);
        assertThat(send("GET", LIBS + "/science", acme, null).status()).as("no global library of that name").isEqualTo(404);
        assertThat(send("GET", LIBS + "/science?bucket=acme&scope=other", acme, null).status()).isEqualTo(404);

        var inScope = send("GET", LIBS + "?bucket=acme&scope=inventory", acme, null);
        assertThat(inScope.status()).isEqualTo(200);
        assertThat(names(inScope)).containsExactly("acme/inventory/science");
        assertThat(send("GET", LIBS + "?bucket=acme&scope=inventory", "Bearer " + beta, null).status()).isEqualTo(403);

        assertThat(send("DELETE", science, "Bearer " + beta, null).status()).isEqualTo(403);
        assertThat(send("DELETE", science, acme, null).status()).isEqualTo(200);
        assertThat(send("GET", science, acme, null).status()).isEqualTo(404);
    }

    @Test
    void listingShowsGlobalLibrariesAndThoseOfTheCallersOrganisations() {
        send("POST", LIBS + "/listglobal", adminBasic, "function g() {}");
        send("POST", LIBS + "/listacme?bucket=acme&scope=s1", acme, "function a() {}");
        send("POST", LIBS + "/listbeta?bucket=beta&scope=s1", "Bearer " + beta, "function b() {}");

        assertThat(names(send("GET", LIBS, acme, null))).contains("//listglobal", "acme/s1/listacme").doesNotContain("beta/s1/listbeta");
        assertThat(names(send("GET", LIBS, "Bearer " + beta, null))).contains("//listglobal", "beta/s1/listbeta")
                .doesNotContain("acme/s1/listacme");
        assertThat(names(send("GET", LIBS, adminBasic, null))).contains("//listglobal", "acme/s1/listacme", "beta/s1/listbeta");
        var first = send("GET", LIBS, acme, null).json().get(0);
        assertThat(first.has("code")).isTrue();
    }

    @Test
    void bucketAndScopeGoTogether() {
        for (String query : List.of("?bucket=acme", "?scope=inventory")) {
            var r = send("GET", LIBS + "/math" + query, acme, null);
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.errorCode()).isEqualTo("VALIDATION_FAILED");
            assertThat(r.json().path("error").path("details").path("field").asText()).isIn("bucket", "scope");
            assertThat(send("POST", LIBS + "/math" + query, adminBasic, "function f() {}").status()).isEqualTo(400);
            assertThat(send("DELETE", LIBS + "/math" + query, adminBasic, null).status()).isEqualTo(400);
            assertThat(send("GET", LIBS + query, acme, null).status()).isEqualTo(400);
        }
    }

    @Test
    void badNamesBodiesAndLanguagesAreRefusedNamingTheField() {
        var badName = send("POST", LIBS + "/1bad", adminBasic, "function f() {}");
        assertThat(badName.status()).isEqualTo(400);
        assertThat(badName.json().path("error").path("details").path("field").asText()).isEqualTo("library");

        var empty = send("POST", LIBS + "/empty", adminBasic, "  ");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().path("error").path("details").path("field").asText()).isEqualTo("functions");

        var badLanguage = send("POST", LIBS + "/lang?language=cobol", adminBasic, "function f() {}");
        assertThat(badLanguage.status()).isEqualTo(400);
        assertThat(badLanguage.json().path("error").path("details").path("field").asText()).isEqualTo("language");
    }

    @Test
    void pythonLibrariesAndJsonStringBodiesAreAccepted() {
        var created = send("POST", LIBS + "/pyutil?language=python", adminBasic, "\"def double(x):\\n    return 2 * x\\n\"");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.json().get("language").asText()).isEqualTo("python");
        assertThat(send("GET", LIBS + "/pyutil", acme, null).json().get("pyutil").asText()).isEqualTo("def double(x):\n    return 2 * x\n");
        send("DELETE", LIBS + "/pyutil", adminBasic, null);
    }

    @Test
    void librariesNeedCredentials() {
        assertThat(http.request("GET", LIBS).send().status()).isEqualTo(401);
        assertThat(send("GET", LIBS, Users.basic("admin", "wrong-password"), null).status()).isEqualTo(401);
        assertThat(send("GET", LIBS, "Bearer " + admin, null).status()).isEqualTo(200);
    }

    static final class OnH2 extends LibraryApiTest {
        @Override
        MetadataDatabase database() {
            return MetadataDatabase.H2;
        }
    }

    static final class OnPostgres extends LibraryApiTest {
        @Override
        MetadataDatabase database() {
            return MetadataDatabase.POSTGRES;
        }
    }
}
