package io.grapholap.rest;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/**
 * The head of the OpenAPI document that the build generates from the controllers of this module
 * (served under {@code /swagger}); it lives beside them because the document is written when they
 * are compiled.
 */
@OpenAPIDefinition(
        info = @Info(title = "grapholap", version = "0.1.0",
                description = "Graph analytics over relational data: mappings, snapshots, instances, queries, algorithms and user-defined functions"),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A JWT from POST /api/auth/login, or an API key")
final class ApiDocument {

    private ApiDocument() {
    }
}
