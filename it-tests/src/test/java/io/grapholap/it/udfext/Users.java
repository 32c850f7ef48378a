package io.grapholap.it.udfext;

import io.grapholap.it.support.Http;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Users with organisations for the library, endpoint and REST++ tests, made through the admin API. */
final class Users {

    static final String PASSWORD = "udfext-password-123";

    private Users() {
    }

    /** Creates an analyst in {@code organizations} and returns their token. */
    static String analyst(Http http, String adminToken, String username, String... organizations) {
        var r = http.post("/api/admin/users", Map.of("username", username, "password", PASSWORD, "roles", List.of("analyst"),
                "organizations", List.of(organizations)), adminToken);
        if (r.status() != 201 && r.status() != 200) {
            throw new AssertionError("creating user " + username + " failed: " + r);
        }
        return http.login(username, PASSWORD);
    }

    static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
