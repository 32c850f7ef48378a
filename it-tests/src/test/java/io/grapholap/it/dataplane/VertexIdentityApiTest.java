package io.grapholap.it.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grapholap.it.support.Http;
import io.grapholap.it.support.MetadataDatabase;
import io.grapholap.it.support.RunningServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Vertex identity over HTTP (docs/identity.md) on the demo graph, whose keys repeat across labels
 * (Customer 1, Account 1, Device 1 and Merchant 1 all exist; keys above 10 000 are Accounts only):
 * algorithm rows name each of the 35 000 vertices once by {@code id}, with {@code label} and
 * {@code key}; the same snapshot loaded twice gives the same identities; {@code source}/{@code target}
 * take the identity, {@code {label, key}} or an unambiguous key and refuse a shared key with 400
 * listing the labels; Gremlin ids are identities and {@code g.V(id)} returns at most one vertex; UDF
 * results and node/edge outputs name vertices the same way.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class VertexIdentityApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int VERTICES = 35_000;

    private RunningServer server;
    private Http http;
    private String admin;
    private long snapshot;
    private long instance;
    private long twin;

    abstract MetadataDatabase database();

    @BeforeAll
    void start() throws Exception {
        server = RunningServer.start(database(), Map.of(), Map.of("grapholap.dataplane.max-rows", 40_000,
                "grapholap.dataplane.sync-wait", "PT30S"));
        http = server.http();
        admin = http.adminToken();
        ObjectNode demo = (ObjectNode) JSON.readTree(Files.readString(Path.of("../docs/demo-mapping.json")));
        demo.put("name", "identity " + UUID.randomUUID());
        var mapping = http.post("/api/mappings", demo, admin);
        assertThat(mapping.status()).as(mapping.body()).isEqualTo(201);
        var created = http.post("/api/snapshots", Map.of("mapping_id", mapping.data().get("id").asLong(),
                "name", "identity"), admin);
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        snapshot = created.data().get("id").asLong();
        assertThat(await("/api/snapshots/" + snapshot, List.of("ready", "failed")).get("status").asText()).isEqualTo("ready");
        instance = startInstance("identity one");
        twin = startInstance("identity two");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private long startInstance(String name) throws InterruptedException {
        var created = http.post("/api/instances", Map.of("snapshot_id", snapshot, "name", name), admin);
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        long id = created.data().get("id").asLong();
        assertThat(await("/api/instances/" + id, List.of("running", "failed", "terminated")).get("status").asText())
                .isEqualTo("running");
        return id;
    }

    private JsonNode await(String path, List<String> final_) throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            JsonNode s = http.get(path, admin).data();
            if (final_.contains(s.get("status").asText())) {
                return s;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(path + " did not finish within 120 s");
    }

    private Http.Response algo(long on, String name, Map<String, Object> params) {
        return http.post("/api/instances/" + on + "/algo/" + name, Map.of("params", params), admin);
    }

    /** The result of a run that finishes within the sync wait. */
    private JsonNode result(Http.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.data().get("status").asText()).as(r.body()).isEqualTo("completed");
        return r.data().get("result");
    }

    private Http.Response query(String query) {
        return http.post("/api/instances/" + instance + "/query", Map.of("query", query), admin);
    }

    private static void assertRefused(Http.Response r, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(r.json().path("error").path("details").path("field").asText()).as(r.body()).isEqualTo(field);
    }

    private static List<String> labels(Http.Response r) {
        return JSON.convertValue(r.json().path("error").path("details").path("labels"), List.class);
    }

    @Test
    void everyAlgorithmRowNamesOneVertexByIdLabelAndKey() {
        JsonNode pagerank = result(algo(instance, "pagerank", Map.of("iterations", 5)));
        assertThat(JSON.convertValue(pagerank.get("columns"), List.class)).containsExactly("id", "label", "key", "rank");
        assertThat(pagerank.get("row_count").asInt()).isEqualTo(VERTICES);
        Set<String> ids = new HashSet<>();
        for (JsonNode row : pagerank.get("rows")) {
            assertThat(row.get(0).asText()).isEqualTo(row.get(1).asText() + ":" + row.get(2).asLong());
            assertThat(row.get(2).isIntegralNumber()).isTrue();
            ids.add(row.get(0).asText());
        }
        assertThat(ids).hasSize(VERTICES).contains("Customer:1", "Account:1", "Device:1", "Merchant:1");

        JsonNode wcc = result(algo(instance, "wcc", Map.of()));
        assertThat(JSON.convertValue(wcc.get("columns"), List.class)).containsExactly("id", "label", "key", "component");
    }

    @Test
    void theSameSnapshotLoadedTwiceGivesTheSameIdentities() {
        assertThat(rowsById(result(algo(twin, "degree", Map.of()))))
                .isEqualTo(rowsById(result(algo(instance, "degree", Map.of()))))
                .hasSize(VERTICES);
    }

    private static Map<String, String> rowsById(JsonNode result) {
        Map<String, String> rows = new HashMap<>();
        for (JsonNode row : result.get("rows")) {
            rows.put(row.get(0).asText(), row.toString());
        }
        return rows;
    }

    @Test
    void aSourceIsTheIdentityALabelAndKeyOrAKeyOnlyOneLabelHolds() {
        Map<String, Long> byIdentity = depths(result(algo(instance, "bfs", Map.of("source", "Customer:1"))));
        assertThat(byIdentity).containsEntry("Customer:1", 0L);
        assertThat(depths(result(algo(instance, "bfs", Map.of("source", Map.of("label", "Customer", "key", 1))))))
                .isEqualTo(byIdentity);
        assertThat(depths(result(algo(instance, "bfs", Map.of("source", 12_000))))).containsEntry("Account:12000", 0L);

        var shared = algo(instance, "bfs", Map.of("source", 1));
        assertRefused(shared, "source");
        assertThat(labels(shared)).containsExactlyInAnyOrder("Customer", "Account", "Device", "Merchant");
        assertThat(shared.errorMessage()).contains("Customer:1");

        assertRefused(algo(instance, "bfs", Map.of("source", "Customer:99999")), "source");
        assertRefused(algo(instance, "bfs", Map.of("source", Map.of("label", "Customer"))), "source");
        assertRefused(algo(instance, "shortest_path", Map.of("source", "Customer:1", "target", 2)), "target");

        JsonNode path = result(algo(instance, "shortest_path", Map.of("source", "Customer:1",
                "target", Map.of("label", "Account", "key", 1))));
        assertThat(JSON.convertValue(path.get("columns"), List.class))
                .containsExactly("id", "label", "key", "distance", "path", "step");
    }

    private static Map<String, Long> depths(JsonNode result) {
        Map<String, Long> depths = new HashMap<>();
        for (JsonNode row : result.get("rows")) {
            depths.put(row.get(0).asText(), row.get(3).asLong());
        }
        return depths;
    }

    @Test
    void gremlinIdsAreIdentitiesAndAnIdNamesAtMostOneVertex() {
        var one = query("g.V('Customer:1').id()");
        assertThat(one.status()).as(one.body()).isEqualTo(200);
        assertThat(one.data().get("rows").toString()).isEqualTo("[[\"Customer:1\"]]");
        var vertex = query("g.V('Account:1')");
        assertThat(vertex.data().get("rows").get(0).get(0).get("id").asText()).isEqualTo("Account:1");
        assertThat(query("g.V(12000).label()").data().get("rows").toString()).isEqualTo("[[\"Account\"]]");
        var owners = query("g.V('Account:1').in('OWNS').id()");
        assertThat(owners.status()).as(owners.body()).isEqualTo(200);
        owners.data().get("rows").forEach(r -> assertThat(r.get(0).asText()).startsWith("Customer:"));

        var shared = query("g.V(1)");
        assertRefused(shared, "query");
        assertThat(labels(shared)).containsExactlyInAnyOrder("Customer", "Account", "Device", "Merchant");
    }

    @Test
    void udfResultsAndNodeAndEdgeOutputsUseTheIdentity() {
        String functions = "/api/v2/o/identity/functions/js/";
        var created = http.post(functions + "first-rank", Map.of("is_enabled", true, "execute",
                "function task(g, args) {\n  const pr = g.pagerank({iterations: 5});\n"
                        + "  return {columns: pr.columns, id: pr.data.id[0], label: pr.data.label[0], key: pr.data.key[0]};\n}"),
                admin);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var ran = http.post("/api/v2/o/identity/run/js/first-rank/dataset/snapshot-" + snapshot, Map.of(), admin);
        assertThat(ran.status()).as(ran.body()).isEqualTo(200);
        JsonNode first = ran.json();
        assertThat(JSON.convertValue(first.get("columns"), List.class)).containsExactly("id", "label", "key", "rank");
        assertThat(first.get("id").asText()).isEqualTo(first.get("label").asText() + ":" + first.get("key").asLong());

        for (String type : List.of("nodes", "edges")) {
            var exported = http.post(functions + "whole-" + type, Map.of("is_enabled", true, "output_type", type,
                    "format", "csv", "execute", "function task(g, args) { return g; }"), admin);
            assertThat(exported.status()).as(exported.body()).isEqualTo(201);
        }
        var nodes = http.post("/api/v2/o/identity/run/js/whole-nodes/dataset/snapshot-" + snapshot, Map.of(), admin);
        assertThat(nodes.status()).as(nodes.body()).isEqualTo(200);
        List<String> lines = nodes.body().lines().toList();
        assertThat(lines.getFirst()).startsWith("label,id,key,");
        assertThat(lines).hasSize(VERTICES + 1);
        assertThat(lines.subList(1, lines.size())).allSatisfy(line -> {
            String[] cells = line.split(",", 4);
            assertThat(cells[1]).isEqualTo(cells[0] + ":" + cells[2]);
        });
        var edges = http.post("/api/v2/o/identity/run/js/whole-edges/dataset/snapshot-" + snapshot, Map.of(), admin);
        assertThat(edges.status()).as(edges.body()).isEqualTo(200);
        assertThat(edges.body().lines().toList()).hasSize(83_001).first().asString().startsWith("type,from,to");
        assertThat(edges.body().lines().filter(l -> l.startsWith("OWNS,")).findFirst().orElseThrow())
                .matches("OWNS,Customer:\\d+,Account:\\d+,.*");
    }

    static final class OnH2 extends VertexIdentityApiTest {
        @Override
        MetadataDatabase database() {
            return MetadataDatabase.H2;
        }
    }

    static final class OnPostgres extends VertexIdentityApiTest {
        @Override
        MetadataDatabase database() {
            return MetadataDatabase.POSTGRES;
        }
    }
}
