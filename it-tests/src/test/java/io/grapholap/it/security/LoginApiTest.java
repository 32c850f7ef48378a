package io.grapholap.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapholap.it.support.MetadataDatabase;
import io.grapholap.it.support.RunningServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Login with the bootstrapped admin: tokens on success, an enveloped 401 otherwise. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LoginApiTest {

    private RunningServer server;

    abstract MetadataDatabase database();

    @BeforeAll
    void start() {
        server = RunningServer.start(database());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void adminLogsInWithTheConfiguredPassword() {
        var r = server.http().request("POST", "/api/auth/login")
                .json(Map.of("username", "admin", "password", RunningServer.ADMIN_PASSWORD)).send();
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("access_token").asText()).isNotBlank();
        assertThat(r.json().get("token_type").asText()).isEqualTo("Bearer");
        assertThat(r.json().get("expires_in").asInt()).isEqualTo(3600);
    }

    @Test
    void theTokenAuthenticatesLaterCalls() {
        String token = server.http().adminToken();
        var me = server.http().get("/api/auth/me", token);
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.data().get("username").asText()).isEqualTo("admin");
        assertThat(me.data().get("roles").toString()).isEqualTo("[\"admin\"]");
    }

    @Test
    void wrongPasswordIsAnEnvelopedUnauthorized() {
        var r = server.http().request("POST", "/api/auth/login")
                .json(Map.of("username", "admin", "password", "not-the-password")).send();
        assertThat(r.status()).as(r.body()).isEqualTo(401);
        assertThat(r.errorCode()).isEqualTo("UNAUTHORIZED");
        assertThat(r.body()).doesNotContain("not-the-password");
    }

    @Test
    void unknownUserIsUnauthorizedToo() {
        var r = server.http().request("POST", "/api/auth/login")
                .json(Map.of("username", "nobody", "password", "whatever-it-is")).send();
        assertThat(r.status()).as(r.body()).isEqualTo(401);
        assertThat(r.errorCode()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void noCredentialsIsUnauthorized() {
        var r = server.http().get("/api/auth/me", null);
        assertThat(r.status()).as(r.body()).isEqualTo(401);
        assertThat(r.errorCode()).isEqualTo("UNAUTHORIZED");
    }

    static final class OnH2 extends LoginApiTest {
        @Override
        MetadataDatabase database() {
            return MetadataDatabase.H2;
        }
    }

    static final class OnPostgres extends LoginApiTest {
        @Override
        MetadataDatabase database() {
            return MetadataDatabase.POSTGRES;
        }
    }
}
