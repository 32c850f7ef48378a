package io.grapholap.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapholap.it.support.MetadataDatabase;
import io.grapholap.it.support.RunningServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A server started with GRAPHOLAP_DEV_MODE=true and no internal key configured. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DevModeApiTest {

    private RunningServer server;

    abstract MetadataDatabase database();

    @BeforeAll
    void start() {
        server = RunningServer.start(database(), Map.of("GRAPHOLAP_DEV_MODE", "true"), Map.of());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void usernameHeaderActsAsThatAccount() {
        var r = server.http().request("GET", "/api/admin/users").header("X-Username", "admin").send();
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    @Test
    void unknownUsernameActsAsAnAnalyst() {
        var me = server.http().request("GET", "/api/auth/me").header("X-Username", "notebook-user").send();
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.data().get("username").asText()).isEqualTo("notebook-user");
        assertThat(me.data().get("roles").toString()).isEqualTo("[\"analyst\"]");
        var admin = server.http().request("GET", "/api/admin/users").header("X-Username", "notebook-user").send();
        assertThat(admin.status()).isEqualTo(403);
    }

    @Test
    void anAuthorizationHeaderWithoutACredentialLeavesTheUsernameToAct() {
        // What the seed's Python SDK sends when it has no API key.
        for (String none : new String[] {"Bearer None", "", "Bearer"}) {
            var me = server.http().request("GET", "/api/auth/me").header("X-Username", "sdk-user").header("Authorization", none).send();
            assertThat(me.status()).as("Authorization: '" + none + "' → " + me.body()).isEqualTo(200);
            assertThat(me.data().get("username").asText()).isEqualTo("sdk-user");
        }
        var noUser = server.http().request("GET", "/api/auth/me").header("Authorization", "Bearer None").send();
        assertThat(noUser.status()).isEqualTo(401);
        assertThat(noUser.errorMessage()).contains("malformed bearer token");
    }

    @Test
    void aRealCredentialWinsOverTheHeader() {
        var r = server.http().request("GET", "/api/auth/me").header("X-Username", "admin").bearer("not.a.jwt").send();
        assertThat(r.status()).as(r.body()).isEqualTo(401);
    }

    @Test
    void internalKeyIsRefusedWhenNoSecretIsConfigured() {
        var r = server.http().request("GET", "/api/auth/me").header("X-Internal-Api-Key", "").send();
        assertThat(r.status()).as(r.body()).isEqualTo(401);
        var guess = server.http().request("GET", "/api/auth/me").header("X-Internal-Api-Key", "anything").send();
        assertThat(guess.status()).isEqualTo(401);
    }

    static final class OnH2 extends DevModeApiTest {
        @Override
        MetadataDatabase database() {
            return MetadataDatabase.H2;
        }
    }

    static final class OnPostgres extends DevModeApiTest {
        @Override
        MetadataDatabase database() {
            return MetadataDatabase.POSTGRES;
        }
    }
}
