package io.grapholap.it.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.grapholap.it.support.Http;
import io.grapholap.it.support.MetadataDatabase;
import io.grapholap.it.support.RunningServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Hostile input against every route of the server's own OpenAPI document (read from the server,
 * found through its Swagger UI page): NUL bytes (raw, {@code %00}, the JSON escape of U+0000), unpaired
 * surrogates, out-of-range numbers (-1, 0, 2^63, 1e400), mistyped scalars, bodies without
 * {@code Content-Type}, and forged length prefixes (Arrow IPC, CSV) on the upload routes, sent with
 * an admin token and path variables filled with plausible and implausible values. No answer may be a
 * server error, and every error must come in its route family's envelope. Meanwhile a second admin
 * makes real creates and deletes, and every call that succeeded, theirs and the fuzzer's, must be in
 * the audit log afterwards. Run on PostgreSQL metadata, which refuses NUL in text.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HostileInputFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");
    /** Path values no route should trip over: negative, zero, past long, past double, NUL, a broken surrogate, traversal, space. */
    private static final List<String> HOSTILE_PATH_VALUES = List.of("-1", "0", "9223372036854775808", "1e400", "a%00b", "%00",
            "%ED%A0%80", "..%2F..%2Fetc%2Fpasswd", "a%20b", "x".repeat(300));
    private static final List<String> HOSTILE_QUERY_VALUES = List.of("a%00b", "%ED%A0%80", "-1", "0", "9223372036854775808",
            "1e400", "abc", "true", "");
    private static final List<String> HOSTILE_JSON_VALUES = List.of("\"a\\u0000b\"", "\"\\ud800\"", "-1", "0",
            "9223372036854775808", "1e400");

    private RunningServer server;
    private Http http;
    private String admin;
    private String auditor;
    private final Map<String, String> plausible = new LinkedHashMap<>();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    abstract MetadataDatabase database();

    /** One request: what it sends and how to print it when it goes wrong. */
    private record Probe(String method, String url, String contentType, byte[] body, String payload) {
    }

    private record Answer(Probe probe, int status, String body, long millis) {
        @Override
        public String toString() {
            return probe.method + " " + probe.url + " [" + probe.payload + "] -> " + status + " "
                    + (body.length() > 400 ? body.substring(0, 400) + "…" : body);
        }
    }

    /** A mutating call that succeeded, as the audit log should have it. */
    private record Done(String method, String path, int status) {
    }

    @BeforeAll
    void start() {
        server = RunningServer.start(database(), Map.of(), Map.of("grapholap.datasets.max-body-bytes", 1_048_576));
        http = server.http();
        admin = http.adminToken();
        seed();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    /** Real resources, so plausible path values reach real code paths (and implausible ones stand out). */
    private void seed() {
        require(http.post("/api/admin/users", Map.of("username", "fuzz-auditor", "password", "auditor-password-123",
                "roles", List.of("admin")), admin), 201);
        auditor = http.login("fuzz-auditor", "auditor-password-123");
        require(http.post("/api/admin/users", Map.of("username", "fuzz-victim", "password", "victim-password-123",
                "roles", List.of("analyst"), "organizations", List.of("fuzz")), admin), 201);
        var mapping = require(http.post("/api/mappings", tinyMapping("fuzz customers"), admin), 201);
        plausible.put("mapping", mapping.data().get("id").asText());
        var favorite = require(http.post("/api/mappings", tinyMapping("audited favorite"), admin), 201);
        plausible.put("auditor-mapping", favorite.data().get("id").asText());
        var snapshot = require(http.post("/api/snapshots", Map.of("mapping_id", mapping.data().get("id").asLong(), "name", "fuzz"),
                admin), 202);
        plausible.put("snapshot", snapshot.data().get("id").asText());
        require(http.request("POST", "/graph/fuzzds").bearer(admin)
                .json("{\"vertices\": {\"Person\": {\"p1\": {}, \"p2\": {}}}, \"edges\": {\"Person\": {\"p1\": {\"knows\": {\"Person\": {\"p2\": {}}}}}}}")
                .send(), 200);
        require(http.post("/api/v2/o/fuzz/functions/js/fuzzfn", Map.of("execute",
                "function task(g, args) { return {n: 1}; }\n", "is_enabled", true), admin), 201);
        require(http.request("POST", "/evaluator/v1/libraries/fuzzlib").bearer(admin).header("Content-Type", "application/javascript")
                .json("function helper() { return 1; }").send(), 200);
        var endpoint = require(http.post("/api/endpoints", Map.of("route", "fuzz/{x}", "method", "GET", "function", "fuzzfn",
                "organization", "fuzz"), admin), 201);
        plausible.put("endpoint", endpoint.data().get("id").asText());
        var key = require(http.post("/api/auth/api-keys", Map.of("name", "fuzz"), admin), 201);
        plausible.put("apikey", key.data().get("id").asText());
    }

    private static Map<String, Object> tinyMapping(String name) {
        return Map.of("name", name, "node_definitions", List.of(Map.of("label", "Customer",
                        "sql", "SELECT customer_id FROM customers WHERE customer_id <= 5",
                        "primary_key", Map.of("name", "customer_id", "type", "INT64"), "properties", List.of())),
                "edge_definitions", List.of());
    }

    private static Http.Response require(Http.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return r;
    }

    @Test
    void noRouteAnswersHostileInputWithAServerErrorAndTheAuditLogKeepsEveryCallThatSucceeded() throws Exception {
        long started = System.nanoTime();
        String swaggerUi = http.request("GET", "/swagger-ui/index.html").send().body();
        Matcher doc = Pattern.compile("swagger/[\\w.-]+\\.yml").matcher(swaggerUi);
        assertThat(doc.find()).as("the Swagger UI page names the OpenAPI document").isTrue();
        var document = http.request("GET", "/" + doc.group()).send();
        assertThat(document.status()).isEqualTo(200);
        OpenApiOperations api = new OpenApiOperations(document.body());
        assertThat(api.operations()).as("operations in the document").hasSizeGreaterThan(80);
        List<Probe> probes = new ArrayList<>();
        Map<Probe, String> routeOf = new IdentityHashMap<>();
        for (OpenApiOperations.Operation op : api.operations()) {
            for (Probe p : probes(api, op)) {
                probes.add(p);
                routeOf.put(p, op.toString());
            }
        }

        AtomicBoolean fuzzing = new AtomicBoolean(true);
        List<Done> auditorDone = Collections.synchronizedList(new ArrayList<>());
        List<Answer> auditorFailed = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        Future<?> realWork = pool.submit(() -> realCreatesAndDeletes(fuzzing, auditorDone, auditorFailed));
        ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        List<Future<?>> sent = new ArrayList<>();
        for (List<Probe> slice : slices(probes, 3)) {
            sent.add(pool.submit(() -> slice.forEach(p -> answers.add(send(p, admin)))));
        }
        for (Future<?> f : sent) {
            f.get(5, TimeUnit.MINUTES);
        }
        fuzzing.set(false);
        realWork.get(1, TimeUnit.MINUTES);
        pool.shutdown();

        List<Answer> serverErrors = answers.stream().filter(a -> a.status >= 500).toList();
        List<Answer> wrongEnvelope = answers.stream().filter(a -> a.status >= 400 && a.status < 500 && !inFamilyEnvelope(a)).toList();
        List<Done> fuzzDone = answers.stream().filter(a -> MUTATING.contains(a.probe.method) && a.status < 300)
                .map(a -> new Done(a.probe.method, rawPath(a.probe.url), a.status)).toList();
        List<Done> missingAuditor = missingFromAudit("fuzz-auditor", auditorDone);
        List<Done> missingFuzz = missingFromAudit("admin", fuzzDone);

        System.out.printf("[hostile-input] %s: %d operations x %d payloads (%d requests, %d of them writes that succeeded) in %d s;"
                        + " %d real calls alongside; %d server errors, %d outside their envelope, %d + %d successful calls missing"
                        + " from the audit log%n", database(), api.operations().size(), probes.size() / api.operations().size(),
                probes.size(), fuzzDone.size(), TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started), auditorDone.size(),
                serverErrors.size(), wrongEnvelope.size(), missingAuditor.size(), missingFuzz.size());
        printSlowest(answers, routeOf);
        serverErrors.forEach(a -> System.out.println("[hostile-input] SERVER ERROR " + a));
        wrongEnvelope.forEach(a -> System.out.println("[hostile-input] ENVELOPE " + a));
        missingAuditor.forEach(d -> System.out.println("[hostile-input] NOT AUDITED (auditor) " + d));
        missingFuzz.forEach(d -> System.out.println("[hostile-input] NOT AUDITED (fuzzer) " + d));
        auditorFailed.forEach(a -> System.out.println("[hostile-input] REAL CALL FAILED " + a));

        assertThat(serverErrors).as("answers >= 500 (each printed above)").isEmpty();
        assertThat(wrongEnvelope).as("errors outside their family's envelope (each printed above)").isEmpty();
        assertThat(auditorFailed).as("real calls that failed (each printed above)").isEmpty();
        assertThat(auditorDone).as("the real calls ran alongside the fuzzing").hasSizeGreaterThan(10);
        assertThat(missingAuditor).as("real calls missing from the audit log").isEmpty();
        assertThat(missingFuzz).as("successful fuzz calls missing from the audit log").isEmpty();
    }

    /** Where the time went: the five operations whose requests took longest in all. */
    private static void printSlowest(Collection<Answer> answers, Map<Probe, String> routeOf) {
        Map<String, Long> millis = new TreeMap<>();
        Map<String, Integer> requests = new TreeMap<>();
        for (Answer a : answers) {
            millis.merge(routeOf.get(a.probe), a.millis, Long::sum);
            requests.merge(routeOf.get(a.probe), 1, Integer::sum);
        }
        millis.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(5)
                .forEach(e -> System.out.println("[hostile-input] slowest: " + e.getKey() + ", " + requests.get(e.getKey())
                        + " requests in " + e.getValue() + " ms"));
    }

    /**
     * Favorites made and removed by a second admin, each pair followed by a NUL-laden call of theirs,
     * until the fuzzing stops (at least ten rounds): cheap real writes whose audit rows share batches
     * with hostile ones.
     */
    private void realCreatesAndDeletes(AtomicBoolean fuzzing, List<Done> done, List<Answer> failed) {
        String mapping = plausible.get("auditor-mapping");
        byte[] favorite = ("{\"resource_type\": \"mapping\", \"resource_id\": " + mapping + "}").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; fuzzing.get() || i < 10; i++) {
            for (Probe p : List.of(new Probe("POST", "/api/favorites", "application/json", favorite, "real create"),
                    new Probe("DELETE", "/api/favorites/mapping/" + mapping, null, null, "real delete"))) {
                Answer a = send(p, auditor);
                if (a.status < 300) {
                    done.add(new Done(p.method, p.url, a.status));
                } else {
                    failed.add(a);
                }
            }
            send(new Probe("DELETE", "/api/favorites/mapping/1%00" + i, null, null, "NUL alongside"), auditor);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private List<Done> missingFromAudit(String actor, List<Done> done) {
        Map<Done, Integer> wanted = new LinkedHashMap<>();
        done.forEach(d -> wanted.merge(d, 1, Integer::sum));
        for (int offset = 0; ; offset += 100) {
            var page = http.get("/api/admin/audit?actor=" + actor + "&limit=100&offset=" + offset, admin);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            for (JsonNode e : page.data()) {
                wanted.computeIfPresent(new Done(e.get("method").asText(), e.get("path").asText(), e.get("status").asInt()),
                        (k, n) -> n == 1 ? null : n - 1);
            }
            if (page.data().size() < 100) {
                break;
            }
        }
        return List.copyOf(wanted.keySet());
    }

    private static boolean inFamilyEnvelope(Answer a) {
        JsonNode body;
        try {
            body = JSON.readTree(a.body);
        } catch (IOException e) {
            return false;
        }
        if (body == null) {
            return false;
        }
        String path = rawPath(a.probe.url);
        if (path.startsWith("/graph/") || path.startsWith("/query/")) {
            return body.path("error").asBoolean(false) && body.hasNonNull("code") && body.has("message") && body.has("version");
        }
        JsonNode error = body.path("error");
        return error.hasNonNull("code") && error.hasNonNull("message") && error.has("details");
    }

    private static String rawPath(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    private Answer send(Probe p, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(http.base().toString().replaceAll("/$", "") + p.url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .method(p.method, p.body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(p.body));
        if (p.contentType != null) {
            b.header("Content-Type", p.contentType);
        }
        try {
            long start = System.nanoTime();
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(p, r.statusCode(), r.body(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        } catch (IOException e) {
            return new Answer(p, 599, "connection failed: " + e, 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static <T> List<List<T>> slices(List<T> all, int n) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new ArrayList<>());
        }
        for (int i = 0; i < all.size(); i++) {
            out.get(i % n).add(all.get(i));
        }
        return out;
    }

    // ---- probes of one operation

    private List<Probe> probes(OpenApiOperations api, OpenApiOperations.Operation op) {
        List<Probe> out = new ArrayList<>();
        Map<String, String> path = new LinkedHashMap<>();
        op.pathVariables().forEach(v -> path.put(v, plausiblePathValue(op.path(), v)));
        String query = baseQuery(api, op);
        Probe base = body(op, api, path, query);
        out.add(base);
        for (String variable : op.pathVariables()) {
            for (String hostile : HOSTILE_PATH_VALUES) {
                Map<String, String> p = new LinkedHashMap<>(path);
                p.put(variable, hostile);
                out.add(new Probe(op.method(), url(op.path(), p, query), base.contentType, base.body, "path " + variable + "=" + hostile));
            }
        }
        for (OpenApiOperations.Parameter param : op.query()) {
            for (String hostile : HOSTILE_QUERY_VALUES) {
                String q = withQuery(query, param.name(), hostile);
                out.add(new Probe(op.method(), url(op.path(), path, q), base.contentType, base.body,
                        "query " + param.name() + "=" + hostile));
            }
        }
        if (op.hasBody()) {
            out.addAll(bodyProbes(api, op, url(op.path(), path, query)));
        }
        return out;
    }

    private String baseQuery(OpenApiOperations api, OpenApiOperations.Operation op) {
        StringBuilder q = new StringBuilder();
        for (OpenApiOperations.Parameter param : op.query()) {
            if (param.required()) {
                q.append(q.isEmpty() ? "" : "&").append(param.name()).append('=').append(plausibleScalar(param.schema()));
            }
        }
        return q.toString();
    }

    private static String withQuery(String query, String name, String value) {
        String kept = Arrays.stream(query.split("&")).filter(s -> !s.isEmpty() && !s.startsWith(name + "="))
                .collect(Collectors.joining("&"));
        return (kept.isEmpty() ? "" : kept + "&") + name + "=" + value;
    }

    private static String url(String template, Map<String, String> values, String query) {
        String path = template;
        for (var e : values.entrySet()) {
            path = path.replace("{" + e.getKey() + "}", e.getValue());
        }
        return query.isEmpty() ? path : path + "?" + query;
    }

    private String plausiblePathValue(String template, String variable) {
        return switch (variable) {
            case "id" -> template.startsWith("/api/mappings") ? plausible.get("mapping")
                    : template.startsWith("/api/snapshots") ? plausible.get("snapshot")
                    : template.startsWith("/api/datasets") ? "fuzzds"
                    : template.startsWith("/api/endpoints") ? plausible.get("endpoint")
                    : template.startsWith("/api/auth/api-keys") ? plausible.get("apikey") : "1";
            case "name" -> template.contains("/algo/") ? "pagerank" : "fuzzds";
            case "label" -> "Person";
            case "type" -> "knows";
            case "org" -> "fuzz";
            case "language" -> "js";
            case "uuidOrAlias", "alias", "function" -> "fuzzfn";
            case "dataset", "datasetId" -> "fuzzds";
            case "username" -> "fuzz-victim";
            case "library" -> "fuzzlib";
            case "resourceType" -> "mapping";
            case "resourceId" -> plausible.get("mapping");
            case "schema" -> "public";
            case "table" -> "customers";
            default -> "1";
        };
    }

    /** The operation's plausible call: a JSON body built from its schema, or a small table on the upload routes. */
    private Probe body(OpenApiOperations.Operation op, OpenApiOperations api, Map<String, String> path, String query) {
        String url = url(op.path(), path, query);
        if (!op.hasBody()) {
            return new Probe(op.method(), url, null, null, "plausible");
        }
        if (isUpload(op)) {
            return new Probe(op.method(), url, "text/csv", "k,v\np1,a\n".getBytes(StandardCharsets.UTF_8), "plausible csv");
        }
        return new Probe(op.method(), url, "application/json", json(plausibleValue(api, op.bodySchema(), "body", 0)), "plausible");
    }

    private static boolean isUpload(OpenApiOperations.Operation op) {
        return op.bodyTypes().contains("text/csv");
    }

    private List<Probe> bodyProbes(OpenApiOperations api, OpenApiOperations.Operation op, String url) {
        List<Probe> out = new ArrayList<>();
        String m = op.method();
        if (isUpload(op)) {
            String arrow = "application/vnd.apache.arrow.stream";
            out.add(new Probe(m, url, arrow, Forgeries.arrowMessageLengthBomb(), "arrow: message length 2^31"));
            out.add(new Probe(m, url, arrow, Forgeries.arrowBodyLengthBomb(1_500_000_000L), "arrow: body length 1.5 GB"));
            out.add(new Probe(m, url, arrow, Forgeries.arrowBodyLengthBomb(Long.MAX_VALUE), "arrow: body length 2^63-1"));
            out.add(new Probe(m, url, arrow, Forgeries.arrowRowCountBomb(2_000_000_000L), "arrow: 2e9 rows in 64 bytes"));
            out.add(new Probe(m, url, arrow, Forgeries.arrowTruncated(), "arrow: truncated"));
            out.add(new Probe(m, url, "text/csv", Forgeries.csvWideHeader(60_000), "csv: 60 000 columns"));
            out.add(new Probe(m, url, "text/csv", Forgeries.csvUnterminatedQuote(), "csv: unterminated quote"));
            out.add(new Probe(m, url, "text/csv", Forgeries.csvOutOfRangeKey(), "csv: INT64 key 2^63"));
            out.add(new Probe(m, url, "text/csv", "k,v\np\u00001,a\u0000b\n".getBytes(StandardCharsets.UTF_8), "csv: NUL cells"));
            out.add(new Probe(m, url, "text/csv", new byte[] {'k', '\n', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '\n'}, "csv: surrogate bytes"));
            out.add(new Probe(m, url, null, "k,v\np1,a\n".getBytes(StandardCharsets.UTF_8), "no Content-Type"));
            return out;
        }
        JsonNode base = plausibleValue(api, op.bodySchema(), "body", 0);
        out.add(new Probe(m, url, null, json(base), "no Content-Type"));
        out.add(new Probe(m, url, "multipart/form-data; boundary=b", ("--b\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\n"
                + "x\u0000\r\n--b--\r\n").getBytes(StandardCharsets.UTF_8), "multipart with NUL"));
        out.add(new Probe(m, url, "application/json", json(nulEverywhere(base)), "NUL in every string and key"));
        out.add(new Probe(m, url, "application/json", "{\"a\": \"x\u0000y\"}".getBytes(StandardCharsets.UTF_8), "raw NUL byte"));
        out.add(new Probe(m, url, "application/json", concat("{\"name\": \"", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, "\"}"),
                "surrogate bytes"));
        out.add(new Probe(m, url, "application/json", "[".repeat(5000).getBytes(StandardCharsets.UTF_8), "nesting 5000"));
        out.add(new Probe(m, url, "text/plain", "\"a\\u0000b\"".getBytes(StandardCharsets.UTF_8), "text: JSON string with NUL"));
        if (base instanceof ObjectNode object) {
            for (var field : object.properties()) {
                String name = field.getKey();
                for (String hostile : HOSTILE_JSON_VALUES) {
                    out.add(new Probe(m, url, "application/json", json(with(object, name, hostile)), name + "=" + hostile));
                }
                String mistyped = mistyped(field.getValue());
                out.add(new Probe(m, url, "application/json", json(with(object, name, mistyped)), name + "=" + mistyped + " (mistyped)"));
            }
        }
        return out;
    }

    private static ObjectNode with(ObjectNode object, String name, String raw) {
        ObjectNode copy = object.deepCopy();
        copy.putRawValue(name, new RawValue(raw));
        return copy;
    }

    private static String mistyped(JsonNode value) {
        if (value.isTextual()) {
            return "12345";
        }
        if (value.isNumber()) {
            return "\"12\"";
        }
        if (value.isBoolean()) {
            return "\"true\"";
        }
        return "\"x\"";
    }

    private static JsonNode nulEverywhere(JsonNode value) {
        if (value.isTextual()) {
            return JsonNodeFactory.instance.textNode("a\u0000b");
        }
        if (value instanceof ObjectNode object) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            object.properties().forEach(e -> out.set(e.getKey(), nulEverywhere(e.getValue())));
            out.put("k\u0000", "v");
            return out;
        }
        if (value instanceof ArrayNode array) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            array.forEach(v -> out.add(nulEverywhere(v)));
            return out;
        }
        return value;
    }

    /** A value of {@code schema} that the route would likely accept, chosen by the field's name where its type says too little. */
    @SuppressWarnings("unchecked")
    private JsonNode plausibleValue(OpenApiOperations api, Map<String, Object> schema, String name, int depth) {
        Map<String, Object> s = api.resolve(schema);
        String type = String.valueOf(s.getOrDefault("type", s.containsKey("properties") ? "object" : "string"));
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (type) {
            case "object" -> {
                ObjectNode out = f.objectNode();
                if (depth < 4) {
                    ((Map<String, Object>) s.getOrDefault("properties", Map.of()))
                            .forEach((field, p) -> out.set(field, plausibleValue(api, (Map<String, Object>) p, field, depth + 1)));
                    if (s.get("additionalProperties") instanceof Map<?, ?> extra) {
                        out.set("k", plausibleValue(api, (Map<String, Object>) extra, "k", depth + 1));
                    }
                }
                yield out;
            }
            case "array" -> {
                ArrayNode out = f.arrayNode();
                if (depth < 4) {
                    out.add(plausibleValue(api, (Map<String, Object>) s.getOrDefault("items", Map.of()), name, depth + 1));
                }
                yield out;
            }
            case "integer" -> f.numberNode(switch (name) {
                case "mapping_id" -> Long.parseLong(plausible.get("mapping"));
                case "snapshot_id" -> Long.parseLong(plausible.get("snapshot"));
                default -> 1L;
            });
            case "number" -> f.numberNode(0.5);
            case "boolean" -> f.booleanNode(false);
            default -> f.textNode(s.get("enum") instanceof List<?> values && !values.isEmpty() ? String.valueOf(values.getFirst())
                    : plausibleText(name, s));
        };
    }

    private static String plausibleText(String name, Map<String, Object> schema) {
        return switch (name) {
            case "ttl", "inactivity_timeout" -> "PT1H";
            case "sql" -> "SELECT customer_id FROM customers WHERE customer_id <= 5";
            case "language", "type" -> "js";
            case "engine" -> "cpu";
            case "method" -> "GET";
            case "route" -> "fuzzroute/{x}";
            case "password", "new_password", "current_password" -> "fuzz-password-123";
            case "roles" -> "analyst";
            case "organization", "organizations", "bucket", "scope" -> "fuzz";
            case "function" -> "fuzzfn";
            case "dataset_id" -> "fuzzds";
            case "execute" -> "function task(g, args) { return 1; }\n";
            case "query" -> "MATCH (n) RETURN count(n)";
            default -> "date-time".equals(schema.get("format")) ? "2026-01-01T00:00:00Z" : "fuzz";
        };
    }

    private static String plausibleScalar(Map<String, Object> schema) {
        if (schema.get("enum") instanceof List<?> values && !values.isEmpty()) {
            return String.valueOf(values.getFirst());
        }
        return switch (String.valueOf(schema.get("type"))) {
            case "integer" -> "1";
            case "number" -> "0.5";
            case "boolean" -> "false";
            default -> "fuzz";
        };
    }

    private static byte[] json(JsonNode value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] concat(String head, byte[] middle, String tail) {
        byte[] h = head.getBytes(StandardCharsets.UTF_8);
        byte[] t = tail.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[h.length + middle.length + t.length];
        System.arraycopy(h, 0, out, 0, h.length);
        System.arraycopy(middle, 0, out, h.length, middle.length);
        System.arraycopy(t, 0, out, h.length + middle.length, t.length);
        return out;
    }

    static final class OnPostgres extends HostileInputFuzzTest {
        @Override
        MetadataDatabase database() {
            return MetadataDatabase.POSTGRES;
        }
    }
}
