package io.grapholap.rest.web;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Puts the error answers of the REST++ routes ({@code /graph}, {@code /query}) into the OpenAPI
 * document of the controller it marks: each a {@link RestppEnvelope} with {@code error: true},
 * {@code code} and {@code message} (the response is declared in {@code src/main/openapi}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ApiResponse(responseCode = "400", ref = "#/components/responses/RestppError")
@ApiResponse(responseCode = "401", ref = "#/components/responses/RestppError")
@ApiResponse(responseCode = "403", ref = "#/components/responses/RestppError")
@ApiResponse(responseCode = "404", ref = "#/components/responses/RestppError")
@ApiResponse(responseCode = "413", ref = "#/components/responses/RestppError")
public @interface RestppErrors {
}
