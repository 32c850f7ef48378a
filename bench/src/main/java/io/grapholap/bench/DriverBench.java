package io.grapholap.bench;

import static org.apache.tinkerpop.gremlin.process.traversal.AnonymousTraversalSource.traversal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.apache.tinkerpop.gremlin.driver.Client;
import org.apache.tinkerpop.gremlin.driver.Cluster;
import org.apache.tinkerpop.gremlin.driver.remote.DriverRemoteConnection;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;
import org.apache.tinkerpop.gremlin.util.ser.Serializers;

/**
 * {@code ./grapholap bench driver}: the same two queries through the HTTP query route and through
 * TinkerPop's Java driver (bytecode and script, GraphBinary), one request at a time from one client:
 * a 2-hop count over the whole graph ({@code g.V().out().out().count()}) and a point lookup
 * ({@code g.V('Customer:<key>').values('name')}, keys drawn at random). It starts a server
 * ({@code ./grapholap serve}, demo source, H2 metadata, a fresh data directory), loads the demo graph
 * into a CPU instance, warms each route up, then times each request from send to last result. Prints a
 * table (p50, p90, p99, mean in milliseconds, requests per second) and writes it to
 * {@code bench/results/driver-<UTC time>.txt}.
 */
public final class DriverBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "driver-bench-admin-password";
    private static final int CUSTOMERS = 10_000;

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;
    private String token;

    private DriverBench(URI base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        int requests = 2000;
        int port = 18183;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--requests" -> requests = Integer.parseInt(args[++i]);
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "-h", "--help" -> {
                    System.out.println("""
                            ./grapholap bench driver [--requests 2000] [--port 18183]
                              a 2-hop count and a point lookup on the demo graph, through the HTTP query route and
                              through TinkerPop's Java driver (bytecode, script); --requests timed requests per
                              query and route (as many untimed before them); results in bench/results/driver-*.txt""");
                    return;
                }
                default -> {
                    System.err.println("unknown option " + args[i] + " (see --help)");
                    System.exit(2);
                }
            }
        }
        if (requests < 10 || requests > 1_000_000) {
            System.err.println("--requests must be between 10 and 1000000");
            System.exit(2);
        }
        Path data = Files.createTempDirectory("grapholap-driver-bench-");
        ProcessBuilder serve = new ProcessBuilder("./grapholap", "serve").redirectErrorStream(true)
                .redirectOutput(data.resolve("server.log").toFile());
        serve.environment().putAll(Map.of("GRAPHOLAP_DATA_DIR", data.toString(), "GRAPHOLAP_PORT", Integer.toString(port),
                "GRAPHOLAP_ADMIN_PASSWORD", PASSWORD));
        Process server = serve.start();
        try {
            DriverBench bench = new DriverBench(URI.create("http://127.0.0.1:" + port));
            bench.run(requests, server, data);
        } finally {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    private void run(int requests, Process server, Path data) throws Exception {
        awaitHealth(server, data);
        token = post("/api/auth/login", Map.of("username", "admin", "password", PASSWORD)).get("access_token").asText();
        ObjectNode demo = (ObjectNode) JSON.readTree(Files.readString(Path.of("docs/demo-mapping.json")));
        long mapping = post("/api/mappings", demo).get("data").get("id").asLong();
        long snapshot = post("/api/snapshots", Map.of("mapping_id", mapping, "name", "driver bench")).get("data").get("id").asLong();
        awaitStatus("/api/snapshots/" + snapshot, "ready");
        long instance = post("/api/instances", Map.of("snapshot_id", snapshot, "name", "driver bench")).get("data").get("id").asLong();
        awaitStatus("/api/instances/" + instance, "running");

        String twoHop = "g.V().out().out().count()";
        long[] keys = new SplittableRandom(1).longs(2L * requests, 1, CUSTOMERS + 1).toArray();
        IntFunction<String> lookup = i -> "g.V('Customer:" + keys[i] + "').values('name')";

        Cluster cluster = Cluster.build(base.getHost()).port(base.getPort()).path("/gremlin")
                .credentials("admin", PASSWORD).serializer(Serializers.GRAPHBINARY_V1).create();
        List<String> rows = new ArrayList<>();
        long expected;
        try {
            GraphTraversalSource g = traversal().withRemote(DriverRemoteConnection.using(cluster, "instance_" + instance));
            Client client = cluster.connect().alias("instance_" + instance);
            String path = "/api/instances/" + instance + "/query";
            expected = query(path, twoHop).get(0).asLong();
            check(g.V().out().out().count().next() == expected, "the driver's 2-hop count differs from HTTP's");

            rows.add(row("2-hop count", "HTTP POST /query (JSON)", time(requests, i -> query(path, twoHop))));
            rows.add(row("2-hop count", "driver, bytecode", time(requests, i -> g.V().out().out().count().next())));
            rows.add(row("2-hop count", "driver, script", time(requests, i -> client.submit(twoHop).one().getLong())));
            rows.add(row("point lookup", "HTTP POST /query (JSON)", time(requests, i -> query(path, lookup.apply(i)))));
            rows.add(row("point lookup", "driver, bytecode",
                    time(requests, i -> g.V("Customer:" + keys[i]).values("name").next())));
            rows.add(row("point lookup", "driver, script",
                    time(requests, i -> client.submit("g.V(k).values('name')", Map.of("k", "Customer:" + keys[i])).one().getString())));
        } finally {
            cluster.close();
        }
        report(requests, expected, rows);
    }

    private void report(int requests, long twoHopPaths, List<String> rows) throws IOException {
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now());
        StringBuilder out = new StringBuilder();
        out.append("# GraphOLAP driver bench, ").append(Instant.now()).append('\n');
        out.append("# machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, load average ")
                .append(Files.readString(Path.of("/proc/loadavg")).trim()).append("; JVM ").append(System.getProperty("java.version"))
                .append('\n');
        out.append("# demo graph (35 000 vertices, 83 000 edges, ").append(twoHopPaths).append(" 2-hop paths) on one CPU instance; ")
                .append(requests)
                .append(" timed requests per row after as many untimed; one client, one request at a time\n\n");
        out.append("| query | route | p50 ms | p90 ms | p99 ms | mean ms | requests/s |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|\n");
        rows.forEach(r -> out.append(r).append('\n'));
        PrintStream console = System.out;
        console.print(out);
        Path results = Path.of("bench/results");
        Files.createDirectories(results);
        Files.writeString(results.resolve("driver-" + stamp + ".txt"), out.toString());
        console.println("\nwritten to bench/results/driver-" + stamp + ".txt");
    }

    @FunctionalInterface
    private interface Call {
        Object run(int i) throws Exception;
    }

    /** Nanoseconds of {@code requests} calls, after as many untimed ones. */
    private static long[] time(int requests, Call call) throws Exception {
        for (int i = 0; i < requests; i++) {
            call.run(requests + i);
        }
        long[] nanos = new long[requests];
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            call.run(i);
            nanos[i] = System.nanoTime() - start;
        }
        return nanos;
    }

    private static String row(String query, String route, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
        return String.format(Locale.ROOT, "| %s | %s | %.2f | %.2f | %.2f | %.2f | %.0f |", query, route,
                percentile(sorted, 0.50), percentile(sorted, 0.90), percentile(sorted, 0.99), mean, 1000 / mean);
    }

    private static double percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    private JsonNode query(String path, String gremlin) throws Exception {
        JsonNode rows = post(path, Map.of("query", gremlin)).get("data").get("rows");
        check(rows.size() == 1, "expected one row from " + gremlin + ", got " + rows);
        return rows.get(0);
    }

    private JsonNode post(String path, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        check(response.statusCode() / 100 == 2, "POST " + path + " answered " + response.statusCode() + ": " + response.body());
        return JSON.readTree(response.body());
    }

    private void awaitStatus(String path, String wanted) throws Exception {
        for (int i = 0; i < 1200; i++) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            String status = JSON.readTree(r.body()).path("data").path("status").asText();
            if (status.equals(wanted)) {
                return;
            }
            check(!status.equals("failed") && !status.equals("terminated"), path + " is " + status + ": " + r.body());
            Thread.sleep(100);
        }
        throw new IllegalStateException(path + " did not become " + wanted + " within 120 s");
    }

    private void awaitHealth(Process server, Path data) throws Exception {
        for (int i = 0; i < 1200; i++) {
            check(server.isAlive(), "the server stopped; its log: " + data.resolve("server.log"));
            try {
                if (http.send(HttpRequest.newBuilder(base.resolve("/health")).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the server did not answer /health within 5 minutes; log: " + data.resolve("server.log"));
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
