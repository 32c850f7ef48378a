package io.grapholap.it.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grapholap.application.dataset.DatasetCatalog;
import io.grapholap.application.dataset.DatasetRef;
import io.grapholap.application.graph.CancellationToken;
import io.grapholap.application.graph.GraphEngine;
import io.grapholap.application.graph.GraphInstance;
import io.grapholap.application.graph.LoadOptions;
import io.grapholap.application.graph.ProgressListener;
import io.grapholap.application.graph.snapshot.SnapshotReader;
import io.grapholap.application.graph.snapshot.StoredGraph;
import io.grapholap.application.security.Actor;
import io.grapholap.domain.user.Role;
import io.grapholap.it.support.Http;
import io.grapholap.it.support.MetadataDatabase;
import io.grapholap.it.support.RunningServer;
import io.grapholap.snapshot.s3.S3ProxyServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Datasets over real HTTP: the REST++ upsert twice (version 2 merges, version 1's files stay
 * byte-for-byte), CSV and Arrow IPC bulk uploads, the 400/413 paths with the field named, list, get
 * and delete, and a ready snapshot showing up as dataset {@code snapshot-<id>}. One server per
 * database, with small limits so the limit paths are cheap to reach.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DatasetApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Actor SAM = new Actor("sam", Set.of(Role.ANALYST), Set.of());

    private RunningServer server;
    private Http http;
    private String admin;
    private String analyst;

    abstract MetadataDatabase database();

    /** GRAPHOLAP_* variables that choose the dataset store (none: the data directory). */
    Map<String, String> storeEnvironment() throws Exception {
        return Map.of();
    }

    void stopStore() throws Exception {
    }

    @BeforeAll
    void start() throws Exception {
        server = RunningServer.start(database(), storeEnvironment(), Map.of("grapholap.datasets.max-body-bytes", 4096,
                "grapholap.datasets.max-vertices-per-call", 20, "grapholap.datasets.keep-versions", 3));
        http = server.http();
        admin = http.adminToken();
        var r = http.post("/api/admin/users", Map.of("username", "sam", "password", "analyst-password-123",
                "roles", List.of("analyst")), admin);
        assertThat(r.status()).as(r.body()).isIn(200, 201);
        analyst = http.login("sam", "analyst-password-123");
    }

    @AfterAll
    void stop() throws Exception {
        try {
            server.close();
        } finally {
            stopStore();
        }
    }

    private Http.Response upsert(String dataset, String json, String token) {
        return http.request("POST", "/graph/" + dataset).bearer(token).json(json).send();
    }

    private Http.Response send(String path, String contentType, byte[] body, String token) {
        try {
            HttpRequest request = HttpRequest.newBuilder(http.base().resolve(path)).header("Content-Type", contentType)
                    .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            return new Http.Response(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, Long> counts(JsonNode node) {
        Map<String, Long> counts = new HashMap<>();
        node.properties().forEach(e -> counts.put(e.getKey(), e.getValue().asLong()));
        return counts;
    }

    /** SHA-256 of every file under {@code dir}, by relative name. */
    private static Map<String, String> digests(Path dir) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(f).toString(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(Files.readAllBytes(f))));
            }
        }
        return out;
    }

    private static Map<Object, Object[]> byKey(StoredGraph.Nodes nodes) {
        Map<Object, Object[]> rows = new HashMap<>();
        nodes.rows().forEach(r -> rows.put(r[0], r));
        return rows;
    }

    @Test
    void upsertingTwiceWritesVersionTwoAndLeavesVersionOneAlone() throws Exception {
        var first = upsert("social", """
                {"vertices": {"User": {"u1": {"name": {"value": "Ann"}, "age": {"value": 31}}, "u2": {"name": {"value": "Bob"}}}},
                 "edges": {"User": {"u1": {"follows": {"User": {"u2": {"since": {"value": 2020}}}}}}}}""", analyst);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        JsonNode body = first.json();
        assertThat(body.get("error").asBoolean()).isFalse();
        assertThat(body.get("message").asText()).isEmpty();
        assertThat(body.get("version").get("api").asText()).isEqualTo("v2");
        assertThat(body.get("results").get(0).get("accepted_vertices").asLong()).isEqualTo(2);
        assertThat(body.get("results").get(0).get("accepted_edges").asLong()).isEqualTo(1);
        assertThat(body.get("results").get(0).get("dataset_version").asInt()).isEqualTo(1);

        DatasetCatalog catalog = server.bean(DatasetCatalog.class);
        DatasetRef v1 = catalog.resolve("social", SAM);
        assertThat(v1.version()).isEqualTo(1);
        Map<String, String> v1Files = digests(v1.directory());
        assertThat(v1Files).containsKey("manifest.json").hasSizeGreaterThanOrEqualTo(3);

        var second = upsert("social", """
                {"vertices": {"User": {"u2": {"age": {"value": 40}}, "u3": {"name": "Cy"}}},
                 "edges": {"User": {"u3": {"follows": {"User": {"u1": {}}}}, "u1": {"follows": {"User": {"u2": {"since": {"value": 2021}}}}}}}}""",
                analyst);
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(second.json().get("results").get(0).get("dataset_version").asInt()).isEqualTo(2);

        JsonNode got = http.get("/api/datasets/social", analyst).data();
        assertThat(got.get("kind").asText()).isEqualTo("upload");
        assertThat(got.get("owner").asText()).isEqualTo("sam");
        assertThat(got.get("current_version").asInt()).isEqualTo(2);
        assertThat(counts(got.get("node_counts"))).isEqualTo(Map.of("User", 3L));
        assertThat(counts(got.get("edge_counts"))).isEqualTo(Map.of("follows", 2L));
        assertThat(got.get("versions")).hasSize(2);
        assertThat(counts(got.get("versions").get(0).get("node_counts"))).isEqualTo(Map.of("User", 2L));
        assertThat(got.get("versions").get(1).get("created_by").asText()).isEqualTo("sam");

        DatasetRef v2 = catalog.resolve("social", SAM);
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.directory()).isNotEqualTo(v1.directory());
        assertThat(digests(v1.directory())).as("version 1 is immutable").isEqualTo(v1Files);

        StoredGraph stored = server.bean(SnapshotReader.class).read(v2.directory(), 1000);
        StoredGraph.Nodes users = stored.nodes().getFirst();
        assertThat(users.key().name()).isEqualTo("v_id");
        assertThat(users.properties()).extracting(p -> p.name() + ":" + p.type()).containsExactly("name:STRING", "age:INT64");
        Map<Object, Object[]> rows = byKey(users);
        assertThat(rows.get("u1")).containsExactly("u1", "Ann", 31L);
        assertThat(rows.get("u2")).as("u2 keeps its name, gets an age").containsExactly("u2", "Bob", 40L);
        assertThat(rows.get("u3")).containsExactly("u3", "Cy", null);
        StoredGraph.Edges follows = stored.edges().getFirst();
        assertThat(follows.rows()).extracting(r -> r[0] + ">" + r[1] + ":" + r[2])
                .containsExactlyInAnyOrder("u1>u2:2021", "u3>u1:null");

        GraphEngine engine = server.bean(GraphEngine.class, "cpu");
        try (GraphInstance graph = engine.load(v2.directory(), LoadOptions.defaults(), ProgressListener.NONE,
                CancellationToken.create())) {
            assertThat(graph.statistics().verticesPerLabel()).isEqualTo(Map.of("User", 3L));
            assertThat(graph.statistics().edgesPerType()).isEqualTo(Map.of("follows", 2L));
        }

        var instance = http.post("/api/instances", Map.of("dataset_id", "social", "name", "on social"), analyst);
        assertThat(instance.status()).as(instance.body()).isEqualTo(202);
        long instanceId = instance.data().get("id").asLong();
        JsonNode state = instance.data();
        for (int i = 0; i < 600 && state.get("status").asText().equals("starting"); i++) {
            Thread.sleep(100);
            state = http.get("/api/instances/" + instanceId, analyst).data();
        }
        assertThat(state.get("status").asText()).as(state.toString()).isEqualTo("running");
        assertThat(state.get("dataset_id").asText()).isEqualTo("social");
        var inUse = http.delete("/api/datasets/social", analyst);
        assertThat(inUse.status()).as(inUse.body()).isEqualTo(409);
        assertThat(inUse.errorCode()).isEqualTo("RESOURCE_HAS_DEPENDENCIES");
        assertThat(http.get("/api/datasets/social", analyst).status()).isEqualTo(200);
        assertThat(http.delete("/api/instances/" + instanceId, analyst).status()).isEqualTo(204);
        assertThat(http.delete("/api/datasets/social", analyst).status()).isEqualTo(204);
    }

    /** With keep-versions 3: the newest three stay, and an older one while a live instance loads from it. */
    @Test
    void oldVersionsAreRemovedUnlessALiveInstanceUsesThem() throws Exception {
        String oneVertex = "{\"vertices\": {\"T\": {\"v%d\": {}}}}";
        assertThat(upsert("pruned", oneVertex.formatted(1), analyst).status()).isEqualTo(200);
        var instance = http.post("/api/instances", Map.of("dataset_id", "pruned", "name", "on version 1"), analyst);
        assertThat(instance.status()).as(instance.body()).isEqualTo(202);
        long instanceId = instance.data().get("id").asLong();
        for (int v = 2; v <= 5; v++) {
            assertThat(upsert("pruned", oneVertex.formatted(v), analyst).status()).isEqualTo(200);
        }
        JsonNode kept = http.get("/api/datasets/pruned", analyst).data();
        assertThat(kept.get("versions").findValuesAsText("version")).containsExactly("1", "3", "4", "5");
        Path datasetDir = server.bean(DatasetCatalog.class).resolve("pruned", SAM).directory().getParent();
        try (var dirs = Files.list(datasetDir)) {
            assertThat(dirs.map(p -> p.getFileName().toString())).hasSize(4).noneMatch(n -> n.startsWith("v2-"));
        }

        assertThat(http.delete("/api/instances/" + instanceId, analyst).status()).isEqualTo(204);
        assertThat(upsert("pruned", oneVertex.formatted(6), analyst).status()).isEqualTo(200);
        JsonNode after = http.get("/api/datasets/pruned", analyst).data();
        assertThat(after.get("versions").findValuesAsText("version")).containsExactly("4", "5", "6");
        assertThat(after.get("current_version").asInt()).isEqualTo(6);
        try (var dirs = Files.list(datasetDir)) {
            assertThat(dirs.map(p -> p.getFileName().toString())).hasSize(3);
        }
    }

    @Test
    void compositeIdsAreKeyedByTheirPartsInOrder() throws Exception {
        var r = upsert("parts", """
                {"vertices": {"v3": [{"id": {"id": 3, "name": "c", "label": 300}}, {"id": [4, "d", 400], "attributes": {"w": 1.5}}]},
                 "edges": [{"from_type": "v3", "from_id": [3, "c", 300], "edge_type": "link", "to_type": "v3", "to_id": [4, "d", 400]}]}""",
                analyst);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode got = http.get("/api/datasets/parts", analyst).data();
        assertThat(counts(got.get("node_counts"))).isEqualTo(Map.of("v3", 2L));
        assertThat(counts(got.get("edge_counts"))).isEqualTo(Map.of("link", 1L));
        StoredGraph stored = server.bean(SnapshotReader.class).read(server.bean(DatasetCatalog.class).resolve("parts", SAM).directory(), 100);
        Map<Object, Object[]> rows = byKey(stored.nodes().getFirst());
        assertThat(rows).containsOnlyKeys("[3,\"c\",300]", "[4,\"d\",400]");
        assertThat(stored.nodes().getFirst().properties()).extracting(p -> p.name()).containsExactly("id", "name", "label", "w");
    }

    @Test
    void csvTablesUploadNodesThenEdgesAndJsonKeysFollowTheirType() {
        var nodes = send("/api/datasets/shop/nodes/Product", "text/csv",
                "sku,name,price\n1,Pen,1.5\n2,\"Ink, blue\",3\n".getBytes(StandardCharsets.UTF_8), analyst);
        assertThat(nodes.status()).as(nodes.body()).isEqualTo(200);
        assertThat(nodes.data().get("version").asInt()).isEqualTo(1);
        assertThat(nodes.data().get("accepted_vertices").asLong()).isEqualTo(2);

        var edges = send("/api/datasets/shop/edges/similar?from_label=Product&to_label=Product", "text/csv",
                "src,dst,score:FLOAT\n1,2,0.5\n2,3,\n".getBytes(StandardCharsets.UTF_8), analyst);
        assertThat(edges.status()).as(edges.body()).isEqualTo(200);
        assertThat(edges.data().get("version").asInt()).isEqualTo(2);
        assertThat(counts(edges.data().get("node_counts"))).as("vertex 3 created by the edge").isEqualTo(Map.of("Product", 3L));
        assertThat(counts(edges.data().get("edge_counts"))).isEqualTo(Map.of("similar", 2L));

        var json = upsert("shop", "{\"vertices\": {\"Product\": {\"1\": {\"price\": {\"value\": 2}}}}}", analyst);
        assertThat(json.status()).as(json.body()).isEqualTo(200);
        JsonNode got = http.get("/api/datasets/shop", analyst).data();
        assertThat(got.get("current_version").asInt()).isEqualTo(3);
        assertThat(counts(got.get("node_counts"))).as("\"1\" is the INT64 key 1").isEqualTo(Map.of("Product", 3L));

        var clash = upsert("shop", "{\"vertices\": {\"Product\": {\"x\": {}}}}", analyst);
        assertThat(clash.status()).as(clash.body()).isEqualTo(400);
        assertThat(clash.json().get("details").get("field").asText()).isEqualTo("Product.sku");
        var badCell = send("/api/datasets/shop/nodes/Product", "text/csv", "sku,price\n7,cheap\n8,1\n".getBytes(StandardCharsets.UTF_8),
                analyst);
        assertThat(badCell.status()).as(badCell.body()).isEqualTo(400);
        assertThat(badCell.json().get("error").get("details").get("field").asText()).isEqualTo("Product.price");
        var noLabels = send("/api/datasets/shop/edges/similar", "text/csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8), analyst);
        assertThat(noLabels.status()).as(noLabels.body()).isEqualTo(400);
        assertThat(noLabels.json().get("error").get("details").get("field").asText()).isEqualTo("from_label");
    }

    @Test
    void arrowStreamsUploadTypedColumns() throws Exception {
        byte[] stream;
        try (BufferAllocator allocator = new RootAllocator();
             BigIntVector id = new BigIntVector("id", allocator);
             VarCharVector name = new VarCharVector("name", allocator)) {
            for (int i = 0; i < 3; i++) {
                id.setSafe(i, 10 + i);
                name.setSafe(i, ("p" + i).getBytes(StandardCharsets.UTF_8));
            }
            name.setNull(2);
            id.setValueCount(3);
            name.setValueCount(3);
            try (VectorSchemaRoot root = new VectorSchemaRoot(List.of(id.getField(), name.getField()), List.of(id, name), 3)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (ArrowStreamWriter writer = new ArrowStreamWriter(root, null, out)) {
                    writer.start();
                    writer.writeBatch();
                    writer.end();
                }
                stream = out.toByteArray();
            }
        }
        var r = send("/api/datasets/arrowed/nodes/Person", "application/vnd.apache.arrow.stream", stream, analyst);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(counts(r.data().get("node_counts"))).isEqualTo(Map.of("Person", 3L));
        StoredGraph stored = server.bean(SnapshotReader.class).read(server.bean(DatasetCatalog.class).resolve("arrowed", SAM).directory(), 100);
        assertThat(stored.nodes().getFirst().key().type().name()).isEqualTo("INT64");
        assertThat(byKey(stored.nodes().getFirst()).get(11L)).containsExactly(11L, "p1");
        assertThat(byKey(stored.nodes().getFirst()).get(12L)).containsExactly(12L, null);

        var notArrow = send("/api/datasets/arrowed/nodes/Person", "application/vnd.apache.arrow.stream",
                "not arrow".getBytes(StandardCharsets.UTF_8), analyst);
        assertThat(notArrow.status()).as(notArrow.body()).isEqualTo(400);
        assertThat(notArrow.json().get("error").get("details").get("field").asText()).isEqualTo("body");
    }

    @Test
    void badUpsertsAnswer400Or413InTheRestppEnvelopeNamingTheField() {
        assertThat(upsert("typed", "{\"vertices\": {\"T\": {\"a\": {\"n\": {\"value\": 1}}}}}", analyst).status()).isEqualTo(200);

        var badJson = upsert("typed", "{\"vertices\": ", analyst);
        assertThat(badJson.status()).isEqualTo(400);
        assertThat(badJson.json().get("error").asBoolean()).isTrue();
        assertThat(badJson.json().get("code").asText()).isEqualTo("REST-1000");
        assertThat(badJson.json().get("details").get("field").asText()).isEqualTo("body");

        var clash = upsert("typed", "{\"vertices\": {\"T\": {\"b\": {\"n\": {\"value\": \"many\"}}}}}", analyst);
        assertThat(clash.status()).as(clash.body()).isEqualTo(400);
        assertThat(clash.json().get("error").asBoolean()).isTrue();
        assertThat(clash.json().get("details").get("field").asText()).isEqualTo("T.n");
        assertThat(clash.json().get("message").asText()).contains("INT64", "STRING");

        var widened = upsert("typed", "{\"vertices\": {\"T\": {\"b\": {\"n\": {\"value\": 2.5}}}}}", analyst);
        assertThat(widened.status()).as("an INT64 column widens to DOUBLE").isEqualTo(200);

        var tooLarge = upsert("typed", "{\"vertices\": {\"T\": {\"c\": {\"s\": {\"value\": \"" + "x".repeat(5000) + "\"}}}}}", analyst);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.json().get("details").get("field").asText()).isEqualTo("body");
        var tooLargeCsv = send("/api/datasets/typed/nodes/T", "text/csv", ("k\n" + "1\n".repeat(3000)).getBytes(StandardCharsets.UTF_8), analyst);
        assertThat(tooLargeCsv.status()).isEqualTo(413);
        assertThat(tooLargeCsv.json().get("error").get("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");

        StringBuilder many = new StringBuilder("{\"vertices\": {\"T\": {");
        for (int i = 0; i < 21; i++) {
            many.append(i == 0 ? "" : ",").append("\"m").append(i).append("\": {}");
        }
        var tooMany = upsert("typed", many.append("}}}").toString(), analyst);
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().get("details").get("field").asText()).isEqualTo("vertices");

        var badName = upsert("snapshot-7", "{\"vertices\": {\"T\": {\"a\": {}}}}", analyst);
        assertThat(badName.status()).isEqualTo(400);
        assertThat(badName.json().get("details").get("field").asText()).isEqualTo("dataset");
        var notOwner = upsert("typed", "{\"vertices\": {\"T\": {\"z\": {}}}}", admin);
        assertThat(notOwner.status()).as("admins may").isEqualTo(200);
        assertThat(upsert("typed", "{\"vertices\": {}}", analyst).status()).isEqualTo(400);
        assertThat(upsert("typed", "{}", null).status()).isEqualTo(401);
        var curlStyle = http.request("POST", "/graph/typed").header("Content-Type", "application/x-www-form-urlencoded")
                .bearer(analyst).json("{\"vertices\": {\"T\": {\"f\": {\"n\": {\"value\": 4}}}}}").send();
        assertThat(curlStyle.status()).as("curl -d sends JSON form-encoded: " + curlStyle.body()).isEqualTo(200);
        assertThat(http.get("/api/datasets/typed", analyst).data().get("current_version").asInt()).isEqualTo(4);
    }

    @Test
    void listsGetsAndDeletesUploadsAndShowsReadySnapshots() throws Exception {
        assertThat(upsert("doomed", "{\"vertices\": {\"T\": {\"a\": {}}}}", analyst).status()).isEqualTo(200);
        var mapping = http.post("/api/mappings", Map.of("name", "tiny customers " + System.nanoTime(),
                "node_definitions", List.of(Map.of("label", "Customer",
                        "sql", "SELECT customer_id FROM customers WHERE customer_id <= 5",
                        "primary_key", Map.of("name", "customer_id", "type", "INT64"), "properties", List.of())),
                "edge_definitions", List.of()), admin);
        assertThat(mapping.status()).as(mapping.body()).isEqualTo(201);
        var snapshot = http.post("/api/snapshots", Map.of("mapping_id", mapping.data().get("id").asLong(), "name", "tiny"), admin);
        assertThat(snapshot.status()).as(snapshot.body()).isEqualTo(202);
        long snapshotId = snapshot.data().get("id").asLong();
        for (int i = 0; i < 600 && !http.get("/api/snapshots/" + snapshotId, admin).data().get("status").asText().equals("ready"); i++) {
            Thread.sleep(100);
        }

        JsonNode asDataset = http.get("/api/datasets/snapshot-" + snapshotId, analyst).data();
        assertThat(asDataset.get("kind").asText()).isEqualTo("snapshot");
        assertThat(asDataset.get("name").asText()).isEqualTo("tiny");
        assertThat(counts(asDataset.get("node_counts"))).isEqualTo(Map.of("Customer", 5L));
        DatasetRef ref = server.bean(DatasetCatalog.class).resolve("snapshot-" + snapshotId, SAM);
        assertThat(ref.directory().resolve("manifest.json")).exists();
        assertThat(server.bean(DatasetCatalog.class).list(SAM, 100)).extracting(DatasetRef::id)
                .contains("snapshot-" + snapshotId, "doomed");

        var list = http.get("/api/datasets?limit=100", analyst);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.data().findValuesAsText("id")).contains("doomed", "snapshot-" + snapshotId);
        assertThat(list.json().get("meta").get("total").asLong()).isEqualTo(list.data().size());
        assertThat(list.json().get("meta").get("limit").asInt()).isEqualTo(100);
        var paged = http.get("/api/datasets?limit=1&offset=1&sort_order=asc", analyst);
        assertThat(paged.data()).hasSize(1);
        assertThat(paged.data().get(0).get("id").asText()).isEqualTo(http.get("/api/datasets?limit=2&sort_order=asc", analyst)
                .data().get(1).get("id").asText());
        assertThat(http.get("/api/datasets?limit=101", analyst).status()).isEqualTo(400);
        assertThat(http.get("/api/datasets?sort_by=name", analyst).status()).isEqualTo(400);

        Path files = server.bean(DatasetCatalog.class).resolve("doomed", SAM).directory().getParent();
        assertThat(http.delete("/api/datasets/snapshot-" + snapshotId, admin).errorCode()).isEqualTo("INVALID_STATE");
        assertThat(http.delete("/api/datasets/doomed", null).status()).isEqualTo(401);
        assertThat(upsert("admins", "{\"vertices\": {\"T\": {\"a\": {}}}}", admin).status()).isEqualTo(200);
        assertThat(http.delete("/api/datasets/admins", analyst).status()).isEqualTo(403);
        assertThat(http.delete("/api/datasets/doomed", analyst).status()).isEqualTo(204);
        assertThat(http.get("/api/datasets/doomed", analyst).errorCode()).isEqualTo("NOT_FOUND");
        assertThat(http.delete("/api/datasets/doomed", analyst).status()).isEqualTo(404);
        assertThat(files).doesNotExist();
        assertThat(http.get("/api/datasets/nothing-here", analyst).status()).isEqualTo(404);
    }

    static final class OnH2 extends DatasetApiTest {
        @Override
        MetadataDatabase database() {
            return MetadataDatabase.H2;
        }
    }

    static final class OnPostgres extends DatasetApiTest {
        @Override
        MetadataDatabase database() {
            return MetadataDatabase.POSTGRES;
        }
    }

    /** The same, with dataset versions in an S3 bucket on a real S3-compatible server (S3Proxy) the test starts. */
    static final class OnS3 extends DatasetApiTest {
        private S3ProxyServer s3;

        @Override
        MetadataDatabase database() {
            return MetadataDatabase.H2;
        }

        @Override
        Map<String, String> storeEnvironment() throws Exception {
            s3 = S3ProxyServer.start(null);
            return s3.serverEnvironment("dataset-api", "it");
        }

        @Override
        void stopStore() throws Exception {
            if (s3 != null) {
                s3.close();
            }
        }
    }
}
