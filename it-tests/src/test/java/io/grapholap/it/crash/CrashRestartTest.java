package io.grapholap.it.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.grapholap.application.graph.CancellationToken;
import io.grapholap.snapshot.arrow.SnapshotFiles;
import io.grapholap.snapshot.arrow.SnapshotManifest;
import io.grapholap.it.support.Http;
import io.grapholap.it.support.MetadataDatabase;
import io.grapholap.it.support.ServerProcess;
import io.grapholap.it.support.SourcePostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code kill -9} in the middle of an export and while an instance is starting. The server runs as a child process over a PostgreSQL
 * source table large enough that the export is still writing edges when the process gets SIGKILL;
 * the next server on the same data directory and metadata database (H2 file or PostgreSQL) must
 * bring the snapshot to {@code failed} with a reason that says the server stopped (resume off) or
 * export it again to {@code ready} with every row (resume on, the default) — never leave it
 * {@code creating}, and never show as ready a directory that is not complete and intact. An
 * instance killed while {@code starting} is loaded again by the next server, up to {@code running}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CrashRestartTest {

    private static final long NODES = 100_000;
    private static final long EDGES = 2_000_000;
    private static final long WAIT_MILLIS = 240_000;

    private SourcePostgres source;

    abstract MetadataDatabase metadata();

    @BeforeAll
    void fillSource() {
        source = SourcePostgres.create();
        source.execute(
                "CREATE TABLE crash_nodes AS SELECT g::bigint AS id FROM generate_series(1, " + NODES + ") g",
                "CREATE TABLE crash_edges AS SELECT (g::bigint % " + NODES + " + 1) AS src, (g::bigint * 7919 % " + NODES + " + 1) AS dst "
                        + "FROM generate_series(1, " + EDGES + ") g",
                "ANALYZE crash_nodes",
                "ANALYZE crash_edges");
    }

    @AfterAll
    void dropSource() {
        if (source != null) {
            source.close();
        }
    }

    /**
     * Four servers on one data directory and metadata database: the first is killed mid-export;
     * the second (resume off) marks the snapshot failed, saying the server stopped, and removes the
     * half-written files; a retry on it is killed mid-export too; the third (resume on, the
     * default) exports it again and it ends ready with every row, then is killed while an instance
     * of that snapshot is starting; the fourth loads that instance again until it is running.
     */
    @Test
    void killedMidExportOrMidStartNothingStaysCreatingOrStarting() throws Exception {
        // A short export lease: on PostgreSQL the next server takes the killed one's exports over when it runs out.
        Map<String, String> environment = new java.util.HashMap<>(source.environment());
        environment.put("GRAPHOLAP_EXPORT_LEASE", "PT5S");
        try (ServerProcess server = ServerProcess.create(metadata(), environment)) {
            server.start();
            long id = createSnapshot(server.http(), server.http().adminToken());
            killMidway(server, id);

            server.start(Map.of("grapholap.export.resume-after-restart", "false"));
            Http http = server.http();
            String admin = http.adminToken();
            JsonNode failed = awaitEnd(server, admin, id);
            assertThat(failed.get("status").asText()).as(failed.toString()).isEqualTo("failed");
            assertThat(failed.get("error_message").asText()).contains("server stopped");
            assertThat(snapshotEntries(server)).isEmpty();

            var retry = http.post("/api/snapshots/" + id + "/retry", Map.of(), admin);
            assertThat(retry.status()).as(retry.body()).isEqualTo(202);
            killMidway(server, id);

            server.start();
            http = server.http();
            admin = http.adminToken();
            JsonNode ready = awaitEnd(server, admin, id);
            assertThat(ready.get("status").asText()).as(ready.toString()).isEqualTo("ready");
            assertThat(ready.get("node_counts").get("V").asLong()).isEqualTo(NODES);
            assertThat(ready.get("edge_counts").get("E").asLong()).isEqualTo(EDGES);
            assertThat(ready.get("error_message").isNull()).isTrue();
            assertThat(snapshotEntries(server)).containsExactly(Long.toString(id));
            JsonNode progress = http.get("/api/snapshots/" + id + "/progress", admin).data();
            assertThat(progress.get("progress_percent").asInt()).isEqualTo(100);

            var instance = http.post("/api/instances", Map.of("snapshot_id", id, "name", "crash"), admin);
            assertThat(instance.status()).as(instance.body()).isEqualTo(202);
            long instanceId = instance.data().get("id").asLong();
            JsonNode before = http.get("/api/instances/" + instanceId, admin).data();
            assertThat(before.get("status").asText()).as("killed while starting: " + before).isEqualTo("starting");
            server.kill();

            server.start();
            admin = server.http().adminToken();
            JsonNode running = awaitInstance(server, admin, instanceId);
            assertThat(running.get("status").asText()).as(running.toString()).isEqualTo("running");
            assertThat(running.get("snapshot_id").asLong()).isEqualTo(id);
            assertThat(running.get("memory_bytes").asLong()).isPositive();
        }
    }

    /** Polls the instance until it is running, failed or terminated; never starting for good. */
    private static JsonNode awaitInstance(ServerProcess server, String admin, long id) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        JsonNode i = null;
        while (System.currentTimeMillis() < deadline) {
            var response = server.http().get("/api/instances/" + id, admin);
            assertThat(response.status()).as("the instance after the restart: " + response).isEqualTo(200);
            i = response.data();
            String status = i.get("status").asText();
            if (!status.equals("starting")) {
                return i;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("instance " + id + " still starting after " + WAIT_MILLIS + " ms: " + i
                + "\nserver log tail:\n" + server.logTail(30));
    }

    /** Creates the mapping over the source tables and a snapshot of it; returns the snapshot id. */
    private static long createSnapshot(Http http, String admin) {
        Map<String, Object> mapping = Map.of(
                "name", "crash",
                "node_definitions", List.of(Map.of("label", "V", "sql", "SELECT id FROM crash_nodes",
                        "primary_key", Map.of("name", "id", "type", "INT64"))),
                "edge_definitions", List.of(Map.of("type", "E", "from_node", "V", "to_node", "V",
                        "sql", "SELECT src, dst FROM crash_edges", "from_key", "src", "to_key", "dst")));
        var created = http.post("/api/mappings", mapping, admin);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var snapshot = http.post("/api/snapshots", Map.of("mapping_id", created.data().get("id").asLong(), "name", "crash"), admin);
        assertThat(snapshot.status()).as(snapshot.body()).isEqualTo(202);
        return snapshot.data().get("id").asLong();
    }

    /**
     * Waits until the export of {@code id} has written some edge rows but is not done, and kills the
     * server; asserts that it left a half-written temporary directory and nothing published.
     */
    private static void killMidway(ServerProcess server, long id) throws Exception {
        Http http = server.http();
        String admin = http.adminToken();
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        JsonNode progress = null;
        while (System.currentTimeMillis() < deadline) {
            progress = http.get("/api/snapshots/" + id + "/progress", admin).data();
            assertThat(progress.get("status").asText()).as("the export ended before it could be killed: " + progress)
                    .isIn("pending", "creating");
            if (progress.get("steps").path(1).path("rows").asLong() > 0) {
                break;
            }
            Thread.sleep(20);
        }
        server.kill();
        assertThat(progress.get("steps").path(1).path("rows").asLong()).as("edge rows written before the kill: " + progress)
                .isBetween(1L, EDGES - 1);
        assertThat(snapshotEntries(server)).as("a half-written temporary directory and nothing published")
                .singleElement().asString().startsWith("." + id + ".tmp-");
    }

    /**
     * Polls the snapshot until it is ready or failed; the moment it shows as ready, its directory's
     * manifest must hold every row and every file its recorded size and checksum.
     */
    private static JsonNode awaitEnd(ServerProcess server, String admin, long id) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        JsonNode s = null;
        while (System.currentTimeMillis() < deadline) {
            var response = server.http().get("/api/snapshots/" + id, admin);
            assertThat(response.status()).as("the snapshot after the restart: " + response).isEqualTo(200);
            s = response.data();
            String status = s.get("status").asText();
            if (status.equals("ready")) {
                Path dir = server.dataDir().resolve("snapshots").resolve(Long.toString(id));
                SnapshotManifest manifest = SnapshotManifest.read(dir);
                assertThat(manifest.vertexRows()).isEqualTo(NODES);
                assertThat(manifest.edgeRows()).isEqualTo(EDGES);
                SnapshotFiles.verify(dir, manifest, true, null, CancellationToken.create());
                return s;
            }
            if (status.equals("failed")) {
                return s;
            }
            assertThat(status).isIn("pending", "creating");
            Thread.sleep(100);
        }
        throw new AssertionError("snapshot " + id + " neither ready nor failed after " + WAIT_MILLIS + " ms: " + s
                + "\nserver log tail:\n" + server.logTail(30));
    }

    private static List<String> snapshotEntries(ServerProcess server) throws IOException {
        Path root = server.dataDir().resolve("snapshots");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(root)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static final class OnH2 extends CrashRestartTest {
        @Override
        MetadataDatabase metadata() {
            return MetadataDatabase.H2;
        }
    }

    static final class OnPostgres extends CrashRestartTest {
        @Override
        MetadataDatabase metadata() {
            return MetadataDatabase.POSTGRES;
        }
    }
}
