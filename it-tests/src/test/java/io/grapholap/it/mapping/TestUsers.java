package io.grapholap.it.mapping;

import io.grapholap.it.support.RunningServer;
import java.util.List;
import java.util.Map;

/** A second, non-admin user for ownership tests, made through the admin API. */
final class TestUsers {

    static final String PASSWORD = "analyst-password-123";

    private TestUsers() {
    }

    /** Creates an analyst and returns their token. */
    static String analyst(RunningServer server, String adminToken, String username) {
        var r = server.http().post("/api/admin/users",
                Map.of("username", username, "password", PASSWORD, "roles", List.of("analyst")), adminToken);
        if (r.status() != 201 && r.status() != 200) {
            throw new AssertionError("creating user " + username + " failed: " + r);
        }
        return server.http().login(username, PASSWORD);
    }
}
