package io.grapholap.it.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grapholap.it.support.Http;
import io.grapholap.it.support.MetadataDatabase;
import io.grapholap.it.support.RunningServer;
import io.micronaut.http.HttpMethod;
import io.micronaut.web.router.Router;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.yaml.snakeyaml.Yaml;

/**
 * The served OpenAPI document is enough to call the server, as "Try it out" and generated clients
 * do: for every operation a request is built from the document alone (path and required query
 * parameters from their enum, example or type; a body from the request's example, or from the
 * schema's required properties with typed placeholders; the first media type it declares) and sent
 * as admin, and no answer may complain about the request's shape (an unknown field, a missing or
 * mistyped parameter or field, an unsupported media type or method, a path no route serves) or be a
 * server error. Placeholder ids may well be 404s; those are fine. And every route the router serves
 * is in the document. On both metadata databases.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OpenApiDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");
    /** What a complaint about the request's shape says (RequestBodyErrors, the router, the binders). */
    private static final Pattern SHAPE_COMPLAINT = Pattern.compile("unknown field|must be (a|an) (string|integer|number|boolean|"
            + "array|object|JSON object)|could not be read|is required|required argument|not specified|malformed JSON|"
            + "failed to convert|cannot be converted|unsupported media type|content type", Pattern.CASE_INSENSITIVE);

    private RunningServer server;
    private Http http;
    private String admin;
    private Map<String, Object> document;

    abstract MetadataDatabase database();

    @BeforeAll
    void start() {
        // No demo source: the requests need routes, not data, and filling it takes most of a start-up.
        server = RunningServer.start(database(), Map.of(), Map.of("grapholap.source.demo", false));
        http = server.http();
        admin = http.adminToken();
        String ui = http.request("GET", "/swagger-ui/index.html").send().body();
        Matcher name = Pattern.compile("swagger/[\\w.-]+\\.yml").matcher(ui);
        assertThat(name.find()).as("the Swagger UI page names the document").isTrue();
        var served = http.request("GET", "/" + name.group()).send();
        assertThat(served.status()).isEqualTo(200);
        document = new Yaml().load(served.body());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    /** One operation of the document, with what a client reads from it. */
    private record Operation(String method, String path, Map<String, Object> spec, List<Object> pathLevelParameters) {
        @Override
        public String toString() {
            return method.toUpperCase(Locale.ROOT) + " " + path;
        }
    }

    @SuppressWarnings("unchecked")
    private List<Operation> operations() {
        List<Operation> out = new ArrayList<>();
        ((Map<String, Object>) document.get("paths")).forEach((path, item) -> {
            Map<String, Object> pathItem = (Map<String, Object>) item;
            List<Object> shared = (List<Object>) pathItem.getOrDefault("parameters", List.of());
            for (String method : METHODS) {
                if (pathItem.get(method) instanceof Map<?, ?> spec) {
                    out.add(new Operation(method, path, (Map<String, Object>) spec, shared));
                }
            }
        });
        // Reads first, deletes last: a placeholder write must not take away what a later read names.
        out.sort(Comparator.comparingInt(o -> List.of("get", "put", "patch", "post", "delete").indexOf(o.method)));
        return out;
    }

    @Test
    void everyOperationAnswersARequestBuiltFromTheDocumentWithoutAShapeComplaint() throws IOException {
        List<Operation> operations = operations();
        assertThat(operations).as("operations in the document").hasSizeGreaterThan(100);
        List<String> complaints = new ArrayList<>();
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        for (Operation op : operations) {
            Http.Response answer = send(op);
            statuses.merge(answer.status(), 1, Integer::sum);
            String problem = shapeProblem(op, answer);
            if (problem == null && answer.status() == 400) {
                // A complaint about the placeholder values, not the shape: printed so a reader can judge.
                System.out.println("[openapi] value " + op + " -> " + message(answer));
            }
            if (problem != null) {
                complaints.add(op + ": " + problem + " -> " + answer.status() + " "
                        + (answer.body().length() > 300 ? answer.body().substring(0, 300) + "…" : answer.body()));
            }
        }
        System.out.println("[openapi] " + database() + ": " + operations.size() + " operations, answers by status " + statuses);
        complaints.forEach(c -> System.out.println("[openapi] SHAPE " + c));
        assertThat(complaints).as("operations whose document-built request was refused for its shape").isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void propertiesAreSnakeCaseAsOnTheWireAndTheCallerIsNoInput() {
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) document.get("components")).get("schemas");
        List<String> notSnakeCase = new ArrayList<>();
        schemas.forEach((name, schema) -> ((Map<String, Object>) ((Map<String, Object>) schema).getOrDefault("properties", Map.of()))
                .keySet().stream().filter(p -> !p.matches("[a-z][a-z0-9_]*")).forEach(p -> notSnakeCase.add(name + "." + p)));
        assertThat(notSnakeCase).as("properties that are not snake_case").isEmpty();
        assertThat(schemas).as("the caller (Actor) is bound from the credentials, never read from a request")
                .doesNotContainKey("Actor");
        var login = operations().stream().filter(o -> o.toString().equals("POST /api/auth/login")).findFirst();
        assertThat(login).as("login is in the document").isPresent();
    }

    @Test
    void everyRouteTheRouterServesIsInTheDocument() {
        Set<String> documented = new TreeSet<>();
        for (Operation op : operations()) {
            documented.add(op.method.toUpperCase(Locale.ROOT) + " " + normalise(op.path));
        }
        Set<String> served = new TreeSet<>();
        // WebSockets (the Gremlin endpoint, docs/gremlin-server.md) are not HTTP operations: OpenAPI cannot describe them.
        server.bean(Router.class).uriRoutes()
                .filter(r -> Set.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE)
                        .contains(r.getHttpMethod()))
                .filter(r -> !r.getAnnotationMetadata().hasAnnotation(OnOpen.class) && !r.getAnnotationMetadata().hasAnnotation(OnMessage.class))
                .forEach(r -> served.add(r.getHttpMethodName() + " " + normalise(r.getUriMatchTemplate().toPathString())));
        assertThat(served).as("routes of the router").hasSizeGreaterThan(100);
        assertThat(documented).as("operations in the document").containsAll(served);
    }

    /** A path with every variable written {@code {}} (names, {@code +} and query templates dropped) and no trailing slash. */
    private static String normalise(String path) {
        String p = path.replaceAll("\\{\\?[^}]*}", "").replaceAll("\\{[^}]*}", "{}");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    /** Why the answer is a complaint about the request's shape, or null when it is not. */
    private static String shapeProblem(Operation op, Http.Response answer) {
        int status = answer.status();
        if (status >= 500) {
            return "a server error";
        }
        if (status == 405 || status == 415) {
            return "the method or media type the document gives is refused";
        }
        if (status == 401 && !op.path.equals("/api/auth/login")) {
            return "an admin's token is refused";
        }
        String message = message(answer);
        if (status == 404 && message.toLowerCase(Locale.ROOT).contains("page not found")) {
            return "no route serves the documented path";
        }
        if ((status == 400 || status == 422) && SHAPE_COMPLAINT.matcher(message).find()) {
            return "the request's shape";
        }
        return null;
    }

    private static String message(Http.Response answer) {
        try {
            JsonNode body = JSON.readTree(answer.body());
            if (body == null) {
                return "";
            }
            JsonNode error = body.path("error");
            return error.isObject() ? error.path("message").asText() : body.path("message").asText(answer.body());
        } catch (IOException e) {
            return answer.body();
        }
    }

    // ---- building the request from the document

    @SuppressWarnings("unchecked")
    private Http.Response send(Operation op) throws IOException {
        String path = op.path;
        StringBuilder query = new StringBuilder();
        List<Object> parameters = new ArrayList<>(op.pathLevelParameters);
        parameters.addAll((List<Object>) op.spec.getOrDefault("parameters", List.of()));
        for (Object p : parameters) {
            Map<String, Object> param = resolve((Map<String, Object>) p);
            String value = String.valueOf(param.containsKey("example") ? param.get("example")
                    : placeholder(resolve((Map<String, Object>) param.getOrDefault("schema", Map.of())), 0));
            String in = (String) param.get("in");
            if ("path".equals(in)) {
                path = path.replace("{" + param.get("name") + "}",
                        op.path.startsWith("/proxy/") ? value : URLEncoder.encode(value, StandardCharsets.UTF_8));
            } else if ("query".equals(in) && Boolean.TRUE.equals(param.get("required"))) {
                query.append(query.isEmpty() ? "?" : "&").append(param.get("name")).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        Http.Request request = http.request(op.method.toUpperCase(Locale.ROOT), path + query).bearer(admin);
        Map<String, Object> body = (Map<String, Object>) op.spec.get("requestBody");
        if (body != null) {
            body = resolve(body);
            Map<String, Object> content = (Map<String, Object>) body.getOrDefault("content", Map.of());
            if (!content.isEmpty()) {
                var first = content.entrySet().iterator().next();
                String mediaType = first.getKey().equals("*/*") ? "application/json" : first.getKey();
                Map<String, Object> media = (Map<String, Object>) first.getValue();
                Map<String, Object> schema = resolve((Map<String, Object>) media.getOrDefault("schema", Map.of()));
                Object value = media.containsKey("example") ? media.get("example")
                        : schema.containsKey("example") ? schema.get("example") : placeholder(schema, 0);
                request.header("Content-Type", mediaType);
                request.json(mediaType.contains("json") ? JSON.writeValueAsString(value) : text(value));
            }
        }
        return request.send();
    }

    private static String text(Object value) {
        return value instanceof String s ? s : "x";
    }

    /**
     * A value for a schema: its first enum value, its example, its default, or a placeholder of its
     * type (an object with its required properties only).
     */
    @SuppressWarnings("unchecked")
    private Object placeholder(Map<String, Object> schema, int depth) {
        if (schema.get("enum") instanceof List<?> values && !values.isEmpty()) {
            return values.getFirst();
        }
        if (schema.containsKey("example")) {
            return schema.get("example");
        }
        if (schema.containsKey("default") && schema.get("default") != null) {
            return schema.get("default");
        }
        String type = (String) schema.getOrDefault("type", schema.containsKey("properties") ? "object" : "string");
        return switch (type) {
            case "integer" -> 1;
            case "number" -> 1.5;
            case "boolean" -> false;
            case "array" -> List.of();
            case "object" -> {
                Map<String, Object> out = new LinkedHashMap<>();
                if (depth < 5) {
                    Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
                    for (Object required : (List<Object>) schema.getOrDefault("required", List.of())) {
                        Object property = properties.get(required);
                        out.put((String) required, property == null ? "x" : placeholder(resolve((Map<String, Object>) property), depth + 1));
                    }
                }
                yield out;
            }
            default -> "date-time".equals(schema.get("format")) ? "2026-01-01T00:00:00Z" : "x";
        };
    }

    /** The object with {@code $ref} followed and {@code allOf} merged. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> resolve(Map<String, Object> node) {
        if (node.get("$ref") instanceof String ref) {
            Object target = document;
            for (String part : ref.substring(2).split("/")) {
                target = ((Map<String, Object>) target).get(part);
            }
            return resolve((Map<String, Object>) target);
        }
        if (node.get("allOf") instanceof List<?> parts) {
            Map<String, Object> merged = new LinkedHashMap<>(node);
            merged.remove("allOf");
            Map<String, Object> properties = new LinkedHashMap<>();
            List<Object> required = new ArrayList<>();
            for (Object part : parts) {
                Map<String, Object> resolved = resolve((Map<String, Object>) part);
                properties.putAll((Map<String, Object>) resolved.getOrDefault("properties", Map.of()));
                required.addAll((List<Object>) resolved.getOrDefault("required", List.of()));
                resolved.forEach(merged::putIfAbsent);
            }
            merged.put("properties", properties);
            merged.put("required", required);
            merged.putIfAbsent("type", "object");
            return merged;
        }
        return node;
    }

    static final class OnH2 extends OpenApiDocumentTest {
        @Override
        MetadataDatabase database() {
            return MetadataDatabase.H2;
        }
    }

    static final class OnPostgres extends OpenApiDocumentTest {
        @Override
        MetadataDatabase database() {
            return MetadataDatabase.POSTGRES;
        }
    }
}
