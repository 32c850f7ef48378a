package io.grapholap.rest.home;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The start page: a small HTML page with the links of {@link FirstContact}, open to anyone. */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "health")
final class HomeController {

    private final FirstContact firstContact;

    HomeController(FirstContact firstContact) {
        this.firstContact = firstContact;
    }

    @Get("/")
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    @Operation(summary = "Start page: links to the API browser, the OpenAPI document, health and the docs, and how to log in")
    String home() {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><title>GraphOLAP</title></head>
                <body>
                <h1>GraphOLAP</h1>
                <p>Graph analytics over relational data: mappings, snapshots, instances, Gremlin and Cypher queries,
                algorithms and user-defined functions, over HTTP.</p>
                <ul>
                <li><a href="%s">API browser</a> (Swagger UI: every route, with "Try it out")</li>
                <li><a href="%s">OpenAPI document</a></li>
                <li><a href="/health">/health</a> and <a href="/ready">/ready</a> (the databases and engines)</li>
                <li>Docs: %s</li>
                </ul>
                <p>Log in: <code>POST /api/auth/login</code> with <code>{"username": "admin", "password": "…"}</code>,
                then send <code>Authorization: Bearer &lt;access_token&gt;</code>. Admin: %s.</p>
                </body>
                </html>
                """.formatted(FirstContact.API_BROWSER, FirstContact.OPENAPI_DOCUMENT, escape(FirstContact.DOCS),
                escape(firstContact.adminLine()));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;");
    }
}
