package io.grapholap.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.grapholap.application.graph.CancellationToken;
import io.grapholap.it.support.Http;
import io.grapholap.it.support.MetadataDatabase;
import io.grapholap.it.support.ServerProcess;
import io.grapholap.it.support.SourcePostgres;
import io.grapholap.snapshot.arrow.SnapshotFiles;
import io.grapholap.snapshot.arrow.SnapshotManifest;
import io.grapholap.snapshot.s3.S3ProxyServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Two server nodes (child processes) on one PostgreSQL metadata schema and one S3 snapshot store
 * (S3Proxy in this JVM), each with its own data directory (its local cache), with a 5 s export
 * lease, a 3 s dead-after and a 1 s lifecycle job. Both nodes list each other alive; an API key
 * revoked on one is refused on the other within a second; the cluster-wide jobs record the node
 * that ran them. An instance created through node B is placed on a node, served at its
 * {@code instance_url}, and a query sent to the other node is answered through the proxy, naming the
 * node that ran it. Last, a snapshot created through node A is exported by whichever node claims it;
 * that node gets {@code kill -9} in the middle of the export, and the other node takes the claim over
 * when the lease runs out and exports the snapshot again from scratch: ready within the lease + 30 s,
 * every row counted, the published files' checksums intact, attempts 2 and the survivor as the
 * claiming node in the export-job view, the killed node shown dead; the earlier instance still
 * answers when its node survived, or fails naming the killed node; and an instance of the new
 * snapshot created through the survivor loads there and answers at its {@code instance_url}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterExportTest {

    private static final long NODES = 100_000;
    private static final long EDGES = 2_000_000;
    private static final Duration LEASE = Duration.ofSeconds(5);
    private static final Duration WAIT = Duration.ofSeconds(120);

    private static final String BUCKET = "cluster";
    private static final String PREFIX = "store";

    private SourcePostgres source;
    private S3ProxyServer s3;
    private Path dataB;
    private ServerProcess a;
    private ServerProcess b;
    private String admin;
    private long firstInstance;
    private String firstNode;

    @BeforeAll
    void startCluster() {
        source = SourcePostgres.create();
        source.execute(
                "CREATE TABLE cluster_nodes_src AS SELECT g::bigint AS id FROM generate_series(1, " + NODES + ") g",
                "CREATE TABLE cluster_edges_src AS SELECT (g::bigint % " + NODES + " + 1) AS src, (g::bigint * 7919 % " + NODES
                        + " + 1) AS dst FROM generate_series(1, " + EDGES + ") g",
                "ANALYZE cluster_nodes_src",
                "ANALYZE cluster_edges_src");
        try {
            s3 = S3ProxyServer.start(null);
            dataB = Files.createTempDirectory("grapholap-node-b-");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> environment = new HashMap<>(source.environment());
        environment.putAll(s3.serverEnvironment(BUCKET, PREFIX));
        environment.put("GRAPHOLAP_JWT_SECRET", "cluster-test-secret-shared-by-every-node-0123456789");
        a = ServerProcess.create(MetadataDatabase.POSTGRES, environment);
        b = a.sibling(Map.of("GRAPHOLAP_DATA_DIR", dataB.toString()));
        a.start(node("node-a"));
        b.start(node("node-b"));
        admin = a.http().adminToken();
    }

    @AfterAll
    void stopCluster() {
        for (AutoCloseable resource : new AutoCloseable[] {b, a, source, s3, () -> deleteTree(dataB)}) {
            try {
                if (resource != null) {
                    resource.close();
                }
            } catch (Exception e) {
                System.out.println("[cluster] could not close " + resource + ": " + e);
            }
        }
    }

    private static Map<String, String> node(String id) {
        return Map.of("grapholap.node.id", id, "grapholap.export.lease", LEASE.toString(),
                "grapholap.export.claim-interval", "PT1S", "grapholap.node.heartbeat-interval", "PT1S",
                "grapholap.node.dead-after", "PT3S", "grapholap.instances.lifecycle-interval", "PT1S");
    }

    private static void deleteTree(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Test
    @Order(1)
    void eachNodeListsEveryNodeAliveWithItsUrl() {
        for (ServerProcess node : List.of(a, b)) {
            var nodes = node.http().get("/api/cluster/nodes", admin);
            assertThat(nodes.status()).as(nodes.body()).isEqualTo(200);
            assertThat(nodes.data().findValuesAsText("id")).containsExactly("node-a", "node-b");
            assertThat(nodes.data().findValuesAsText("status")).containsOnly("alive");
            for (JsonNode n : nodes.data()) {
                ServerProcess which = n.get("id").asText().equals("node-a") ? a : b;
                assertThat(n.get("url").asText()).endsWith(":" + which.http().base().getPort());
                assertThat(n.get("self").asBoolean()).isEqualTo(which == node);
                assertThat(n.get("engines")).isNotEmpty();
                assertThat(n.get("memory_budget_bytes").asLong()).isPositive();
            }
            var state = node.http().get("/api/ops/state", admin);
            assertThat(state.data().get("nodes").findValuesAsText("id")).containsExactly("node-a", "node-b");
        }
    }

    @Test
    @Order(2)
    void aKeyRevokedOnOneNodeIsRefusedOnTheOtherWithinASecond() throws InterruptedException {
        var created = a.http().post("/api/auth/api-keys", Map.of("name", "cluster"), admin);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String key = created.data().get("key").asText();
        String id = created.data().get("id").asText();
        assertThat(b.http().get("/api/auth/me", key).status()).as("accepted, and now in node B's cache").isEqualTo(200);
        assertThat(b.http().get("/api/auth/me", key).status()).isEqualTo(200);

        assertThat(a.http().delete("/api/auth/api-keys/" + id, admin).status()).isEqualTo(204);
        long revoked = System.nanoTime();
        int status = 200;
        while (status == 200 && System.nanoTime() - revoked < Duration.ofSeconds(1).toNanos()) {
            status = b.http().get("/api/auth/me", key).status();
        }
        long millis = (System.nanoTime() - revoked) / 1_000_000;
        System.out.printf("[cluster] key revoked on node-a refused on node-b after %d ms%n", millis);
        assertThat(status).as("node B after " + millis + " ms").isEqualTo(401);
    }

    @Test
    @Order(3)
    void theClusterWideJobsRecordTheNodeThatRanThem() throws InterruptedException {
        for (ServerProcess node : List.of(a, b)) {
            var triggered = node.http().post("/api/ops/jobs/trigger", Map.of("job_name", "lifecycle"), admin);
            // 409 INVALID_STATE: the job is running on this node right now (here it runs every second)
            assertThat(triggered.status()).as(triggered.body()).isIn(202, 409, 429);
            if (triggered.status() == 409) {
                assertThat(triggered.body()).contains("INVALID_STATE");
            }
        }
        for (ServerProcess node : List.of(a, b)) {
            JsonNode lifecycle = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline) {
                lifecycle = job(node, "lifecycle");
                if (lifecycle.get("runs").asLong() > 0 && !lifecycle.get("running").asBoolean()) {
                    break;
                }
                Thread.sleep(100);
            }
            assertThat(lifecycle.get("one_per_cluster").asBoolean()).isTrue();
            assertThat(lifecycle.get("last_node").asText()).as(lifecycle.toString()).isIn("node-a", "node-b");
            assertThat(job(node, "schema_cache").get("one_per_cluster").asBoolean()).isFalse();
        }
    }

    private JsonNode job(ServerProcess node, String name) {
        for (JsonNode j : node.http().get("/api/ops/jobs/status", admin).data().get("jobs")) {
            if (j.get("name").asText().equals(name)) {
                return j;
            }
        }
        throw new AssertionError("no job " + name);
    }

    @Test
    @Order(4)
    void anInstanceCreatedThroughBIsServedAtItsInstanceUrlAndThroughTheOtherNodeByProxy() throws Exception {
        long snapshot = createSnapshot(a.http(), admin, "small", " WHERE id <= 1000", " WHERE src <= 1000 AND dst <= 1000");
        awaitReady(a, admin, snapshot, 1000, -1, WAIT);
        var created = b.http().post("/api/instances", Map.of("snapshot_id", snapshot, "name", "through b"), admin);
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        firstInstance = created.data().get("id").asLong();
        firstNode = created.data().get("node_id").asText();
        assertThat(firstNode).as("placed on a live node with room; node B has room, so it keeps it").isEqualTo("node-b");
        JsonNode running = awaitInstance(b.http(), admin, firstInstance);
        assertThat(running.get("status").asText()).as(running.toString()).isEqualTo("running");
        ServerProcess owner = firstNode.equals("node-a") ? a : b;
        ServerProcess other = owner == a ? b : a;
        for (ServerProcess asked : List.of(a, b)) {
            JsonNode seen = asked.http().get("/api/instances/" + firstInstance, admin).data();
            assertThat(seen.get("node_id").asText()).isEqualTo(firstNode);
            assertThat(seen.get("instance_url").asText()).as("the owner's URL, whichever node is asked")
                    .endsWith(":" + owner.http().base().getPort() + "/api/instances/" + firstInstance);
        }

        Map<String, Object> query = Map.of("query", "MATCH (v:V) RETURN count(v) AS n");
        var direct = owner.http().post("/api/instances/" + firstInstance + "/query", query, admin);
        assertThat(direct.status()).as(direct.body()).isEqualTo(200);
        assertThat(direct.headers().get("X-Grapholap-Node")).containsExactly(firstNode);
        var proxied = other.http().post("/api/instances/" + firstInstance + "/query", query, admin);
        assertThat(proxied.status()).as(proxied.body()).isEqualTo(200);
        assertThat(proxied.headers().get("X-Grapholap-Node")).as("run by the owner, through the proxy").containsExactly(firstNode);
        assertThat(proxied.data().get("rows")).isEqualTo(direct.data().get("rows"));
        assertThat(proxied.data().get("rows").get(0).get(0).asLong()).isEqualTo(1000);
        var unauthenticated = other.http().post("/api/instances/" + firstInstance + "/query", query, null);
        assertThat(unauthenticated.status()).as("refused where it lands, not forwarded").isEqualTo(401);

        JsonNode nodes = other.http().get("/api/cluster/nodes", admin).data();
        for (JsonNode n : nodes) {
            assertThat(n.get("instances").asLong()).as(n.toString()).isEqualTo(n.get("id").asText().equals(firstNode) ? 1 : 0);
        }
    }

    @Test
    @Order(5)
    void theOtherNodeFinishesTheExportOfAKilledNode() throws Exception {
        long id = createSnapshot(a.http(), admin, "cluster", "", "");

        JsonNode claim = awaitJob(a.http(), admin, id, j -> j.get("status").asText().equals("claimed"));
        String claimer = claim.get("claimed_by").asText();
        assertThat(claimer).isIn("node-a", "node-b");
        assertThat(claim.get("attempts").asInt()).isEqualTo(1);
        ServerProcess victim = claimer.equals("node-a") ? a : b;
        ServerProcess survivor = victim == a ? b : a;
        String survivorId = victim == a ? "node-b" : "node-a";
        System.out.printf("[cluster] snapshot %d claimed by %s; killing it mid-export%n", id, claimer);

        awaitEdgeRows(survivor.http(), admin, id);
        victim.kill();
        long killed = System.nanoTime();

        JsonNode ready = awaitReady(survivor, admin, id, NODES, EDGES, LEASE.plusSeconds(30));
        System.out.printf("[cluster] %s finished snapshot %d %d ms after the kill%n", survivorId, id,
                (System.nanoTime() - killed) / 1_000_000);
        assertThat(ready.get("node_counts").get("V").asLong()).isEqualTo(NODES);
        assertThat(ready.get("edge_counts").get("E").asLong()).isEqualTo(EDGES);
        JsonNode done = awaitJob(survivor.http(), admin, id, j -> j.get("status").asText().equals("completed"));
        assertThat(done.get("claimed_by").asText()).isEqualTo(survivorId);
        assertThat(done.get("attempts").asInt()).as("the killed attempt and the survivor's").isEqualTo(2);

        Http http = survivor.http();
        if (firstNode.equals(claimer)) {
            JsonNode lost = awaitStatus(http, admin, firstInstance, "failed");
            assertThat(lost.get("error_message").asText()).as(lost.toString()).contains("node " + claimer);
        } else {
            var still = http.post("/api/instances/" + firstInstance + "/query", Map.of("query", "MATCH (v:V) RETURN count(v)"), admin);
            assertThat(still.status()).as(still.body()).isEqualTo(200);
        }
        var instance = http.post("/api/instances", Map.of("snapshot_id", id, "name", "after takeover"), admin);
        assertThat(instance.status()).as(instance.body()).isEqualTo(202);
        JsonNode running = awaitInstance(http, admin, instance.data().get("id").asLong());
        assertThat(running.get("status").asText()).as(running.toString()).isEqualTo("running");
        String instanceUrl = running.get("instance_url").asText();
        assertThat(running.get("node_id").asText()).as("the only live node").isEqualTo(survivorId);
        assertThat(instanceUrl).as("the node it was created through, which loaded it").startsWith(http.base().toString());
        var health = http.get(java.net.URI.create(instanceUrl).getPath() + "/health", admin);
        assertThat(health.status()).as(health.body()).isEqualTo(200);

        JsonNode nodes = http.get("/api/cluster/nodes", admin).data();
        for (JsonNode n : nodes) {
            String expected = n.get("id").asText().equals(survivorId) ? "alive" : "dead";
            assertThat(n.get("status").asText()).as(n.toString()).isEqualTo(expected);
        }
    }

    private static long createSnapshot(Http http, String admin, String name, String nodeFilter, String edgeFilter) {
        Map<String, Object> mapping = Map.of(
                "name", name,
                "node_definitions", List.of(Map.of("label", "V", "sql", "SELECT id FROM cluster_nodes_src" + nodeFilter,
                        "primary_key", Map.of("name", "id", "type", "INT64"))),
                "edge_definitions", List.of(Map.of("type", "E", "from_node", "V", "to_node", "V",
                        "sql", "SELECT src, dst FROM cluster_edges_src" + edgeFilter, "from_key", "src", "to_key", "dst")));
        var created = http.post("/api/mappings", mapping, admin);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var snapshot = http.post("/api/snapshots", Map.of("mapping_id", created.data().get("id").asLong(), "name", name), admin);
        assertThat(snapshot.status()).as(snapshot.body()).isEqualTo(202);
        return snapshot.data().get("id").asLong();
    }

    /** The first export job of snapshot {@code id} that {@code wanted} accepts, polled on {@code http}. */
    private static JsonNode awaitJob(Http http, String admin, long id, java.util.function.Predicate<JsonNode> wanted)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            var jobs = http.get("/api/ops/export-jobs?limit=100", admin);
            assertThat(jobs.status()).as(jobs.body()).isEqualTo(200);
            for (JsonNode job : jobs.data()) {
                if (job.get("snapshot_id").asLong() == id) {
                    last = job;
                    if (wanted.test(job)) {
                        return job;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no export job of snapshot " + id + " as wanted; last seen " + last);
    }

    /** Waits until the export has written some edge rows (asked through the node that will survive). */
    private static void awaitEdgeRows(Http http, String admin, long id) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode progress = null;
        while (System.nanoTime() < deadline) {
            progress = http.get("/api/snapshots/" + id + "/progress", admin).data();
            assertThat(progress.get("status").asText()).as("the export ended before it could be killed: " + progress)
                    .isIn("pending", "creating");
            if (progress.get("steps").path(1).path("rows").asLong() > 0) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the export wrote no edge rows within " + WAIT + ": " + progress);
    }

    /**
     * Polls on {@code server} until the snapshot is ready, then downloads its published files from
     * the store and checks them against their manifest (rows, and checksums); {@code edges} -1: any.
     */
    private JsonNode awaitReady(ServerProcess server, String admin, long id, long nodes, long edges, Duration limit)
            throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        JsonNode s = null;
        while (System.nanoTime() < deadline) {
            s = server.http().get("/api/snapshots/" + id, admin).data();
            String status = s.get("status").asText();
            if (status.equals("ready")) {
                Path dir = download(id);
                try {
                    SnapshotManifest manifest = SnapshotManifest.read(dir);
                    assertThat(manifest.vertexRows()).isEqualTo(nodes);
                    if (edges >= 0) {
                        assertThat(manifest.edgeRows()).isEqualTo(edges);
                    }
                    SnapshotFiles.verify(dir, manifest, true, null, CancellationToken.create());
                } finally {
                    deleteTree(dir);
                }
                return s;
            }
            assertThat(status).as(s.toString()).isIn("pending", "creating");
            Thread.sleep(100);
        }
        throw new AssertionError("snapshot " + id + " not ready within " + limit + ": " + s + "\nsurvivor log tail:\n"
                + server.logTail(30));
    }

    /** The published files of snapshot {@code id} in the bucket, downloaded into a fresh directory. */
    private Path download(long id) throws IOException {
        Path dir = Files.createTempDirectory("grapholap-published-");
        String folder = "/" + id + "/";
        try (S3Client client = s3.client()) {
            List<String> keys = client.listObjectsV2Paginator(r -> r.bucket(BUCKET).prefix(PREFIX + "/")).contents().stream()
                    .map(o -> o.key()).filter(k -> k.contains(folder)).toList();
            assertThat(keys).as("objects of snapshot " + id).anyMatch(k -> k.endsWith(folder + "manifest.json"));
            for (String key : keys) {
                client.getObject(r -> r.bucket(BUCKET).key(key), dir.resolve(key.substring(key.lastIndexOf('/') + 1)));
            }
        }
        return dir;
    }

    private static JsonNode awaitStatus(Http http, String admin, long id, String wanted) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode i = null;
        while (System.nanoTime() < deadline) {
            i = http.get("/api/instances/" + id, admin).data();
            if (i.get("status").asText().equals(wanted)) {
                return i;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("instance " + id + " not " + wanted + " after " + WAIT + ": " + i);
    }

    private static JsonNode awaitInstance(Http http, String admin, long id) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode i = null;
        while (System.nanoTime() < deadline) {
            i = http.get("/api/instances/" + id, admin).data();
            if (!i.get("status").asText().equals("starting")) {
                return i;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("instance " + id + " still starting after " + WAIT + ": " + i);
    }
}
