package io.grapholap.it.udf;

import static org.assertj.core.api.Assertions.assertThat;

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
