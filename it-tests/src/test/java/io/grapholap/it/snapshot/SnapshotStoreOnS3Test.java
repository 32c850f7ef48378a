package io.grapholap.it.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.grapholap.application.instance.ReconciliationJob;
import io.grapholap.it.support.Http;
import io.grapholap.it.support.MetadataDatabase;
import io.grapholap.it.support.RunningServer;
import io.grapholap.snapshot.s3.S3ProxyServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The server with its snapshot store in S3 ({@code GRAPHOLAP_SNAPSHOT_STORE=s3://…}) on a real
 * S3-compatible server (S3Proxy) the test starts: an export lands in the bucket with its manifest,
 * an instance loads it, a corrupt or missing object refuses the instance with SNAPSHOT_INVALID naming
 * the file, a delete leaves nothing in the bucket, and reconciliation removes a snapshot published
 * without its manifest. A small mapping keeps it to seconds;
 * {@code DatasetApiTest.OnS3} runs the dataset uploads against the same kind of store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SnapshotStoreOnS3Test {

    private static final String BUCKET = "store-it";
    private static final String PREFIX = "grapholap/snapshots/";

    private S3ProxyServer s3;
    private S3Client bucket;
    private RunningServer server;
    private Http http;
    private String admin;
    private long mapping;

    @BeforeAll
    void start() throws Exception {
        s3 = S3ProxyServer.start(null);
        bucket = s3.client();
        server = RunningServer.start(MetadataDatabase.H2, s3.serverEnvironment(BUCKET, "grapholap"),
                Map.of("grapholap.jobs.reconciliation-grace", "0s"));
        http = server.http();
        admin = http.adminToken();
        var created = http.post("/api/mappings", Map.of("name", "small " + UUID.randomUUID(),
                "node_definitions", List.of(
                        Map.of("label", "Customer", "sql", "SELECT customer_id, name FROM customers WHERE customer_id <= 40",
                                "primary_key", Map.of("name", "customer_id", "type", "INT64"),
                                "properties", List.of(Map.of("name", "name", "type", "STRING"))),
                        Map.of("label", "Account", "sql", "SELECT account_id FROM accounts WHERE account_id <= 60",
                                "primary_key", Map.of("name", "account_id", "type", "INT64"), "properties", List.of())),
                "edge_definitions", List.of(Map.of("type", "OWNS", "from_node", "Customer", "to_node", "Account",
                        "sql", "SELECT customer_id, account_id FROM account_owners WHERE customer_id <= 40 AND account_id <= 60",
                        "from_key", "customer_id", "to_key", "account_id", "properties", List.of()))), admin);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        mapping = created.data().get("id").asLong();
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            if (bucket != null) {
                bucket.close();
            }
            s3.close();
        }
    }

    @Test
    void anExportLandsInTheBucketAnInstanceLoadsItAndADeleteLeavesNothing() throws Exception {
        long id = readySnapshot("loaded");
        assertThat(objects(id)).containsExactlyInAnyOrder("manifest.json", "nodes-0.arrow", "nodes-1.arrow", "edges-0.arrow");
        JsonNode snapshot = http.get("/api/snapshots/" + id, admin).data();
        long vertices = snapshot.get("node_counts").get("Customer").asLong() + snapshot.get("node_counts").get("Account").asLong();
        assertThat(vertices).isEqualTo(100);

        forgetLocalCopy(id);
        long instance = startInstance(id);
        assertThat(awaitInstance(instance).get("status").asText()).isEqualTo("running");
        var count = http.post("/api/instances/" + instance + "/query", Map.of("query", "g.V().count()"), admin);
        assertThat(count.status()).as(count.body()).isEqualTo(200);
        assertThat(count.body()).contains(Long.toString(vertices));
        assertThat(http.delete("/api/instances/" + instance, admin).status()).isIn(200, 202, 204);
        awaitGone(instance);

        assertThat(http.delete("/api/snapshots/" + id, admin).status()).isEqualTo(204);
        assertThat(objects(id)).isEmpty();
        assertThat(localCopy(id)).doesNotExist();
    }

    @Test
    void aCorruptOrMissingObjectFailsTheInstanceNamingTheFile() throws Exception {
        long corrupt = readySnapshot("corrupt");
        byte[] original = bucket.getObjectAsBytes(b -> b.bucket(BUCKET).key(PREFIX + corrupt + "/nodes-0.arrow")).asByteArray();
        byte[] flipped = original.clone();
        flipped[flipped.length / 2] ^= 0x5A;
        bucket.putObject(b -> b.bucket(BUCKET).key(PREFIX + corrupt + "/nodes-0.arrow"), RequestBody.fromBytes(flipped));
        forgetLocalCopy(corrupt);
        // The create reads the manifest only and answers at once; the load job fetches and verifies the files.
        JsonNode failed = awaitInstance(startInstance(corrupt));
        assertThat(failed.get("status").asText()).as(failed.toString()).isEqualTo("failed");
        assertThat(failed.get("error_message").asText()).contains("nodes-0.arrow");

        long missing = readySnapshot("missing");
        bucket.deleteObject(b -> b.bucket(BUCKET).key(PREFIX + missing + "/edges-0.arrow"));
        forgetLocalCopy(missing);
        JsonNode gone = awaitInstance(startInstance(missing));
        assertThat(gone.get("status").asText()).as(gone.toString()).isEqualTo("failed");
        assertThat(gone.get("error_message").asText()).contains("edges-0.arrow");
    }

    @Test
    void aHalfPublishedSnapshotInTheBucketIsRemovedByReconciliation() throws Exception {
        String orphan = PREFIX + "987654/";
        bucket.putObject(b -> b.bucket(BUCKET).key(orphan + "nodes-0.arrow"), RequestBody.fromBytes(new byte[] {1, 2, 3}));
        assertThat(objects(987654)).containsExactly("nodes-0.arrow");

        var triggered = http.post("/api/ops/jobs/trigger", Map.of("job_name", ReconciliationJob.NAME, "reason", "it-test"), admin);
        assertThat(triggered.status()).as(triggered.body()).isEqualTo(202);
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!objects(987654).isEmpty()) {
            assertThat(System.nanoTime()).as("the orphan removed within 30 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private long readySnapshot(String name) throws InterruptedException {
        var created = http.post("/api/snapshots", Map.of("mapping_id", mapping, "name", name), admin);
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        long id = created.data().get("id").asLong();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            JsonNode s = http.get("/api/snapshots/" + id, admin).data();
            if (s.get("status").asText().equals("ready")) {
                return id;
            }
            assertThat(s.get("status").asText()).as(s.toString()).isNotEqualTo("failed");
            assertThat(System.nanoTime()).as("snapshot %d ready within 60 s", id).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private long startInstance(long snapshot) {
        var created = http.post("/api/instances", Map.of("snapshot_id", snapshot, "name", "from s3", "ttl", "PT1H"), admin);
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        return created.data().get("id").asLong();
    }

    private JsonNode awaitInstance(long id) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            JsonNode s = http.get("/api/instances/" + id, admin).data();
            String status = s.get("status").asText();
            if (status.equals("running") || status.equals("failed") || status.equals("terminated")) {
                return s;
            }
            assertThat(System.nanoTime()).as("instance %d started within 60 s", id).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private void awaitGone(long id) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            var r = http.get("/api/instances/" + id, admin);
            if (r.status() == 404 || r.data().get("status").asText().equals("terminated")) {
                return;
            }
            assertThat(System.nanoTime()).as("instance %d terminated within 30 s", id).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private List<String> objects(long id) {
        String prefix = PREFIX + id + "/";
        return bucket.listObjectsV2(b -> b.bucket(BUCKET).prefix(prefix)).contents().stream()
                .map(S3Object::key).map(k -> k.substring(prefix.length())).toList();
    }

    private Path localCopy(long id) {
        return server.dataDir().resolve("store-cache").resolve("snapshots").resolve(Long.toString(id));
    }

    /** Drops this server's node-local copy, as on a server that did not write the snapshot. */
    private void forgetLocalCopy(long id) throws Exception {
        Path dir = localCopy(id);
        assertThat(dir.resolve("manifest.json")).exists();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
