package io.grapholap.rest.web;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Puts the error answers every platform-envelope route can give into the OpenAPI document of the
 * controller it marks: 400 (VALIDATION_FAILED, with the field), 401, 403, 404 and 409, each a
 * {@code {"error": {"code", "message", "details"}}} (the responses are declared in
 * {@code src/main/openapi}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ApiResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
@ApiResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
@ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
@ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
@ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
public @interface PlatformErrors {
}
