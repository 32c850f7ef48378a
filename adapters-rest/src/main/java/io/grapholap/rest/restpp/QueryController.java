package io.grapholap.rest.restpp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.grapholap.application.restpp.RunQuery;
import io.grapholap.application.security.Actor;
import io.grapholap.domain.error.DomainException;
import io.grapholap.domain.error.ValidationException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.grapholap.rest.error.ErrorCodes;
import io.grapholap.rest.input.StorableJsonFactory;
import io.grapholap.rest.web.BodyLimits;
import io.grapholap.rest.web.RestppEnvelope;
import io.grapholap.rest.web.RestppErrors;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The REST++ (TigerGraph-style) query routes: {@code GET/POST /query/{dataset}/{function}} run a UDF with
 * {@code execute_args} built from typed query-string parameters and, for POST, a JSON object body.
 * Every answer, errors included, is the REST++ envelope {@code {version, error, message, results}}
 * (errors add {@code code}). Limits: the request line (method, URL, version) at most 8 KB, refused
 * by the HTTP server itself ({@code micronaut.server.netty.max-initial-line-length}, 413 in the
 * platform envelope, before this controller runs); the body at most
 * {@code grapholap.restpp.max-body-bytes} (default 8 MiB; 413); {@code GSQL-TIMEOUT} (ms) sets the
 * run's timeout (capped by the server's maximum); {@code RESPONSE-LIMIT} (bytes) turns a larger
 * response into the {@code REST-4000} error (HTTP 413).
 */
@Controller("/query")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "restpp")
@RestppErrors
final class QueryController {

    private static final ObjectMapper JSON = new ObjectMapper(new StorableJsonFactory());

    private final RunQuery runQuery;
    private final int maxBodyBytes;

    QueryController(RunQuery runQuery, BodyLimits limits) {
        this.runQuery = runQuery;
        this.maxBodyBytes = limits.restppBytes();
    }

    @Get("/{dataset}/{function}")
    @Operation(summary = "Run a UDF on a dataset with typed query-string parameters (REST++ envelope)")
    HttpResponse<byte[]> get(Actor actor, HttpRequest<?> request, @PathVariable String dataset, @PathVariable String function) {
        return answer(actor, request, dataset, function, null);
    }

    @Post("/{dataset}/{function}")
    @Consumes(MediaType.ALL)
    @RequestBody(description = "The query's parameters as a JSON object (they join those of the query string)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = "object",
                            example = "{}")))
    @Operation(summary = "Run a UDF on a dataset with query-string parameters and a JSON object body (REST++ envelope)")
    HttpResponse<byte[]> post(Actor actor, HttpRequest<?> request, @PathVariable String dataset, @PathVariable String function,
                              @Parameter(hidden = true) @Nullable @Body byte[] body) {
        return answer(actor, request, dataset, function, body == null ? new byte[0] : body);
    }

    private HttpResponse<byte[]> answer(Actor actor, HttpRequest<?> request, String dataset, String function, byte[] body) {
        try {
            if (body != null && body.length > maxBodyBytes) {
                return error(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "PAYLOAD_TOO_LARGE",
                        "the request body is " + body.length + " bytes, over the limit of " + maxBodyBytes);
            }
            Long timeoutMillis = positive(request.getHeaders().get("GSQL-TIMEOUT"), "GSQL-TIMEOUT");
            Duration timeout = timeoutMillis == null ? null : Duration.ofMillis(timeoutMillis);
            Long responseLimit = positive(request.getHeaders().get("RESPONSE-LIMIT"), "RESPONSE-LIMIT");
            Map<String, List<String>> query = new LinkedHashMap<>();
            request.getParameters().forEach((name, values) -> query.put(name, List.copyOf(values)));
            Object value = runQuery.run(actor, new RunQuery.Call(dataset, function, query, jsonObject(body), timeout));
            List<?> results = value instanceof List<?> list ? list : value == null ? List.of() : Collections.singletonList(value);
            byte[] resultBytes = JSON.writeValueAsBytes(results);
            if (responseLimit != null && resultBytes.length > responseLimit) {
                return json(HttpStatus.REQUEST_ENTITY_TOO_LARGE, RestppEnvelope.error("REST-4000", "The query response size is "
                        + resultBytes.length + " bytes, which exceeds limit " + responseLimit + " bytes.", Map.of()));
            }
            return json(HttpStatus.OK, RestppEnvelope.ok(results, 0));
        } catch (DomainException e) {
            return error(ErrorCodes.statusOf(e), e.code(), e.getMessage(), e.details());
        } catch (IOException e) {
            return error(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "the result cannot be written as JSON: " + e.getMessage());
        }
    }

    private static Long positive(String header, String name) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            long value = Long.parseLong(header.strip());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // Falls through to the error below.
        }
        throw new ValidationException(name, name + " must be a positive whole number, got '" + header + "'");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> jsonObject(byte[] body) {
        if (body == null || new String(body, StandardCharsets.UTF_8).isBlank()) {
            return null;
        }
        Object parsed;
        try {
            parsed = JSON.readValue(body, Object.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ValidationException("body", "the body must be a JSON object: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ValidationException("body", "the body cannot be read: " + e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new ValidationException("body", "the body must be a JSON object of parameters");
        }
        return (Map<String, Object>) map;
    }

    private static HttpResponse<byte[]> error(HttpStatus status, String code, String message) {
        return error(status, code, message, Map.of());
    }

    private static HttpResponse<byte[]> error(HttpStatus status, String code, String message, Map<String, Object> details) {
        return json(status, RestppEnvelope.error(code, message, details));
    }

    private static HttpResponse<byte[]> json(HttpStatus status, Map<String, Object> envelope) {
        try {
            return HttpResponse.<byte[]>status(status).body(JSON.writeValueAsBytes(envelope)).contentType(MediaType.APPLICATION_JSON_TYPE);
        } catch (IOException e) {
            throw new IllegalStateException("the REST++ envelope holds only plain values", e);
        }
    }

}
