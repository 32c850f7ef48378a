package io.grapholap.it.gremlin;

import static org.apache.tinkerpop.gremlin.process.traversal.AnonymousTraversalSource.traversal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grapholap.it.support.DemoInstance;
import io.grapholap.it.support.Http;
import io.grapholap.it.support.MetadataDatabase;
import io.grapholap.it.support.RunningServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.tinkerpop.gremlin.driver.Client;
import org.apache.tinkerpop.gremlin.driver.Cluster;
import org.apache.tinkerpop.gremlin.driver.Result;
import org.apache.tinkerpop.gremlin.driver.ResultSet;
import org.apache.tinkerpop.gremlin.driver.exception.ResponseException;
import org.apache.tinkerpop.gremlin.driver.remote.DriverRemoteConnection;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.__;
import org.apache.tinkerpop.gremlin.structure.Vertex;
import org.apache.tinkerpop.gremlin.util.message.ResponseStatusCode;
import org.apache.tinkerpop.gremlin.util.ser.Serializers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * TinkerPop's own drivers against a real server's Gremlin endpoint ({@code /gremlin}): the Java
 * driver ({@code gremlin-driver}, the TinkerPop version we build with) with GraphBinary, GraphSON 3 and
 * GraphSON 2, and the official JavaScript driver from npm ({@code gremlin}, installed by {@code npm ci}
 * from {@code src/test/js/gremlin-driver}). The demo graph is loaded into a CPU instance of dora;
 * answers are compared with the HTTP query route's. The server keeps 3 000 rows per answer and serves
 * the endpoint on a dedicated port as well ({@code grapholap.gremlin-server.port}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class GremlinServerApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "analyst-password-123";
    private static final int MAX_ROWS = 3000;
    private static final Path JS_CHECK = Path.of("src/test/js/gremlin-driver");
    private static final String JS_DRIVER_VERSION = "3.7.4";

    private RunningServer server;
    private Http http;
    private String admin;
    private String dora;
    private long instance;
    private int gremlinPort;
    private final List<Cluster> clusters = new ArrayList<>();

    abstract MetadataDatabase database();

    @BeforeAll
    void start() throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            gremlinPort = free.getLocalPort();
        }
        server = RunningServer.start(database(), Map.of(), Map.of("grapholap.dataplane.max-rows", MAX_ROWS,
                "grapholap.gremlin-server.port", gremlinPort));
        http = server.http();
        admin = http.adminToken();
        for (String user : List.of("dora", "olaf")) {
            var r = http.post("/api/admin/users", Map.of("username", user, "password", PASSWORD, "roles", List.of("analyst")), admin);
            assertThat(r.status()).as(r.body()).isIn(200, 201);
        }
        dora = http.login("dora", PASSWORD);
        instance = DemoInstance.start(http, dora, "demo for the Gremlin endpoint");
    }

    @AfterAll
    void stop() {
        clusters.forEach(Cluster::close);
        server.close();
    }

    private Cluster cluster(String user, String password, Serializers serializer) {
        return cluster(http.base().getPort(), user, password, serializer);
    }

    private Cluster cluster(int port, String user, String password, Serializers serializer) {
        Cluster cluster = Cluster.build(http.base().getHost()).port(port).path("/gremlin")
                .credentials(user, password).serializer(serializer).create();
        clusters.add(cluster);
        return cluster;
    }

    private GraphTraversalSource g(Cluster cluster, long instanceId) {
        return traversal().withRemote(DriverRemoteConnection.using(cluster, "instance_" + instanceId));
    }

    private GraphTraversalSource doras(Serializers serializer) {
        return g(cluster("dora", PASSWORD, serializer), instance);
    }

    /** The rows of the HTTP query route for {@code query}. */
    private List<Object> overHttp(String query) {
        var r = http.post("/api/instances/" + instance + "/query", Map.of("query", query), dora);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<Object> values = new ArrayList<>();
        r.data().get("rows").forEach(row -> values.add(JSON.convertValue(row.get(0), Object.class)));
        return values;
    }

    private static ResponseException responseException(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof ResponseException e) {
                return e;
            }
        }
        throw new AssertionError("no ResponseException in " + thrown, thrown);
    }

    private String aCustomerName() {
        return (String) overHttp("g.V('Customer:1').values('name')").getFirst();
    }

    @Test
    void bytecodeAndScriptsInEverySerializerGiveTheAnswersOfTheHttpRoute() throws Exception {
        String name = aCustomerName();
        List<Object> countries = overHttp("g.V().hasLabel('Customer').has('name', '" + name.replace("'", "\\'") + "').values('country')");
        for (Serializers serializer : List.of(Serializers.GRAPHBINARY_V1, Serializers.GRAPHSON_V3, Serializers.GRAPHSON_V2)) {
            GraphTraversalSource g = doras(serializer);
            assertThat(g.V().hasLabel("Customer").count().next()).as(serializer.name()).isEqualTo(10_000L);
            assertThat(g.V().hasLabel("Customer").has("name", name).values("country").toList()).as(serializer.name())
                    .containsExactlyInAnyOrderElementsOf(countries);
            assertThat(g.V().hasLabel("Account").out("TRANSFER").out("TRANSFER").count().next()).as(serializer.name())
                    .isEqualTo(((Number) overHttp("g.V().hasLabel('Account').out('TRANSFER').out('TRANSFER').count()").getFirst()).longValue());
            Vertex customer = g.V("Customer:1").next();
            assertThat(customer.label()).isEqualTo("Customer");
            assertThat(customer.<String>value("name")).isEqualTo(name);
            Map<String, Object> projected = g.V("Customer:1").project("name", "accounts").by("name").by(__.out("OWNS").count()).next();
            assertThat(projected).containsEntry("name", name).containsKey("accounts");

            Client client = cluster("dora", PASSWORD, serializer).connect().alias("instance_" + instance);
            List<Result> merchants = client.submit("g.V().hasLabel(l).count()", Map.of("l", "Merchant")).all().get(30, TimeUnit.SECONDS);
            assertThat(merchants).singleElement().satisfies(r -> assertThat(r.getLong()).isEqualTo(2000L));
        }
        var audit = http.get("/api/admin/audit?actor=dora&action=GREMLIN&limit=100", admin);
        assertThat(audit.status()).as(audit.body()).isEqualTo(200);
        List<String> actions = new ArrayList<>();
        audit.data().forEach(e -> actions.add(e.get("action").asText() + " " + e.get("target_id").asText() + " " + e.get("status").asInt()));
        assertThat(actions).contains("GREMLIN bytecode " + instance + " 200", "GREMLIN eval " + instance + " 200")
                .anySatisfy(a -> assertThat(a).startsWith("GREMLIN authentication").endsWith(" 200"));
    }

    @Test
    void aResultLargerThanOneBatchArrivesWholeAndOnePastTheRowLimitIsCut() throws Exception {
        List<Object> names = doras(Serializers.GRAPHBINARY_V1).V().hasLabel("Merchant").values("name").toList();
        assertThat(names).hasSize(2000);

        Client client = cluster("dora", PASSWORD, Serializers.GRAPHBINARY_V1).connect().alias("instance_" + instance);
        ResultSet accounts = client.submit("g.V().hasLabel('Account').id()");
        assertThat(accounts.all().get(30, TimeUnit.SECONDS)).hasSize(MAX_ROWS);
        assertThat(accounts.statusAttributes().get(30, TimeUnit.SECONDS)).containsEntry("truncated", true)
                .containsEntry("maxRows", MAX_ROWS);
    }

    @Test
    void aQueryPastItsEvaluationTimeoutIs598() {
        GraphTraversalSource g = doras(Serializers.GRAPHBINARY_V1);
        Throwable thrown = catchThrowable(() -> g.with("evaluationTimeout", 300L).V().repeat(__.both()).times(12).path().count().next());

        assertThat(responseException(thrown).getResponseStatusCode()).isEqualTo(ResponseStatusCode.SERVER_ERROR_TIMEOUT);
        assertThat(g.V().hasLabel("Device").count().next()).as("the connection serves the next request").isEqualTo(8000L);
    }

    @Test
    void writesAreRefusedWith597AndChangeNothing() {
        GraphTraversalSource g = doras(Serializers.GRAPHSON_V3);
        Throwable thrown = catchThrowable(() -> g.addV("Customer").property("name", "mallory").iterate());

        ResponseException refused = responseException(thrown);
        assertThat(refused.getResponseStatusCode()).isEqualTo(ResponseStatusCode.SERVER_ERROR_EVALUATION);
        assertThat(refused.getMessage()).contains("read-only");
        assertThat(g.V().hasLabel("Customer").has("name", "mallory").count().next()).isZero();
    }

    @Test
    void badCredentialsAre401AndAnApiKeyServesAsThePassword() {
        Throwable thrown = catchThrowable(() -> g(cluster("dora", "not-the-password", Serializers.GRAPHBINARY_V1), instance)
                .V().count().next());
        assertThat(responseException(thrown).getResponseStatusCode()).isEqualTo(ResponseStatusCode.UNAUTHORIZED);

        var key = http.post("/api/auth/api-keys", Map.of("name", "gremlin driver"), dora);
        assertThat(key.status()).as(key.body()).isEqualTo(201);
        GraphTraversalSource keyed = g(cluster("dora", key.data().get("key").asText(), Serializers.GRAPHBINARY_V1), instance);
        assertThat(keyed.V().hasLabel("Merchant").count().next()).isEqualTo(2000L);
    }

    @Test
    void anInstanceTheUserMayNotUseIs403AndAnUnknownOneIs499() {
        Throwable foreign = catchThrowable(() -> g(cluster("olaf", PASSWORD, Serializers.GRAPHBINARY_V1), instance).V().count().next());
        ResponseException forbidden = responseException(foreign);
        assertThat(forbidden.getResponseStatusCode()).isEqualTo(ResponseStatusCode.FORBIDDEN);
        assertThat(forbidden.getMessage()).contains("only the owner (dora)");

        Throwable unknown = catchThrowable(() -> g(cluster("dora", PASSWORD, Serializers.GRAPHBINARY_V1), 987_654).V().count().next());
        assertThat(responseException(unknown).getResponseStatusCode()).isEqualTo(ResponseStatusCode.REQUEST_ERROR_INVALID_REQUEST_ARGUMENTS);
    }

    @Test
    void theDedicatedPortServesTheEndpointAndNothingElse() throws Exception {
        GraphTraversalSource g = g(cluster(gremlinPort, "dora", PASSWORD, Serializers.GRAPHBINARY_V1), instance);
        assertThat(g.V().hasLabel("Merchant").count().next()).isEqualTo(2000L);

        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://" + http.base().getHost() + ":" + gremlinPort + "/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(404);
        assertThat(http.get("/health", null).status()).as("the server's own port serves everything").isEqualTo(200);
    }

    @Test
    void theJavaScriptDriverFromNpmGetsTheAnswersOfTheHttpRoute() throws Exception {
        installJavaScriptDriver();
        String name = aCustomerName();
        List<Object> countries = overHttp("g.V().hasLabel('Customer').has('name', '" + name.replace("'", "\\'") + "').values('country')");
        Map<String, Object> first = (Map<String, Object>) JSON.convertValue(
                overHttp("g.V().hasLabel('Customer').has('name', '" + name.replace("'", "\\'") + "').limit(1)"
                        + ".project('name', 'country').by('name').by('country')").getFirst(), Map.class);

        ProcessBuilder node = new ProcessBuilder("node", "check.mjs").directory(JS_CHECK.toFile()).redirectErrorStream(true);
        node.environment().putAll(Map.of("GREMLIN_URL", "ws://" + http.base().getHost() + ":" + http.base().getPort() + "/gremlin",
                "GREMLIN_SOURCE", "instance_" + instance, "GREMLIN_USER", "dora", "GREMLIN_PASSWORD", PASSWORD,
                "GREMLIN_NAME", name));
        String output = run(node, 120);
        JsonNode answers = JSON.readTree(output.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElseThrow(
                () -> new AssertionError("check.mjs printed no answers:\n" + output)));

        for (String format : List.of("graphson3", "graphbinary")) {
            JsonNode a = answers.get(format);
            assertThat(a).as(format + " in " + output).isNotNull();
            assertThat(JSON.convertValue(a.get("countries"), List.class)).as(format).containsExactlyInAnyOrderElementsOf(countries);
            assertThat(a.get("merchants").asLong()).as(format).isEqualTo(2000L);
            assertThat(JSON.convertValue(a.get("project"), Map.class)).as(format).isEqualTo(first);
        }
        assertThat(answers.get("script").asLong()).isEqualTo(2000L);
        assertThat(answers.get("badCredentials").get("statusCode").asInt()).as(output).isEqualTo(401);
        assertThat(answers.get("badCredentials").get("message").asText()).contains("invalid username or password");
    }

    /** Installs the pinned npm package once per checkout, with the machine's Node.js ({@code npm ci}). */
    private static synchronized void installJavaScriptDriver() throws Exception {
        Path installed = JS_CHECK.resolve("node_modules/gremlin/package.json");
        if (Files.exists(installed) && JSON.readTree(installed.toFile()).path("version").asText().equals(JS_DRIVER_VERSION)) {
            return;
        }
        run(new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(JS_CHECK.toFile()).redirectErrorStream(true), 300);
    }

    private static String run(ProcessBuilder builder, int seconds) throws Exception {
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new AssertionError("'" + builder.command().getFirst() + "' could not be started: this test needs Node.js "
                    + "(18 or later) and npm on the PATH (see README, Requirements)", e);
        }
        process.getOutputStream().close();
        StringBuilder output = new StringBuilder();
        Thread reader = Thread.ofPlatform().daemon().start(() -> {
            try {
                output.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // the process ended; what was read is kept
            }
        });
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(builder.command() + " did not finish within " + seconds + " s");
        }
        reader.join(10_000);
        assertThat(process.exitValue()).as(builder.command() + " failed:\n" + output).isZero();
        return output.toString();
    }

    static final class OnH2 extends GremlinServerApiTest {
        @Override
        MetadataDatabase database() {
            return MetadataDatabase.H2;
        }
    }

    static final class OnPostgres extends GremlinServerApiTest {
        @Override
        MetadataDatabase database() {
            return MetadataDatabase.POSTGRES;
        }
    }
}
