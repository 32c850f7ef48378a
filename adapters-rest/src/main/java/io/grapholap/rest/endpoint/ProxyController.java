package io.grapholap.rest.endpoint;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.grapholap.application.endpoint.ServeEndpoint;
import io.grapholap.application.security.Actor;
import io.grapholap.domain.error.ValidationException;
import io.grapholap.rest.error.ErrorEnvelope;
import io.grapholap.rest.input.StorableJsonFactory;
import io.grapholap.rest.web.BodyLimits;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Serves custom endpoints under {@code /proxy/{route}}: the path after {@code /proxy/} is split on
 * '/' and each segment URL-decoded; a body (DELETE, PATCH, POST, PUT) must be JSON and at most
 * {@code grapholap.endpoints.max-body-bytes} (default 1 MiB). The function's return value is the
 * JSON response; no route is 404, a route without this method 405 with an {@code Allow} header.
 * The OpenAPI document describes these routes in {@code src/main/openapi} as {@code /proxy/{route}}:
 * the generator cannot write a path parameter that takes slashes.
 */
@Hidden
@Controller("/proxy")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
final class ProxyController {

    private static final ObjectMapper JSON = new ObjectMapper(new StorableJsonFactory());

    private final ServeEndpoint serveEndpoint;
    private final int maxBodyBytes;

    ProxyController(ServeEndpoint serveEndpoint, BodyLimits limits) {
        this.serveEndpoint = serveEndpoint;
        this.maxBodyBytes = limits.endpointBytes();
    }

    @Get("/{+route}")
    HttpResponse<?> get(Actor actor, HttpRequest<?> request, String route) {
        return serve(actor, request, null);
    }

    @Delete("/{+route}")
    @Consumes(MediaType.ALL)
    HttpResponse<?> delete(Actor actor, HttpRequest<?> request, String route, @Nullable @Body byte[] body) {
        return serve(actor, request, body);
    }

    @Patch("/{+route}")
    @Consumes(MediaType.ALL)
    HttpResponse<?> patch(Actor actor, HttpRequest<?> request, String route, @Nullable @Body byte[] body) {
        return serve(actor, request, body);
    }

    @Post("/{+route}")
    @Consumes(MediaType.ALL)
    HttpResponse<?> post(Actor actor, HttpRequest<?> request, String route, @Nullable @Body byte[] body) {
        return serve(actor, request, body);
    }

    @Put("/{+route}")
    @Consumes(MediaType.ALL)
    HttpResponse<?> put(Actor actor, HttpRequest<?> request, String route, @Nullable @Body byte[] body) {
        return serve(actor, request, body);
    }

    private HttpResponse<?> serve(Actor actor, HttpRequest<?> request, byte[] body) {
        if (body != null && body.length > maxBodyBytes) {
            return HttpResponse.status(HttpStatus.REQUEST_ENTITY_TOO_LARGE).body(ErrorEnvelope.of("PAYLOAD_TOO_LARGE",
                    "the body is " + body.length + " bytes; custom endpoints take at most " + maxBodyBytes, Map.of("field", "body")));
        }
        String path = request.getPath();
        String rest = path.length() > "/proxy/".length() ? path.substring("/proxy/".length()) : "";
        List<String> segments = new ArrayList<>();
        for (String raw : rest.split("/", -1)) {
            segments.add(URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8));
        }
        while (!segments.isEmpty() && segments.getLast().isEmpty()) {
            segments.removeLast();
        }
        Map<String, List<String>> query = new LinkedHashMap<>();
        request.getParameters().forEach((name, values) -> query.put(name, List.copyOf(values)));
        ServeEndpoint.Outcome outcome = serveEndpoint.serve(actor,
                new ServeEndpoint.Call(request.getMethodName(), segments, query, parse(body)));
        return switch (outcome) {
            case ServeEndpoint.Served served -> HttpResponse.ok(json(served.value())).contentType(MediaType.APPLICATION_JSON_TYPE);
            case ServeEndpoint.NoRoute none -> HttpResponse.status(HttpStatus.NOT_FOUND).body(ErrorEnvelope.of("NOT_FOUND",
                    "no custom endpoint matches " + path, Map.of("resource_type", "endpoint", "id", path)));
            case ServeEndpoint.WrongMethod wrong -> HttpResponse.status(HttpStatus.METHOD_NOT_ALLOWED)
                    .header("Allow", String.join(", ", wrong.allowed()))
                    .body(ErrorEnvelope.of("METHOD_NOT_ALLOWED", path + " answers " + String.join(", ", wrong.allowed())
                            + ", not " + request.getMethodName(), Map.of("allowed", wrong.allowed())));
        };
    }

    private static Object parse(byte[] body) {
        if (body == null || new String(body, StandardCharsets.UTF_8).isBlank()) {
            return null;
        }
        try {
            return JSON.readValue(body, Object.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ValidationException("body", "the body must be JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ValidationException("body", "the body cannot be read: " + e.getMessage());
        }
    }

    private static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new ValidationException("output", "the function's return value cannot be written as JSON: " + e.getMessage());
        }
    }
}
