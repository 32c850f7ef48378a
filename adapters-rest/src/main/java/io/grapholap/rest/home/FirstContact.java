package io.grapholap.rest.home;

import jakarta.inject.Singleton;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What a new user needs first: where the API browser, the OpenAPI document and the health routes
 * are, where the documentation is, and how to log in as the first admin. The start page
 * ({@code GET /}) shows it, and the server prints it once it is ready.
 */
@Singleton
public final class FirstContact {

    public static final String API_BROWSER = "/swagger-ui/index.html";
    public static final String OPENAPI_DOCUMENT = "/swagger/grapholap-0.1.0.yml";
    public static final String DOCS = "README.md (a curl walkthrough) and docs/*.md in the GraphOLAP source tree";

    private final AtomicReference<String> adminLine = new AtomicReference<>(
            "log in as an existing account; the admin account was created on the first start");

    /** Records how the admin account came about at this start, for the admin line. */
    public void adminCreated(boolean created, boolean generatedPassword) {
        if (!created) {
            adminLine.set("the metadata database already has accounts: log in as 'admin' with the password it was given "
                    + "(GRAPHOLAP_ADMIN_PASSWORD only sets it on an empty database)");
        } else if (generatedPassword) {
            adminLine.set("log in as 'admin' with the generated password logged above (shown only this once)");
        } else {
            adminLine.set("log in as 'admin' with the password from GRAPHOLAP_ADMIN_PASSWORD");
        }
    }

    /** How to log in as the first admin at this start. */
    public String adminLine() {
        return adminLine.get();
    }

    /** The lines printed when the server is ready at {@code base}. */
    public List<String> nextSteps(URI base) {
        String root = base.toString().replaceAll("/+$", "");
        return List.of(
                "Next steps:",
                "  start page:       " + root + "/",
                "  API browser:      " + root + API_BROWSER,
                "  OpenAPI document: " + root + OPENAPI_DOCUMENT,
                "  docs:             " + DOCS,
                "  admin:            " + adminLine(),
                "  log in:           curl -X POST " + root + "/api/auth/login -H 'Content-Type: application/json' "
                        + "-d '{\"username\":\"admin\",\"password\":\"…\"}'");
    }
}
