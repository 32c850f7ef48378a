package io.grapholap.it.udfext;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapholap.it.support.Http;
import io.grapholap.it.support.MetadataDatabase;
import io.grapholap.it.support.RunningServer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Libraries, custom endpoints and REST++ query routes with real UDFs in JavaScript and Python, over
 * HTTP on the real runtime: a UDF importing a library sees its changes and keeps it from being
 * deleted; a published UDF answers under /proxy; REST++ converts declared parameters and honours
 * RESPONSE-LIMIT.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class UdfExtensionsApiTest {

    private static final String DATASET = "udfext_people";

    private RunningServer server;
    private Http http;
    private String admin;
    private String ana;

    abstract MetadataDatabase database();

    @BeforeAll
    void start() {
        server = RunningServer.start(database(), Map.of(), Map.of("grapholap.udf.default-timeout", "PT20S",
                "grapholap.udf.max-timeout", "PT30S"));
        http = server.http();
        admin = http.adminToken();
        ana = Users.analyst(http, admin, "ext-ana", "acme");
        Map<String, Object> vertices = Map.of("person", Map.of("p1", Map.of("name", "Ann"), "p2", Map.of("name", "Bob"),
                "p3", Map.of("name", "Cy")));
        Map<String, Object> edges = Map.of("person", Map.of("p1", Map.of("knows", Map.of("person", Map.of("p2", Map.of())))));
        var upload = http.post("/graph/" + DATASET, Map.of("vertices", vertices, "edges", edges), admin);
        assertThat(upload.status()).as(upload.body()).isIn(200, 201);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private static Map<String, Object> body(Object... pairs) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private void createUdf(String language, String alias, Map<String, Object> fields) {
        Map<String, Object> all = new HashMap<>(fields);
        all.put("is_enabled", true);
        var r = http.post("/api/v2/o/acme/functions/" + language + "/" + alias, all, ana);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private Http.Response saveLibrary(String name, String language, String code) {
        return http.request("POST", "/evaluator/v1/libraries/" + name + "?bucket=acme&scope=shared&language=" + language)
                .bearer(ana).json(code).send();
    }

    @ParameterizedTest
    @ValueSource(strings = {"js", "python"})
    void aUdfImportsALibrarySeesItsChangesAndKeepsItFromDeletion(String language) {
        String library = "scale_" + language;
        boolean js = language.equals("js");
        assertThat(saveLibrary(library, language, js ? "export function scale(x) { return 2 * x; }\n"
                : "def scale(x):\n    return 2 * x\n").status()).isEqualTo(200);
        String alias = "scaled-" + language;
        createUdf(language, alias, body("execute", js
                        ? "import {scale} from '" + library + "';\nfunction task(g, args) { return {v: scale(args.x), vertices: g.statistics().vertex_count}; }\n"
                        : "from " + library + " import scale\ndef task(g, args):\n    return {'v': scale(args['x']), 'vertices': g.statistics()['vertex_count']}\n",
                "parameters", List.of(Map.of("name", "x", "type", "INT"))));

        var first = http.get("/query/" + DATASET + "/" + alias + "?x=21", ana);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("error").asBoolean()).isFalse();
        assertThat(first.json().at("/results/0/v").asInt()).isEqualTo(42);
        assertThat(first.json().at("/results/0/vertices").asInt()).isEqualTo(3);

        saveLibrary(library, language, js ? "export function scale(x) { return 3 * x; }\n" : "def scale(x):\n    return 3 * x\n");
        assertThat(http.get("/query/" + DATASET + "/" + alias + "?x=21", ana).json().at("/results/0/v").asInt()).isEqualTo(63);

        var refused = http.delete("/evaluator/v1/libraries/" + library + "?bucket=acme&scope=shared", ana);
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.errorCode()).isEqualTo("RESOURCE_HAS_DEPENDENCIES");
        assertThat(refused.errorMessage()).contains(alias);

        var badValue = http.get("/query/" + DATASET + "/" + alias + "?x=many", ana);
        assertThat(badValue.status()).isEqualTo(400);
        assertThat(badValue.json().at("/details/field").asText()).isEqualTo("x");

        assertThat(http.delete("/api/v2/o/acme/functions/" + language + "/" + alias, ana).status()).isEqualTo(204);
        assertThat(http.delete("/evaluator/v1/libraries/" + library + "?bucket=acme&scope=shared", ana).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"js", "python"})
    void aPublishedUdfAnswersUnderProxy(String language) {
        String alias = "mirror-" + language;
        createUdf(language, alias, body("execute", language.equals("js")
                ? "function task(request, user, session) {\n  return {table: request.path_parameters.table_name, method: request.method,"
                + " rows: request.body, mode: request.query_parameters.mode, user: user.name, orgs: user.organizations,"
                + " datasets: session.datasets().length};\n}\n"
                // Seed 002: attributes, as in JavaScript; the same values are dicts too.
                : "def task(request, user, session):\n    return {'table': request.path_parameters.table_name,"
                + " 'method': request.method, 'rows': request.body, 'mode': request['query_parameters']['mode'],"
                + " 'user': user.name, 'orgs': user['organizations'], 'datasets': len(session.datasets())}\n",
                "load_dataset", DATASET));
        var created = http.post("/api/endpoints", Map.of("route", language + "/tables/{table_name}/rows", "method", "POST",
                "function", alias), ana);
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        var served = http.post("/proxy/" + language + "/tables/Quantity/rows?mode=append", List.of(List.of(2021, 5, 19, 50)), ana);
        assertThat(served.status()).as(served.body()).isEqualTo(200);
        assertThat(served.json().get("table").asText()).isEqualTo("Quantity");
        assertThat(served.json().get("method").asText()).isEqualTo("POST");
        assertThat(served.json().get("mode").asText()).isEqualTo("append");
        assertThat(served.json().get("user").asText()).isEqualTo("ext-ana");
        assertThat(served.json().get("orgs").toString()).isEqualTo("[\"acme\"]");
        assertThat(served.json().get("rows").toString()).isEqualTo("[[2021,5,19,50]]");
        assertThat(served.json().get("datasets").asInt()).as("the session lists the datasets the caller may load").isPositive();

        var wrong = http.get("/proxy/" + language + "/tables/Quantity/rows", ana);
        assertThat(wrong.status()).isEqualTo(405);
        assertThat(wrong.headers().get("allow")).containsExactly("POST");
        assertThat(http.post("/api/endpoints", Map.of("route", language + "/tables/{t}/rows", "method", "POST", "function", alias), ana)
                .status()).isEqualTo(409);
        assertThat(http.delete("/api/endpoints/" + created.data().get("id").asLong(), ana).status()).isEqualTo(204);
    }

    @ParameterizedTest
    @ValueSource(strings = {"js", "python"})
    void restppRunsWithTypedParametersAndLimits(String language) {
        String alias = "rows-" + language;
        createUdf(language, alias, body("execute", language.equals("js")
                        ? "function task(g, args) {\n  const out = [];\n  for (let i = 0; i < args.n; i++) { out.push({i: i, seeds: args.seeds}); }\n  return out;\n}\n"
                        : "def task(g, args):\n    return [{'i': i, 'seeds': args['seeds']} for i in range(args['n'])]\n",
                "parameters", List.of(Map.of("name", "n", "type", "UINT"), Map.of("name", "seeds", "type", "SET<VERTEX<person>>"))));

        var ok = http.request("GET", "/query/" + DATASET + "/" + alias + "?n=2&seeds=p1&seeds=p1&seeds=p2").bearer(ana)
                .header("GSQL-TIMEOUT", "15000").send();
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().get("results").size()).isEqualTo(2);
        assertThat(ok.json().at("/results/1/seeds").toString())
                .isEqualTo("[{\"id\":\"p1\",\"type\":\"person\"},{\"id\":\"p2\",\"type\":\"person\"}]");

        var posted = http.post("/query/" + DATASET + "/" + alias, Map.of("n", 1, "seeds", List.of(Map.of("id", "p3", "type", "person"))), ana);
        assertThat(posted.status()).as(posted.body()).isEqualTo(200);
        assertThat(posted.json().at("/results/0/seeds/0/id").asText()).isEqualTo("p3");

        var limited = http.request("GET", "/query/" + DATASET + "/" + alias + "?n=200&seeds=p1").bearer(ana)
                .header("RESPONSE-LIMIT", "512").send();
        assertThat(limited.status()).as(limited.body()).isEqualTo(413);
        assertThat(limited.json().get("code").asText()).isEqualTo("REST-4000");
        assertThat(limited.json().get("results").size()).isZero();

        var noDataset = http.get("/query/no_such_dataset/" + alias + "?n=1&seeds=p1", ana);
        assertThat(noDataset.status()).as(noDataset.body()).isEqualTo(404);
        assertThat(noDataset.json().get("error").asBoolean()).isTrue();
    }

    @Test
    void aLibraryWrittenTheSeedsWayIsImportedByItsDashedName() {
        // Seed 003: plain top-level functions, no export; a name with '-'.
        assertThat(saveLibrary("seed-style", "js", "function add(a, b) {\n  return a + b;\n}\nfunction twice(x) { return add(x, x); }\n")
                .status()).isEqualTo(200);
        createUdf("js", "seed-adder", body("execute", "import {add, twice} from 'seed-style';\n"
                + "function task(g, args) { return {sum: add(args.x, 1), twice: twice(args.x)}; }\n",
                "parameters", List.of(Map.of("name", "x", "type", "INT"))));
        var r = http.get("/query/" + DATASET + "/seed-adder?x=20", ana);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().at("/results/0/sum").asInt()).isEqualTo(21);
        assertThat(r.json().at("/results/0/twice").asInt()).isEqualTo(40);
        var python = saveLibrary("py-dashed", "python", "def f():\n    return 1\n");
        assertThat(python.status()).as(python.body()).isEqualTo(400);
        assertThat(python.json().at("/error/details/field").asText()).isEqualTo("library");
        assertThat(saveLibrary("-leading", "js", "function f() {}").status()).isEqualTo(400);
        assertThat(http.delete("/api/v2/o/acme/functions/js/seed-adder", ana).status()).isEqualTo(204);
        assertThat(http.delete("/evaluator/v1/libraries/seed-style?bucket=acme&scope=shared", ana).status()).isEqualTo(200);
    }

    @Test
    void restppRoutesAnswerFrameworkErrorsInTheRestppEnvelope() {
        assertRestpp(http.request("POST", "/graph/" + DATASET).bearer(ana).header("Content-Type", "application/xml").raw("<a/>").send(),
                415, "UNSUPPORTED_MEDIA_TYPE");
        for (String path : List.of("/query/" + DATASET + "/anything", "/graph/" + DATASET)) {
            assertRestpp(http.request("POST", path).json(Map.of()).send(), 401, "UNAUTHORIZED");
            assertRestpp(http.request("POST", path).bearer("gok_not-a-key").json(Map.of()).send(), 401, "UNAUTHORIZED");
            assertRestpp(http.request("DELETE", path).bearer(ana).send(), 405, "METHOD_NOT_ALLOWED");
            assertRestpp(http.request("POST", path).bearer(ana).raw("{}").send(), 415, "UNSUPPORTED_MEDIA_TYPE");
            assertRestpp(http.request("POST", path).bearer(ana).json("[" + "1,".repeat(9_000_000) + "1]").send(),
                    413, "PAYLOAD_TOO_LARGE");
        }
    }

    private static void assertRestpp(Http.Response r, int status, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.json().get("error").asBoolean()).as(r.body()).isTrue();
        assertThat(r.json().get("code").asText()).isEqualTo(code);
        assertThat(r.json().has("version") && r.json().get("results").isArray()).as(r.body()).isTrue();
    }

    @Test
    void withoutGsqlTimeoutARestppRunStopsAfterSixteenSeconds() {
        // The server's UDF default here is 20 s: a run that needs 18 s ends at TigerGraph's 16 s.
        createUdf("js", "eighteen-seconds", body("execute",
                "function task(g, args) { const end = Date.now() + 18000; while (Date.now() < end) {} return {done: true}; }\n"));
        long started = System.nanoTime();
        var r = http.get("/query/" + DATASET + "/eighteen-seconds", ana);
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        assertThat(r.status()).as(r.body()).isEqualTo(408);
        assertThat(r.json().get("code").asText()).isEqualTo("TIMEOUT");
        assertThat(seconds).isBetween(15L, 17L);
        assertThat(http.delete("/api/v2/o/acme/functions/js/eighteen-seconds", ana).status()).isEqualTo(204);
    }

    static final class OnH2 extends UdfExtensionsApiTest {
        @Override
        MetadataDatabase database() {
            return MetadataDatabase.H2;
        }
    }

    static final class OnPostgres extends UdfExtensionsApiTest {
        @Override
        MetadataDatabase database() {
            return MetadataDatabase.POSTGRES;
        }
    }
}
