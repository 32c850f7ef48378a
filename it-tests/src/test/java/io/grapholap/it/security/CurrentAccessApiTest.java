package io.grapholap.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.grapholap.it.support.Http;
import io.grapholap.it.support.MetadataDatabase;
import io.grapholap.it.support.RunningServer;
import io.micronaut.jdbc.DataSourceResolver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What a credential may do is its account as it stands now, not what the credential was issued
 * with: role and organisation changes act on earlier tokens and keys at once, disabled and deleted
 * accounts are refused; and access tokens must carry {@code exp}, this server's {@code iss}, no
 * future {@code nbf}, and name an existing account, even when signed with the server's secret. Over
 * real HTTP on both metadata databases; one server per class, every test with usernames of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CurrentAccessApiTest {

    private static final String PASSWORD = "correct-horse-battery";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunningServer server;
    private Http http;
    private String admin;
    private byte[] jwtSecret;

    abstract MetadataDatabase database();

    @BeforeAll
    void start() throws Exception {
        server = RunningServer.start(database());
        http = server.http();
        admin = http.adminToken();
        // No GRAPHOLAP_JWT_SECRET: the server generated its secret into the data directory.
        jwtSecret = Files.readString(server.dataDir().resolve("jwt-secret")).trim().getBytes(StandardCharsets.UTF_8);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private String user(String username, String role, List<String> organizations) {
        var created = http.post("/api/admin/users", Map.of("username", username, "password", PASSWORD, "roles", List.of(role),
                "organizations", organizations), admin);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return http.login(username, PASSWORD);
    }

    private void change(String username, Map<String, Object> fields) {
        var r = http.put("/api/admin/users/" + username, fields, admin);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    @Test
    void aRoleDowngradeActsOnEarlierTokensAndKeysAtOnce() {
        String token = user("ops-downgraded", "ops", List.of());
        String key = http.post("/api/auth/api-keys", Map.of("name", "ops-key"), token).data().get("key").asText();
        assertThat(http.get("/api/ops/state", token).status()).isEqualTo(200);
        assertThat(http.get("/api/ops/state", key).status()).isEqualTo(200);

        change("ops-downgraded", Map.of("roles", List.of("analyst")));

        var byToken = http.get("/api/ops/state", token);
        assertThat(byToken.status()).as(byToken.body()).isEqualTo(403);
        assertThat(byToken.errorCode()).isEqualTo("PERMISSION_DENIED");
        assertThat(http.get("/api/ops/state", key).status()).isEqualTo(403);
        assertThat(http.get("/api/auth/me", token).data().get("roles").toString()).isEqualTo("[\"analyst\"]");
    }

    @Test
    void removalFromAnOrganisationActsOnAnEarlierTokenAtOnce() {
        String token = user("lagoon-member", "analyst", List.of("lagoon"));
        String functions = "/api/v2/o/lagoon/functions/js/";
        String library = "/evaluator/v1/libraries/tools?bucket=lagoon&scope=shared";
        var created = http.post(functions + "lagoon-count", Map.of("execute", "function task(g, args) { return 1; }\n"), token);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(http.get(functions + "lagoon-count", token).status()).isEqualTo(200);
        assertThat(http.put(functions + "lagoon-count", Map.of("is_enabled", true), token).status()).isEqualTo(200);
        var lib = http.request("POST", library).bearer(token).json("function tool() { return 1; }").send();
        assertThat(lib.status()).as(lib.body()).isEqualTo(200);
        assertThat(http.get(library, token).status()).isEqualTo(200);

        change("lagoon-member", Map.of("organizations", List.of()));

        // Non-members do not see the organisation's functions (404) and are refused its libraries (403).
        assertThat(http.get(functions + "lagoon-count", token).status()).isEqualTo(404);
        assertThat(http.get(functions, token).status()).isEqualTo(404);
        assertThat(http.put(functions + "lagoon-count", Map.of("is_enabled", false), token).status()).isEqualTo(404);
        assertThat(http.delete(functions + "lagoon-count", token).status()).isEqualTo(404);
        assertThat(http.get(library, token).status()).isEqualTo(403);
        assertThat(http.request("POST", library).bearer(token).json("function evil() { return 2; }").send().status()).isEqualTo(403);
        assertThat(http.delete(library, token).status()).isEqualTo(403);
        assertThat(http.get(functions + "lagoon-count", admin).json().get("is_enabled").asBoolean()).isTrue();
    }

    @Test
    void disabledAndDeletedAccountsRefuseEarlierTokens() throws Exception {
        String disabled = user("soon-disabled", "analyst", List.of());
        assertThat(http.get("/api/auth/me", disabled).status()).isEqualTo(200);
        change("soon-disabled", Map.of("enabled", false));
        var refused = http.get("/api/auth/me", disabled);
        assertThat(refused.status()).as(refused.body()).isEqualTo(401);
        assertThat(refused.errorCode()).isEqualTo("UNAUTHORIZED");
        assertThat(refused.errorMessage()).contains("soon-disabled is disabled");

        String deleted = user("soon-deleted", "admin", List.of());
        assertThat(http.get("/api/admin/users", deleted).status()).isEqualTo(200);
        // There is no route that deletes accounts: the row goes as an operator or another tool would remove it,
        // so this server learns of it when its cached copy of the account expires (a few seconds).
        DataSource metadata = server.bean(DataSourceResolver.class).resolve(server.bean(DataSource.class));
        try (Connection c = metadata.getConnection();
             PreparedStatement delete = c.prepareStatement("DELETE FROM users WHERE username = ?")) {
            delete.setString(1, "soon-deleted");
            assertThat(delete.executeUpdate()).isEqualTo(1);
        }
        Http.Response afterDelete = http.get("/api/admin/users", deleted);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (afterDelete.status() == 200 && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            afterDelete = http.get("/api/admin/users", deleted);
        }
        assertThat(afterDelete.status()).as(afterDelete.body()).isEqualTo(401);
        assertThat(afterDelete.errorMessage()).contains("soon-deleted").contains("does not exist");
    }

    // Tokens forged with the server's own secret: each lacks one thing a token must carry.

    /** Claims of a well-formed admin token, as the server would issue it. */
    private static Map<String, Object> adminClaims() {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", "admin");
        claims.put("iss", "grapholap");
        claims.put("iat", now - 10);
        claims.put("nbf", now - 10);
        claims.put("exp", now + 600);
        claims.put("roles", List.of("admin", "analyst", "ops"));
        return claims;
    }

    /** An HS256 JWT of {@code claims}, signed with the server's secret. */
    private String forge(Map<String, Object> claims) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = b64.encodeToString(JSON.writeValueAsBytes(Map.of("alg", "HS256", "typ", "JWT")))
                + "." + b64.encodeToString(JSON.writeValueAsBytes(claims));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(jwtSecret, "HmacSHA256"));
        return signingInput + "." + b64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    private Http.Response adminCallWith(Map<String, Object> claims) throws Exception {
        return http.get("/api/admin/users", forge(claims));
    }

    @Test
    void aWellFormedForgedTokenIsAccepted() throws Exception {
        var r = adminCallWith(adminClaims());
        assertThat(r.status()).as("the forging itself is right, so the refusals below are the claims' doing: " + r.body()).isEqualTo(200);
    }

    @Test
    void aTokenNotYetValidIsRefused() throws Exception {
        Map<String, Object> claims = adminClaims();
        claims.put("nbf", Instant.now().plus(Duration.ofHours(1)).getEpochSecond());
        var r = adminCallWith(claims);
        assertThat(r.status()).as(r.body()).isEqualTo(401);
        assertThat(r.errorCode()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void aTokenWithoutExpiryIsRefused() throws Exception {
        Map<String, Object> claims = adminClaims();
        claims.remove("exp");
        assertThat(adminCallWith(claims).status()).isEqualTo(401);
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() throws Exception {
        Map<String, Object> claims = adminClaims();
        claims.put("iss", "https://issuer.example");
        assertThat(adminCallWith(claims).status()).isEqualTo(401);
        claims.put("iss", "olap");
        assertThat(adminCallWith(claims).status()).as("a suffix of the issuer is another issuer").isEqualTo(401);
    }

    @Test
    void aTokenWithoutIssuerIsRefused() throws Exception {
        Map<String, Object> claims = adminClaims();
        claims.remove("iss");
        assertThat(adminCallWith(claims).status()).isEqualTo(401);
    }

    @Test
    void aTokenNamingNoAccountIsRefusedWhateverRolesItClaims() throws Exception {
        Map<String, Object> claims = adminClaims();
        claims.put("sub", "ghost-admin");
        var r = adminCallWith(claims);
        assertThat(r.status()).as(r.body()).isEqualTo(401);
        assertThat(r.errorMessage()).contains("ghost-admin").contains("does not exist");
    }

    @Test
    void rolesClaimedByATokenBeyondTheAccountsAreIgnored() throws Exception {
        user("claims-admin", "analyst", List.of());
        Map<String, Object> claims = adminClaims();
        claims.put("sub", "claims-admin");
        var r = adminCallWith(claims);
        assertThat(r.status()).as(r.body()).isEqualTo(403);
        assertThat(r.errorCode()).isEqualTo("PERMISSION_DENIED");
    }

    static final class OnH2 extends CurrentAccessApiTest {
        @Override
        MetadataDatabase database() {
            return MetadataDatabase.H2;
        }
    }

    static final class OnPostgres extends CurrentAccessApiTest {
        @Override
        MetadataDatabase database() {
            return MetadataDatabase.POSTGRES;
        }
    }
}
