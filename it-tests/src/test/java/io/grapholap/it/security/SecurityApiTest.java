package io.grapholap.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.grapholap.it.support.Http;
import io.grapholap.it.support.MetadataDatabase;
import io.grapholap.it.support.RunningServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Authentication (login, JWT, API keys, Basic, internal key, X-Username without dev mode), user
 * administration and the audit trail, over real HTTP on both metadata databases. One server per
 * class; every test uses usernames of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SecurityApiTest {

    private static final String INTERNAL_KEY = "internal-secret-for-tests-0123456789";
    private static final String PASSWORD = "correct-horse-battery";

    private RunningServer server;
    private Http http;
    private String admin;

    abstract MetadataDatabase database();

    @BeforeAll
    void start() {
        server = RunningServer.start(database(), Map.of("GRAPHOLAP_INTERNAL_API_KEY", INTERNAL_KEY), Map.of());
        http = server.http();
        admin = http.adminToken();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private Http.Response createUser(String username, List<String> roles, List<String> orgs) {
        return http.post("/api/admin/users", Map.of("username", username, "password", PASSWORD, "roles", roles, "organizations", orgs), admin);
    }

    private String userToken(String username, String role) {
        var created = createUser(username, List.of(role), List.of());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return http.login(username, PASSWORD);
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private List<JsonNode> audit(String query) {
        var r = http.get("/api/admin/audit?" + query, admin);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<JsonNode> entries = new ArrayList<>();
        r.data().forEach(entries::add);
        return entries;
    }

    @Test
    void loginAnswersWithABearerToken() {
        var r = http.request("POST", "/api/auth/login").json(Map.of("username", "admin", "password", RunningServer.ADMIN_PASSWORD)).send();
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("access_token").asText()).isNotBlank();
        assertThat(r.json().get("token_type").asText()).isEqualTo("Bearer");
        assertThat(r.json().get("expires_in").asInt()).isEqualTo(3600);
    }

    @Test
    void wrongPasswordAndUnknownUserAreEnvelopedUnauthorized() {
        var wrong = http.request("POST", "/api/auth/login").json(Map.of("username", "admin", "password", "not-the-password")).send();
        assertThat(wrong.status()).as(wrong.body()).isEqualTo(401);
        assertThat(wrong.errorCode()).isEqualTo("UNAUTHORIZED");
        assertThat(wrong.body()).doesNotContain("not-the-password");
        var unknown = http.request("POST", "/api/auth/login").json(Map.of("username", "nobody", "password", "whatever-it-is")).send();
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(401);
        assertThat(unknown.errorCode()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void noOrInvalidCredentialsAreUnauthorized() {
        var none = http.get("/api/auth/me", null);
        assertThat(none.status()).as(none.body()).isEqualTo(401);
        assertThat(none.errorCode()).isEqualTo("UNAUTHORIZED");
        assertThat(http.get("/api/auth/me", "not.a.jwt").status()).isEqualTo(401);
        assertThat(http.get("/api/auth/me", "gok_no-such-key").status()).isEqualTo(401);
    }

    @Test
    void meDescribesTheCaller() {
        var me = http.get("/api/auth/me", admin);
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.data().get("username").asText()).isEqualTo("admin");
        assertThat(me.data().get("roles").toString()).isEqualTo("[\"admin\"]");
    }

    @Test
    void adminCreatesAUserWhoLogsInWithRolesAndOrganizations() {
        var created = createUser("carol", List.of("ops"), List.of("risk", "fraud"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.data().get("username").asText()).isEqualTo("carol");
        assertThat(created.data().get("roles").toString()).isEqualTo("[\"ops\"]");
        assertThat(created.data().get("organizations").toString()).isEqualTo("[\"fraud\",\"risk\"]");
        assertThat(created.data().get("enabled").asBoolean()).isTrue();
        assertThat(created.body()).doesNotContain(PASSWORD);

        var me = http.get("/api/auth/me", http.login("carol", PASSWORD));
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.data().get("organizations").toString()).isEqualTo("[\"fraud\",\"risk\"]");
    }

    @Test
    void duplicateUsernameIsAConflict() {
        assertThat(createUser("dave", List.of("analyst"), List.of()).status()).isEqualTo(201);
        var again = createUser("dave", List.of("admin"), List.of());
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("CONFLICT");
    }

    @Test
    void invalidUsersAreRefusedNamingTheField() {
        var shortPassword = http.post("/api/admin/users", Map.of("username", "erin", "password", "short", "roles", List.of("analyst")), admin);
        assertThat(shortPassword.status()).as(shortPassword.body()).isEqualTo(400);
        assertThat(shortPassword.errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(shortPassword.json().at("/error/details/field").asText()).isEqualTo("password");
        assertThat(shortPassword.errorMessage()).contains("at least 8");

        var badName = http.post("/api/admin/users", Map.of("username", "Bad Name!", "password", PASSWORD), admin);
        assertThat(badName.status()).isEqualTo(400);
        assertThat(badName.json().at("/error/details/field").asText()).isEqualTo("username");

        var badRole = http.post("/api/admin/users", Map.of("username", "erin", "password", PASSWORD, "roles", List.of("wizard")), admin);
        assertThat(badRole.status()).isEqualTo(400);
        assertThat(badRole.json().at("/error/details/field").asText()).isEqualTo("roles");
        assertThat(badRole.errorMessage()).contains("wizard");
    }

    @Test
    void malformedJsonAndUnknownFieldsAreBadRequests() {
        var malformed = http.request("POST", "/api/admin/users").bearer(admin).json("{\"username\": ").send();
        assertThat(malformed.status()).as(malformed.body()).isEqualTo(400);
        assertThat(malformed.errorCode()).isEqualTo("VALIDATION_FAILED");

        var unknown = http.post("/api/admin/users", Map.of("username", "frank", "password", PASSWORD, "colour", "blue"), admin);
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
        assertThat(unknown.errorMessage()).contains("colour");

        var mistyped = http.put("/api/admin/users/admin", Map.of("enabled", "sometimes"), admin);
        assertThat(mistyped.status()).as(mistyped.body()).isEqualTo(400);
        assertThat(mistyped.errorMessage()).contains("enabled");
    }

    @Test
    void analystIsForbiddenFromAdminRoutes() {
        String analyst = userToken("grace", "analyst");
        var r = http.get("/api/admin/users", analyst);
        assertThat(r.status()).as(r.body()).isEqualTo(403);
        assertThat(r.errorCode()).isEqualTo("PERMISSION_DENIED");
        assertThat(http.get("/api/admin/audit", analyst).status()).isEqualTo(403);
        assertThat(http.post("/api/admin/users", Map.of("username", "sneaky", "password", PASSWORD), analyst).status()).isEqualTo(403);
    }

    @Test
    void listsUsersInPages() {
        createUser("heidi", List.of("analyst"), List.of());
        var page = http.get("/api/admin/users?limit=1&offset=0", admin);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.data()).hasSize(1);
        assertThat(page.json().at("/meta/limit").asInt()).isEqualTo(1);
        assertThat(page.json().at("/meta/total").asLong()).isGreaterThanOrEqualTo(2);
        var all = http.get("/api/admin/users?limit=100", admin);
        List<String> names = new ArrayList<>();
        all.data().forEach(u -> names.add(u.get("username").asText()));
        assertThat(names).contains("admin", "heidi").isSorted();

        var tooMany = http.get("/api/admin/users?limit=101", admin);
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().at("/error/details/field").asText()).isEqualTo("limit");
    }

    @Test
    void adminChangesRolesAndOrganizations() {
        createUser("ivan", List.of("analyst"), List.of());
        var updated = http.put("/api/admin/users/ivan", Map.of("roles", List.of("ops"), "organizations", List.of("sales")), admin);
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.data().get("roles").toString()).isEqualTo("[\"ops\"]");
        var me = http.get("/api/auth/me", http.login("ivan", PASSWORD));
        assertThat(me.data().get("roles").toString()).isEqualTo("[\"ops\"]");
        assertThat(me.data().get("organizations").toString()).isEqualTo("[\"sales\"]");

        var missing = http.put("/api/admin/users/nobody-here", Map.of("enabled", true), admin);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorCode()).isEqualTo("NOT_FOUND");

        var selfDisable = http.put("/api/admin/users/admin", Map.of("enabled", false), admin);
        assertThat(selfDisable.status()).isEqualTo(400);
        assertThat(selfDisable.json().at("/error/details/field").asText()).isEqualTo("enabled");
    }

    @Test
    void apiKeysAuthenticateUntilRevokedAndAreShownOnce() {
        String token = userToken("judy", "analyst");
        var created = http.post("/api/auth/api-keys", Map.of("name", "notebook"), token);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String key = created.data().get("key").asText();
        String id = created.data().get("id").asText();
        assertThat(key).startsWith("gok_").hasSizeGreaterThan(40);

        var me = http.get("/api/auth/me", key);
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.data().get("username").asText()).isEqualTo("judy");

        var list = http.get("/api/auth/api-keys", key);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.data()).hasSize(1);
        assertThat(list.data().get(0).get("name").asText()).isEqualTo("notebook");
        assertThat(list.data().get(0).get("prefix").asText()).isEqualTo(key.substring(0, 12));
        assertThat(list.body()).doesNotContain(key);

        assertThat(http.delete("/api/auth/api-keys/" + id, token).status()).isEqualTo(204);
        var revoked = http.get("/api/auth/me", key);
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(401);
        assertThat(revoked.errorCode()).isEqualTo("UNAUTHORIZED");
        assertThat(http.get("/api/auth/api-keys", token).data().get(0).get("revoked").asBoolean()).isTrue();
    }

    @Test
    void otherUsersKeysAreNotFound() {
        String owner = userToken("kate", "analyst");
        String other = userToken("leo", "analyst");
        String id = http.post("/api/auth/api-keys", Map.of("name", "mine"), owner).data().get("id").asText();
        var r = http.delete("/api/auth/api-keys/" + id, other);
        assertThat(r.status()).as(r.body()).isEqualTo(404);
        var blank = http.post("/api/auth/api-keys", Map.of("name", " "), owner);
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json().at("/error/details/field").asText()).isEqualTo("name");
    }

    @Test
    void disabledUserCanNeitherLogInNorUseKeysOrBasic() {
        String token = userToken("mallory", "analyst");
        String key = http.post("/api/auth/api-keys", Map.of("name", "k"), token).data().get("key").asText();
        assertThat(http.get("/api/auth/me", key).status()).isEqualTo(200);

        assertThat(http.put("/api/admin/users/mallory", Map.of("enabled", false), admin).status()).isEqualTo(200);

        var login = http.request("POST", "/api/auth/login").json(Map.of("username", "mallory", "password", PASSWORD)).send();
        assertThat(login.status()).isEqualTo(401);
        assertThat(http.get("/api/auth/me", key).status()).isEqualTo(401);
        assertThat(http.request("GET", "/api/auth/me").header("Authorization", basic("mallory", PASSWORD)).send().status()).isEqualTo(401);
        var earlierToken = http.get("/api/auth/me", token);
        assertThat(earlierToken.status()).as(earlierToken.body()).isEqualTo(401);
        assertThat(earlierToken.errorMessage()).contains("disabled");

        assertThat(http.put("/api/admin/users/mallory", Map.of("enabled", true), admin).status()).isEqualTo(200);
        assertThat(http.get("/api/auth/me", token).status()).isEqualTo(200);
    }

    @Test
    void basicAuthIsAccepted() {
        var ok = http.request("GET", "/api/auth/me").header("Authorization", basic("admin", RunningServer.ADMIN_PASSWORD)).send();
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.data().get("username").asText()).isEqualTo("admin");
        var wrong = http.request("GET", "/api/auth/me").header("Authorization", basic("admin", "wrong-password")).send();
        assertThat(wrong.status()).isEqualTo(401);
    }

    @Test
    void internalApiKeyActsAsAnAdmin() {
        var ok = http.request("GET", "/api/admin/users").header("X-Internal-Api-Key", INTERNAL_KEY).send();
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        var me = http.request("GET", "/api/auth/me").header("X-Internal-Api-Key", INTERNAL_KEY).send();
        assertThat(me.data().get("username").asText()).isEqualTo("internal");
        var wrong = http.request("GET", "/api/admin/users").header("X-Internal-Api-Key", INTERNAL_KEY + "x").send();
        assertThat(wrong.status()).isEqualTo(401);
    }

    @Test
    void usernameHeaderIsIgnoredWithoutDevMode() {
        var r = http.request("GET", "/api/auth/me").header("X-Username", "admin").send();
        assertThat(r.status()).as(r.body()).isEqualTo(401);
        assertThat(r.errorCode()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void mutatingCallsAreAuditedWithTheirOutcome() {
        createUser("niaj", List.of("analyst"), List.of());
        createUser("niaj", List.of("analyst"), List.of());
        List<JsonNode> entries = audit("actor=admin&action=POST%20/api/admin/users&limit=100");
        List<Integer> statuses = new ArrayList<>();
        entries.forEach(e -> statuses.add(e.get("status").asInt()));
        assertThat(statuses).contains(201, 409);
        JsonNode latest = entries.getFirst();
        assertThat(latest.get("action").asText()).isEqualTo("POST /api/admin/users");
        assertThat(latest.get("target_type").asText()).isEqualTo("users");
        assertThat(latest.get("occurred_at").asText()).endsWith("Z");

        http.put("/api/admin/users/niaj", Map.of("enabled", true), admin);
        JsonNode put = audit("action=PUT&limit=100").stream()
                .filter(e -> "niaj".equals(e.path("target_id").asText())).findFirst().orElseThrow();
        assertThat(put.get("action").asText()).isEqualTo("PUT /api/admin/users/{username}");
        assertThat(put.get("target_type").asText()).isEqualTo("users");
        assertThat(put.get("outcome").asText()).isEqualTo("success");
    }

    @Test
    void loginAttemptsAreAuditedWithoutThePassword() {
        http.request("POST", "/api/auth/login").json(Map.of("username", "olivia", "password", "guessing-a-password")).send();
        List<JsonNode> entries = audit("actor=olivia");
        assertThat(entries).hasSize(1);
        assertThat(entries.getFirst().get("action").asText()).isEqualTo("POST /api/auth/login");
        assertThat(entries.getFirst().get("status").asInt()).isEqualTo(401);
        assertThat(entries.getFirst().get("outcome").asText()).isEqualTo("failure");
        assertThat(http.get("/api/admin/audit?limit=100", admin).body()).doesNotContain("guessing-a-password");
    }

    @Test
    void refusedCallsAreAuditedAndTheWindowFilters() {
        http.post("/api/admin/users", Map.of("username", "peggy", "password", PASSWORD), null);
        assertThat(audit("actor=anonymous&action=POST%20/api/admin/users")).isNotEmpty()
                .allSatisfy(e -> assertThat(e.get("status").asInt()).isEqualTo(401));
        assertThat(audit("since=2999-01-01T00:00:00Z")).isEmpty();
        var bad = http.get("/api/admin/audit?since=yesterday", admin);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().at("/error/details/field").asText()).isEqualTo("since");
    }

    static final class OnH2 extends SecurityApiTest {
        @Override
        MetadataDatabase database() {
            return MetadataDatabase.H2;
        }
    }

    static final class OnPostgres extends SecurityApiTest {
        @Override
        MetadataDatabase database() {
            return MetadataDatabase.POSTGRES;
        }
    }
}
