package io.grapholap.it.udf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grapholap.it.support.Http;
import io.grapholap.it.support.MetadataDatabase;
import io.grapholap.it.support.RunningServer;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The UDF routes ({@code /api/v2/o/{org}/functions} and {@code /run}) over real HTTP with the real
 * GraalVM runtime, in JavaScript and in Python: definitions (list pages, get by uuid or alias, create with and without alias, partial
 * update, delete, save-time check), permissions and the organisation switch, runs on a dataset
 * (URL over load_dataset) and on a graph built by load_data, every output format, and hostile code
 * (an endless loop and a huge output fail within their limits while the server keeps answering).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class UdfApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "analyst-password-123";

    private RunningServer server;
    private Http http;
    private String admin;
    private String alice;
    private String bob;
    private String carol;
    private String otto;
    private String dataset;

    abstract MetadataDatabase database();

    @BeforeAll
    void start() throws Exception {
        server = RunningServer.start(database(), Map.of(), Map.of("grapholap.udf.default-timeout", "PT10S", "grapholap.udf.max-timeout", "PT20S",
                "grapholap.udf.default-output-bytes", 1_048_576));
        http = server.http();
        admin = http.adminToken();
        alice = user("alice", "acme");
        bob = user("bob", "acme");
        carol = user("carol", "acme");
        otto = user("otto", "globex");
        dataset = demoSnapshot();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private String user(String name, String org) {
        var r = http.post("/api/admin/users", Map.of("username", name, "password", PASSWORD, "roles", List.of("analyst"),
                "organizations", List.of(org)), admin);
        assertThat(r.status()).as(r.body()).isIn(200, 201);
        return http.login(name, PASSWORD);
    }

    /** The demo mapping exported to a ready snapshot; its dataset id. */
    private String demoSnapshot() throws Exception {
        ObjectNode demo = (ObjectNode) JSON.readTree(Files.readString(Path.of("../docs/demo-mapping.json")));
        demo.put("name", "demo " + UUID.randomUUID());
        var mapping = http.post("/api/mappings", demo, admin);
        assertThat(mapping.status()).as(mapping.body()).isEqualTo(201);
        var snapshot = http.post("/api/snapshots", Map.of("mapping_id", mapping.data().get("id").asLong(), "name", "udf data"), admin);
        long id = snapshot.data().get("id").asLong();
        for (int i = 0; i < 1200; i++) {
            String status = http.get("/api/snapshots/" + id, admin).data().get("status").asText();
            if (status.equals("ready")) {
                return "snapshot-" + id;
            }
            assertThat(status).isNotEqualTo("failed");
            Thread.sleep(100);
        }
        throw new AssertionError("the demo snapshot was not ready within 2 minutes");
    }

    private static String base(String language) {
        return "/api/v2/o/acme/functions/" + language + "/";
    }

    private static String run(String language, String name) {
        return "/api/v2/o/acme/run/" + language + "/" + name;
    }

    /** Code in each language: [execute counting nodes per label + args, load_data building a triangle]. */
    private static String execute(String language) {
        return language.equals("js")
                ? "function task(g, args) {\n  const s = g.statistics();\n  return {vertices: s.vertex_count, edges: s.edge_count, n: args.n};\n}\n"
                : "def task(g, args):\n    s = g.statistics()\n    return {'vertices': s['vertex_count'], 'edges': s['edge_count'], 'n': args.get('n')}\n";
    }

    private static String loadData(String language) {
        return language.equals("js")
                ? "function task(args) {\n  const n = args.size;\n  const nodes = [];\n  const edges = [];\n"
                + "  for (let i = 0; i < n; i++) { nodes.push({id: i, label: 'p', name: 'p' + i}); edges.push({source: i, target: (i + 1) % n, type: 'next'}); }\n"
                + "  return {nodes: nodes, edges: edges};\n}\n"
                : "def task(args):\n    n = args['size']\n    nodes = [{'id': i, 'label': 'p', 'name': 'p%d' % i} for i in range(n)]\n"
                + "    edges = [{'source': i, 'target': (i + 1) % n, 'type': 'next'} for i in range(n)]\n"
                + "    return {'nodes': nodes, 'edges': edges}\n";
    }

    private static String returnGraph(String language) {
        return language.equals("js") ? "function task(g, args) { return g; }\n" : "def task(g, args):\n    return g\n";
    }

    private JsonNode create(String language, String alias, Map<String, Object> body, String token) {
        var r = http.post(base(language) + (alias == null ? "" : alias), body, token);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private static Map<String, Object> body(Object... pairs) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    @ParameterizedTest
    @ValueSource(strings = {"js", "python"})
    void definitionsCrudAsTheSeedDescribes(String language) {
        JsonNode anonymous = create(language, null, body("execute", execute(language)), alice);
        assertThat(anonymous.get("alias").isNull()).isTrue();
        assertThat(anonymous.get("uuid").asText()).hasSize(36);
        assertThat(anonymous.get("author").asText()).isEqualTo("alice");
        assertThat(anonymous.get("organization").asText()).isEqualTo("acme");
        assertThat(anonymous.get("type").asText()).isEqualTo(language);
        assertThat(anonymous.get("is_enabled").asBoolean()).isFalse();
        assertThat(anonymous.get("engine").asText()).isEqualTo("cpu");
        assertThat(anonymous.get("output_type").asText()).isEqualTo("json");
        assertThat(anonymous.get("format").asText()).isEqualTo("json");

        String alias = "crud-" + language;
        JsonNode named = create(language, alias, body("execute", execute(language), "load_data", loadData(language), "is_enabled", true,
                "engine", "pandas", "output_type", "nodes", "format", "csv", "load_dataset", dataset,
                "parameters", List.of(Map.of("name", "n", "type", "int"))), alice);
        assertThat(named.get("alias").asText()).isEqualTo(alias);
        assertThat(named.get("engine").asText()).as("seed 000: the engine as the client named it").isEqualTo("pandas");
        assertThat(named.get("parameters").get(0).get("type").asText()).isEqualTo("INT");
        assertThat(named.get("created_at").asText()).endsWith("Z");

        assertThat(http.get(base(language) + alias, alice).json().get("uuid").asText()).isEqualTo(named.get("uuid").asText());
        assertThat(http.get(base(language) + named.get("uuid").asText(), alice).json().get("alias").asText()).isEqualTo(alias);

        var updated = http.put(base(language) + alias, body("format", "json", "load_dataset", ""), alice);
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().get("format").asText()).isEqualTo("json");
        assertThat(updated.json().get("output_type").asText()).isEqualTo("nodes");
        assertThat(updated.json().get("load_dataset").isNull()).isTrue();
        assertThat(updated.json().get("is_enabled").asBoolean()).isTrue();

        var page = http.get(base(language) + "?limit=1&offset=0", alice).json();
        assertThat(page.get("count").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(page.get("results")).hasSize(1);
        assertThat(page.get("previous").isNull()).isTrue();
        // Seed 000: absolute links, to be followed as they are.
        String next = page.get("next").asText();
        assertThat(next).isEqualTo(http.base() + base(language) + "?limit=1&offset=1");
        URI link = URI.create(next);
        var second = http.get(link.getRawPath() + "?" + link.getRawQuery(), alice).json();
        assertThat(second.get("results")).hasSize(1);
        assertThat(second.get("previous").asText()).isEqualTo(http.base() + base(language) + "?limit=1&offset=0");

        assertThat(http.post(base(language) + alias, body("execute", execute(language)), bob).status()).isEqualTo(409);
        assertThat(http.delete(base(language) + alias, alice).status()).isEqualTo(204);
        assertThat(http.get(base(language) + alias, alice).status()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"js", "python"})
    void codeIsCheckedWhenSavedWithTheLine(String language) {
        String broken = language.equals("js") ? "function task(g, args) {\n  return (1 +;\n}\n" : "def task(g, args):\n    return (1 +\n";
        var r = http.post(base(language), body("execute", broken), alice);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().at("/error/details/field").asText()).isEqualTo("execute");
        assertThat(r.errorMessage()).contains("line 2");
        // task(g) is fine (seed 000), and three arguments are an endpoint's task; none is neither.
        String wrongArity = language.equals("js") ? "function task() { return 1; }" : "def task():\n    return 1\n";
        var arity = http.post(base(language), body("execute", wrongArity), alice);
        assertThat(arity.status()).isEqualTo(400);
        assertThat(arity.json().at("/error/details/field").asText()).isEqualTo("execute");
        var badField = http.post(base(language), body("execute", execute(language), "output_type", "graph"), alice);
        assertThat(badField.status()).isEqualTo(400);
        assertThat(badField.json().at("/error/details/field").asText()).isEqualTo("output_type");
        assertThat(http.post("/api/v2/o/acme/functions/ruby/", body("execute", "x"), alice).status()).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"js", "python"})
    void runsOnTheUrlDatasetOverLoadDatasetOverLoadData(String language) throws Exception {
        String alias = "count-" + language;
        create(language, alias, body("execute", execute(language), "load_data", loadData(language), "is_enabled", true), alice);

        var built = http.post(run(language, alias), body("load_data_args", Map.of("size", 7), "execute_args", Map.of("n", 3)), alice);
        assertThat(built.status()).as(built.body()).isEqualTo(200);
        assertThat(built.headers().get("X-GraphOLAP-Engine")).containsExactly("cpu");
        assertThat(built.json().get("vertices").asLong()).isEqualTo(7);
        assertThat(built.json().get("edges").asLong()).isEqualTo(7);
        assertThat(built.json().get("n").asInt()).isEqualTo(3);

        var onDataset = http.post(run(language, alias) + "/dataset/" + dataset, body(), alice);
        assertThat(onDataset.status()).as(onDataset.body()).isEqualTo(200);
        assertThat(onDataset.json().get("vertices").asLong()).isEqualTo(35_000);

        assertThat(http.put(base(language) + alias, body("load_dataset", dataset), alice).status()).isEqualTo(200);
        var fromLoadDataset = http.post(run(language, alias), body("load_data_args", Map.of("size", 7)), alice);
        assertThat(fromLoadDataset.json().get("vertices").asLong()).isEqualTo(35_000);
        assertThat(http.post(run(language, alias) + "/dataset/snapshot-999999", body(), alice).status()).isEqualTo(404);
        var gpu = http.post(run(language, alias), body("engine", "gpu"), alice);
        assertThat(gpu.status()).as(gpu.body()).isIn(200, 503);
        if (gpu.status() == 503) {
            assertThat(gpu.errorCode()).isEqualTo("ENGINE_UNAVAILABLE");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"js", "python"})
    void recordsWithMapsBecomeAColumnPerKeyInTheTabularFormats(String language) throws Exception {
        String alias = "nested-" + language;
        String execute = language.equals("js")
                ? "function task(g, args) { return [{name: 'x', info: {age: 3, tags: {t: 'y'}}}, {name: 'z', info: {age: 4}}]; }"
                : "def task(g, args):\n    return [{'name': 'x', 'info': {'age': 3, 'tags': {'t': 'y'}}}, {'name': 'z', 'info': {'age': 4}}]\n";
        create(language, alias, body("execute", execute, "load_data", loadData(language), "is_enabled", true, "format", "csv"), alice);
        var csv = http.post(run(language, alias), body("load_data_args", Map.of("size", 1)), alice);
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.body()).isEqualTo("name,info.age,info.tags.t\r\nx,3,y\r\nz,4,\r\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"js", "python"})
    void everyOutputFormat(String language) throws Exception {
        String alias = "graph-" + language;
        create(language, alias, body("execute", returnGraph(language), "load_data", loadData(language), "is_enabled", true,
                "output_type", "nodes", "format", "csv"), alice);
        Map<String, Object> args = body("load_data_args", Map.of("size", 4));
        var csv = http.post(run(language, alias), args, alice);
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.headers().get("content-type").get(0)).startsWith("text/csv");
        assertThat(csv.body()).startsWith("label,id,key,name\r\n").contains("p,p:3,3,p3\r\n");

        assertThat(http.put(base(language) + alias, body("output_type", "edges", "format", "json"), alice).status()).isEqualTo(200);
        var edges = http.post(run(language, alias), args, alice).json();
        assertThat(edges).hasSize(4);
        assertThat(edges.get(0).get("type").asText()).isEqualTo("next");

        assertThat(http.put(base(language) + alias, body("output_type", "shape"), alice).status()).isEqualTo(200);
        var shape = http.post(run(language, alias), args, alice).json();
        assertThat(shape.get("nodes").asLong()).isEqualTo(4);
        assertThat(shape.get("edge_types").get("next").asLong()).isEqualTo(4);

        assertThat(http.put(base(language) + alias, body("output_type", "all"), alice).status()).isEqualTo(200);
        var all = http.post(run(language, alias), args, alice).json();
        assertThat(all.get("nodes")).hasSize(4);
        assertThat(all.get("edges")).hasSize(4);

        assertThat(http.put(base(language) + alias, body("output_type", "nodes", "format", "arrow"), alice).status()).isEqualTo(200);
        byte[] arrow = binary(run(language, alias), args, alice);
        try (var allocator = new RootAllocator(); var reader = new ArrowStreamReader(new ByteArrayInputStream(arrow), allocator)) {
            assertThat(reader.loadNextBatch()).isTrue();
            assertThat(reader.getVectorSchemaRoot().getRowCount()).isEqualTo(4);
            assertThat(reader.getVectorSchemaRoot().getVector("name").getObject(2).toString()).isEqualTo("p2");
            assertThat(reader.getVectorSchemaRoot().getVector("id").getObject(2).toString()).isEqualTo("p:2");
            assertThat(reader.getVectorSchemaRoot().getVector("key").getObject(2)).isEqualTo(2L);
        }

        assertThat(http.put(base(language) + alias, body("format", "parquet"), alice).status()).isEqualTo(200);
        byte[] parquet = binary(run(language, alias), args, alice);
        assertThat(new String(parquet, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("PAR1");
        assertThat(new String(parquet, parquet.length - 4, 4, StandardCharsets.US_ASCII)).isEqualTo("PAR1");
    }

    private byte[] binary(String path, Object body, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(http.base().resolve(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return r.body();
    }

    @ParameterizedTest
    @ValueSource(strings = {"js", "python"})
    void permissionsAndTheOrganisationSwitch(String language) {
        String alias = "perm-" + language;
        JsonNode f = create(language, alias, body("execute", execute(language), "load_data", loadData(language)), alice);
        Map<String, Object> args = body("load_data_args", Map.of("size", 3));
        var disabled = http.post(run(language, alias), args, alice);
        assertThat(disabled.status()).isEqualTo(409);
        assertThat(disabled.errorCode()).isEqualTo("INVALID_STATE");
        assertThat(http.put(base(language) + alias, body("is_enabled", true), alice).status()).isEqualTo(200);

        assertThat(http.get(base(language) + alias, bob).status()).isEqualTo(403);
        assertThat(http.post(run(language, alias), args, carol).status()).isEqualTo(403);
        assertThat(http.get(base(language) + alias, otto).status()).isEqualTo(404);
        assertThat(http.put(base(language) + alias + "/permissions", body("editors", List.of("bob")), bob).status()).isEqualTo(403);

        var granted = http.put(base(language) + alias + "/permissions", body("editors", List.of("bob"), "runners", List.of("carol")), alice);
        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        assertThat(granted.json().get("runners").get(0).asText()).isEqualTo("carol");
        assertThat(http.get(base(language) + f.get("uuid").asText(), bob).json().get("editors").get(0).asText()).isEqualTo("bob");
        assertThat(http.post(run(language, alias), args, carol).status()).isEqualTo(200);
        assertThat(http.get(base(language) + alias, carol).status()).isEqualTo(403);
        assertThat(http.get(base(language) + alias + "/permissions", bob).json().get("author").asText()).isEqualTo("alice");

        assertThat(http.put("/api/admin/organizations/acme", Map.of("udf_creation_enabled", false), admin).status()).isEqualTo(200);
        try {
            var refused = http.post(base(language), body("execute", execute(language)), alice);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.errorMessage()).contains("udf_creation_enabled");
            assertThat(http.post(run(language, alias), args, alice).status()).isEqualTo(200);
        } finally {
            http.put("/api/admin/organizations/acme", Map.of("udf_creation_enabled", true), admin);
        }
        assertThat(http.post("/api/v2/o/globex/functions/" + language + "/", body("execute", execute(language)), alice).status())
                .isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"js", "python"})
    void hostileCodeFailsWithinItsLimitsWhileTheServerKeepsAnswering(String language) throws Exception {
        String loop = language.equals("js") ? "function task(g, args) { while (true) {} }" : "def task(g, args):\n    while True:\n        pass\n";
        String huge = language.equals("js") ? "function task(g, args) { return 'x'.repeat(8000000); }"
                : "def task(g, args):\n    return 'x' * 8000000\n";
        create(language, "loop-" + language, body("execute", loop, "load_data", loadData(language), "is_enabled", true), alice);
        create(language, "huge-" + language, body("execute", huge, "load_data", loadData(language), "is_enabled", true), alice);
        create(language, "ok-" + language, body("execute", execute(language), "load_data", loadData(language), "is_enabled", true), alice);
        Map<String, Object> args = body("load_data_args", Map.of("size", 3));

        AtomicBoolean hostileDone = new AtomicBoolean();
        AtomicInteger normalRuns = new AtomicInteger();
        List<String> normalFailures = new java.util.concurrent.CopyOnWriteArrayList<>();
        CompletableFuture<Void> normal = CompletableFuture.runAsync(() -> {
            while (!hostileDone.get()) {
                var r = http.post(run(language, "ok-" + language), args, alice);
                if (r.status() == 200 && r.json().get("vertices").asLong() == 3) {
                    normalRuns.incrementAndGet();
                } else {
                    normalFailures.add(r.toString());
                }
                if (http.get("/health", null).status() != 200) {
                    normalFailures.add("/health did not answer 200");
                }
            }
        });
        try {
            long start = System.nanoTime();
            var looped = http.request("POST", run(language, "loop-" + language)).bearer(alice).header("GSQL-TIMEOUT", "2000")
                    .json(args).send();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(looped.status()).as(looped.body()).isEqualTo(408);
            assertThat(looped.errorCode()).isEqualTo("TIMEOUT");
            // the 2 s budget covers the user code; preparing a context (a fresh Python one takes up to a few
            // seconds on a loaded machine) comes on top
            System.out.println("[udf] " + language + " endless loop with GSQL-TIMEOUT 2000 answered 408 after " + took.toMillis() + " ms");
            assertThat(took).isLessThan(Duration.ofSeconds(30));

            var tooBig = http.post(run(language, "huge-" + language), args, alice);
            assertThat(tooBig.status()).as(tooBig.body()).isEqualTo(400);
            assertThat(tooBig.json().at("/error/details/field").asText()).isEqualTo("output");
        } finally {
            hostileDone.set(true);
            normal.get();
        }
        assertThat(normalFailures).isEmpty();
        assertThat(normalRuns.get()).isPositive();
        assertThat(http.post(run(language, "ok-" + language), args, alice).status()).isEqualTo(200);
        var timeoutTooLong = http.post(run(language, "ok-" + language), body("timeout_ms", 3_600_000), alice);
        assertThat(timeoutTooLong.status()).isEqualTo(400);
        assertThat(timeoutTooLong.json().at("/error/details/field").asText()).isEqualTo("timeout");
        var badHeader = http.request("POST", run(language, "ok-" + language)).bearer(alice).header("GSQL-TIMEOUT", "soon").json(args).send();
        assertThat(badHeader.status()).isEqualTo(400);
    }

    static final class OnH2 extends UdfApiTest {
        @Override
        MetadataDatabase database() {
            return MetadataDatabase.H2;
        }
    }

    static final class OnPostgres extends UdfApiTest {
        @Override
        MetadataDatabase database() {
            return MetadataDatabase.POSTGRES;
        }
    }
}
