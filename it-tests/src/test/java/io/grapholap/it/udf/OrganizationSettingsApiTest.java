package io.grapholap.it.udf;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapholap.it.support.Http;
import io.grapholap.it.support.MetadataDatabase;
import io.grapholap.it.support.RunningServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** PUT/GET /api/admin/organizations/{org} over HTTP: admins switch UDF creation per organisation. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OrganizationSettingsApiTest {

    private RunningServer server;
    private String admin;

    abstract MetadataDatabase database();

    @BeforeAll
    void start() {
        server = RunningServer.start(database());
        admin = server.http().adminToken();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void adminsReadAndSetUdfCreation() {
        var fresh = server.http().get("/api/admin/organizations/acme", admin);
        assertThat(fresh.status()).isEqualTo(200);
        assertThat(fresh.json().at("/data/name").asText()).isEqualTo("acme");
        assertThat(fresh.json().at("/data/udf_creation_enabled").asBoolean()).isTrue();

        var off = server.http().put("/api/admin/organizations/acme", Map.of("udf_creation_enabled", false), admin);
        assertThat(off.status()).isEqualTo(200);
        assertThat(off.json().at("/data/udf_creation_enabled").asBoolean()).isFalse();
        assertThat(off.json().at("/data/updated_by").asText()).isEqualTo("admin");
        assertThat(server.http().get("/api/admin/organizations/acme", admin).json().at("/data/udf_creation_enabled").asBoolean())
                .isFalse();
    }

    @Test
    void othersAndBadInputAreRefused() {
        var created = server.http().post("/api/admin/users", Map.of("username", "orgtester", "password", "analyst-password-123",
                "roles", List.of("analyst"), "organizations", List.of("acme")), admin);
        assertThat(created.status()).isIn(200, 201);
        String analyst = server.http().login("orgtester", "analyst-password-123");
        assertThat(server.http().put("/api/admin/organizations/acme", Map.of("udf_creation_enabled", false), analyst).status())
                .isEqualTo(403);
        assertThat(server.http().get("/api/admin/organizations/acme", null).status()).isEqualTo(401);
        var bad = server.http().put("/api/admin/organizations/Not%20Valid", Map.of("udf_creation_enabled", true), admin);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().at("/error/details/field").asText()).isEqualTo("org");
        assertThat(server.http().put("/api/admin/organizations/acme", Map.of("udf_creation_enabled", "maybe"), admin).status())
                .isEqualTo(400);
        assertThat(server.http().put("/api/admin/organizations/acme", Map.of("unknown", true), admin).status()).isEqualTo(400);
    }

    @Test
    void adminsChooseWhichLanguagesRunAndWho() {
        String alice = member("runner-alice");
        String bob = member("runner-bob");
        for (String language : List.of("js", "python")) {
            boolean js = language.equals("js");
            var created = server.http().post("/api/v2/o/beta/functions/" + language + "/count-" + language, Map.of(
                    "is_enabled", true,
                    "load_data", js ? "function task(args) { return {nodes: [{id: 1}, {id: 2}], edges: []}; }"
                            : "def task(args):\n    return {'nodes': [{'id': 1}, {'id': 2}], 'edges': []}\n",
                    "execute", js ? "function task(g) { return {vertices: g.statistics().vertex_count}; }"
                            : "def task(g):\n    return {'vertices': g.statistics()['vertex_count']}\n"), alice);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            var granted = server.http().put("/api/v2/o/beta/functions/" + language + "/count-" + language + "/permissions",
                    Map.of("editors", List.of(), "runners", List.of("runner-bob")), alice);
            assertThat(granted.status()).as(granted.body()).isEqualTo(200);
            assertThat(run(language, bob).status()).isEqualTo(200);
        }

        // Seed 000's flag_python_endpoint_disabled and flag_python_endpoint_enabled_users.
        var set = server.http().put("/api/admin/organizations/beta", Map.of("udf_execution_disabled_languages", List.of("python"),
                "udf_execution_users", List.of("runner-alice")), admin);
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().at("/data/udf_execution_disabled_languages").toString()).isEqualTo("[\"python\"]");
        assertThat(set.json().at("/data/udf_execution_users").toString()).isEqualTo("[\"runner-alice\"]");
        var python = run("python", alice);
        assertThat(python.status()).as(python.body()).isEqualTo(403);
        assertThat(python.errorMessage()).contains("running python UDFs is turned off in organisation beta");
        var notListed = run("js", bob);
        assertThat(notListed.status()).as(notListed.body()).isEqualTo(403);
        assertThat(notListed.errorMessage()).contains("udf_execution_users");
        var listed = run("js", alice);
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(listed.json().get("vertices").asInt()).isEqualTo(2);

        var kept = server.http().put("/api/admin/organizations/beta", Map.of("udf_creation_enabled", true), admin);
        assertThat(kept.json().at("/data/udf_execution_users").toString()).isEqualTo("[\"runner-alice\"]");
        var cleared = server.http().put("/api/admin/organizations/beta", Map.of("udf_execution_disabled_languages", List.of(),
                "udf_execution_users", List.of()), admin);
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(run("python", bob).status()).isEqualTo(200);

        var badLanguage = server.http().put("/api/admin/organizations/beta", Map.of("udf_execution_disabled_languages", List.of("cobol")), admin);
        assertThat(badLanguage.status()).isEqualTo(400);
        assertThat(badLanguage.json().at("/error/details/field").asText()).isEqualTo("udf_execution_disabled_languages");
        var badUser = server.http().put("/api/admin/organizations/beta", Map.of("udf_execution_users", List.of("Not A User")), admin);
        assertThat(badUser.status()).isEqualTo(400);
        assertThat(badUser.json().at("/error/details/field").asText()).isEqualTo("udf_execution_users");
    }

    private String member(String username) {
        var created = server.http().post("/api/admin/users", Map.of("username", username, "password", "analyst-password-123",
                "roles", List.of("analyst"), "organizations", List.of("beta")), admin);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return server.http().login(username, "analyst-password-123");
    }

    private Http.Response run(String language, String token) {
        return server.http().post("/api/v2/o/beta/run/" + language + "/count-" + language, Map.of(), token);
    }

    static final class OnH2 extends OrganizationSettingsApiTest {
        @Override
        MetadataDatabase database() {
            return MetadataDatabase.H2;
        }
    }

    static final class OnPostgres extends OrganizationSettingsApiTest {
        @Override
        MetadataDatabase database() {
            return MetadataDatabase.POSTGRES;
        }
    }
}
