package io.grapholap.it.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grapholap.it.support.Http;
import io.grapholap.it.support.MetadataDatabase;
import io.grapholap.it.support.RunningServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The MappingResource over real HTTP against the demo source: every route, with the 400, 401,
 * 403, 404 paths and the validation messages. One server per database; each test makes its own
 * mappings.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MappingApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunningServer server;
    private Http http;
    private String admin;
    private String analyst;
    private ObjectNode demo;

    abstract MetadataDatabase database();

    @BeforeAll
    void start() throws IOException {
        server = RunningServer.start(database());
        http = server.http();
        admin = http.adminToken();
        analyst = TestUsers.analyst(server, admin, "ana");
        demo = (ObjectNode) JSON.readTree(Files.readString(Path.of("../docs/demo-mapping.json")));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private ObjectNode demo(String name) {
        ObjectNode body = demo.deepCopy();
        body.put("name", name);
        return body;
    }

    private JsonNode create(String name, String token) {
        var r = http.post("/api/mappings", demo(name), token);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.data();
    }

    /** The demo body with one node definition's field replaced. */
    private ObjectNode withNode(int index, String field, Object value) {
        ObjectNode body = demo("broken " + UUID.randomUUID());
        ((ObjectNode) body.withArray("node_definitions").get(index)).set(field, JSON.valueToTree(value));
        return body;
    }

    private ObjectNode withEdge(int index, String field, Object value) {
        ObjectNode body = demo("broken " + UUID.randomUUID());
        ((ObjectNode) body.withArray("edge_definitions").get(index)).set(field, JSON.valueToTree(value));
        return body;
    }

    /** The names of the mappings in a list, in order. */
    private static List<String> names(JsonNode list) {
        List<String> names = new java.util.ArrayList<>();
        list.forEach(m -> names.add(m.get("name").asText()));
        return names;
    }

    private Http.Response createExpecting400(Object body) {
        var r = http.post("/api/mappings", body, admin);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("VALIDATION_FAILED");
        return r;
    }

    @Test
    void theDemoMappingIsCreatedAndReadBack() {
        JsonNode created = create("demo " + UUID.randomUUID(), admin);
        assertThat(created.get("id").asLong()).isPositive();
        assertThat(created.get("owner").asText()).isEqualTo("admin");
        assertThat(created.get("current_version").asInt()).isEqualTo(1);
        assertThat(created.get("ttl").asText()).isEqualTo("PT168H");
        assertThat(created.get("inactivity_timeout").asText()).isEqualTo("PT24H");
        assertThat(created.get("node_definitions").findValuesAsText("label")).containsExactly("Customer", "Account", "Device", "Merchant");
        assertThat(created.at("/edge_definitions/1/type").asText()).isEqualTo("TRANSFER");
        assertThat(created.at("/edge_definitions/1/from_key").asText()).isEqualTo("from_account_id");
        assertThat(created.at("/edge_definitions/1/properties/0").toString()).isEqualTo("{\"name\":\"amount\",\"type\":\"DOUBLE\"}");
        assertThat(created.at("/node_definitions/0/primary_key").toString()).isEqualTo("{\"name\":\"customer_id\",\"type\":\"INT64\"}");
        assertThat(created.get("created_at").asText()).endsWith("Z");

        var got = http.get("/api/mappings/" + created.get("id").asLong(), analyst);
        assertThat(got.status()).as(got.body()).isEqualTo(200);
        assertThat(got.data()).isEqualTo(created);
    }

    @Test
    void callsWithoutCredentialsAreUnauthorized() {
        assertThat(http.get("/api/mappings", null).status()).isEqualTo(401);
        var r = http.post("/api/mappings", demo("x"), null);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.errorCode()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void unknownMappingsAreNotFound() {
        for (String path : List.of("/api/mappings/999999", "/api/mappings/0", "/api/mappings/999999/versions",
                "/api/mappings/999999/tree", "/api/mappings/999999/versions/1")) {
            var r = http.get(path, admin);
            assertThat(r.status()).as(path + " " + r.body()).isEqualTo(404);
            assertThat(r.errorCode()).isEqualTo("NOT_FOUND");
        }
        assertThat(http.delete("/api/mappings/999999", admin).status()).isEqualTo(404);
        assertThat(http.put("/api/mappings/999999", Map.of("change_description", "x"), admin).status()).isEqualTo(404);
    }

    @Test
    void listFiltersSortsAndPages() {
        String tag = "list-" + UUID.randomUUID().toString().substring(0, 8);
        create(tag + " charlie", analyst);
        create(tag + " alpha", analyst);
        create(tag + " bravo", admin);

        var byName = http.get("/api/mappings?search=" + tag + "&sort_by=name&sort_order=asc", admin);
        assertThat(byName.status()).as(byName.body()).isEqualTo(200);
        assertThat(names(byName.data())).containsExactly(tag + " alpha", tag + " bravo", tag + " charlie");
        assertThat(byName.json().get("meta").toString()).isEqualTo("{\"total\":3,\"offset\":0,\"limit\":50}");

        var page = http.get("/api/mappings?search=" + tag.toUpperCase() + "&sort_by=name&sort_order=desc&offset=1&limit=1", admin);
        assertThat(names(page.data())).containsExactly(tag + " bravo");
        assertThat(page.json().get("meta").toString()).isEqualTo("{\"total\":3,\"offset\":1,\"limit\":1}");

        var mine = http.get("/api/mappings?owner=ana&search=" + tag + "&sort_by=created_at&sort_order=asc", admin);
        assertThat(names(mine.data())).containsExactly(tag + " charlie", tag + " alpha");

        var none = http.get("/api/mappings?search=" + tag + "&created_after=2999-01-01T00:00:00Z", admin);
        assertThat(none.json().at("/meta/total").asInt()).isZero();
        var all = http.get("/api/mappings?search=" + tag + "&created_after=2000-01-01&created_before=2999-01-01", admin);
        assertThat(all.json().at("/meta/total").asInt()).isEqualTo(3);
        var byVersion = http.get("/api/mappings?search=" + tag + "&sort_by=current_version", admin);
        assertThat(byVersion.status()).isEqualTo(200);
    }

    @Test
    void badListParametersAreRejectedNamingTheParameter() {
        Map<String, String> cases = Map.of(
                "/api/mappings?limit=101", "limit",
                "/api/mappings?limit=0", "limit",
                "/api/mappings?offset=-1", "offset",
                "/api/mappings?sort_by=owner", "sort_by",
                "/api/mappings?sort_order=up", "sort_order",
                "/api/mappings?created_after=yesterday", "created_after");
        cases.forEach((path, field) -> {
            var r = http.get(path, admin);
            assertThat(r.status()).as(path + " " + r.body()).isEqualTo(400);
            assertThat(r.json().at("/error/details/field").asText()).as(path).isEqualTo(field);
        });
        var r = http.get("/api/mappings?limit=101", admin);
        assertThat(r.errorMessage()).contains("limit must be between 1 and 100");
    }

    @Test
    void aMissingColumnNamesTheDefinitionAndTheColumn() {
        ObjectNode body = demo("missing column");
        ((ArrayNode) body.at("/node_definitions/1/properties")).add(JSON.valueToTree(Map.of("name", "iban", "type", "STRING")));
        var r = createExpecting400(body);
        assertThat(r.errorMessage()).isEqualTo("node Account: column 'iban' is not in the SQL result (columns: account_id, account_type,"
                + " currency, balance, opened_on, is_active)");
        assertThat(r.json().at("/error/details/definition").asText()).isEqualTo("Account");
        assertThat(r.json().at("/error/details/column").asText()).isEqualTo("iban");
        assertThat(r.json().at("/error/details/field").asText()).isEqualTo("node_definitions[1].properties[5]");
    }

    @Test
    void aTypeMismatchNamesBothTypes() {
        ObjectNode body = demo("type mismatch");
        ((ObjectNode) body.at("/edge_definitions/1/properties/0")).put("type", "INT64");
        var r = createExpecting400(body);
        assertThat(r.errorMessage()).startsWith("edge TRANSFER: column 'amount' is declared INT64 but the source yields ");
        assertThat(r.errorMessage()).contains("(12,2)");
        assertThat(r.json().at("/error/details/definition").asText()).isEqualTo("TRANSFER");
        assertThat(r.json().at("/error/details/column").asText()).isEqualTo("amount");

        var key = createExpecting400(withNode(0, "primary_key", Map.of("name", "customer_id", "type", "DATE")));
        assertThat(key.errorMessage()).startsWith("node Customer: column 'customer_id' is declared DATE but the source yields ");
    }

    @Test
    void anEdgeToAnUnknownLabelIsRejected() {
        var r = createExpecting400(withEdge(0, "to_node", "Wallet"));
        assertThat(r.errorMessage()).isEqualTo("edge OWNS: to_node 'Wallet' is not a node label of this mapping");
        assertThat(r.json().at("/error/details/field").asText()).isEqualTo("edge_definitions[0].to_node");
        assertThat(r.json().at("/error/details/definition").asText()).isEqualTo("OWNS");
    }

    @Test
    void aSqlErrorCarriesTheSourceMessage() {
        var r = createExpecting400(withNode(2, "sql", "SELECT device_id FROM no_such_table"));
        assertThat(r.errorMessage()).startsWith("node Device: SQL failed on the source: ");
        assertThat(r.errorMessage().toLowerCase()).contains("no_such_table");
        assertThat(r.json().at("/error/details/definition").asText()).isEqualTo("Device");
        assertThat(r.json().at("/error/details/field").asText()).isEqualTo("node_definitions[2].sql");
    }

    @Test
    void allSourceProblemsAreListed() {
        ObjectNode body = withNode(2, "sql", "SELECT oops FROM devices");
        ((ObjectNode) body.at("/node_definitions/3/properties/0")).put("name", "title");
        var r = createExpecting400(body);
        assertThat(r.json().at("/error/details/errors").size()).isEqualTo(2);
        assertThat(r.json().at("/error/details/errors/1/column").asText()).isEqualTo("title");
    }

    @Test
    void structuralMistakesNameTheirField() {
        Map<ObjectNode, String> cases = new java.util.LinkedHashMap<>();
        ObjectNode duplicateLabel = demo("dup");
        ((ObjectNode) duplicateLabel.at("/node_definitions/1")).put("label", "Customer");
        cases.put(duplicateLabel, "node_definitions[1].label");
        ObjectNode duplicateProperty = demo("dup prop");
        ((ArrayNode) duplicateProperty.at("/node_definitions/0/properties")).add(JSON.valueToTree(Map.of("name", "NAME", "type", "STRING")));
        cases.put(duplicateProperty, "node_definitions[0].properties[6].name");
        cases.put(withNode(0, "primary_key", null), "node_definitions[0].primary_key");
        cases.put(withNode(0, "label", " "), "node_definitions[0].label");
        cases.put(withEdge(0, "from_key", null), "edge_definitions[0].from_key");
        ObjectNode badType = demo("bad type");
        ((ObjectNode) badType.at("/node_definitions/0/properties/0")).put("type", "VARCHAR");
        cases.put(badType, "node_definitions[0].properties[0].type");
        ObjectNode noName = demo("x");
        noName.remove("name");
        cases.put(noName, "name");
        ObjectNode noNodes = demo("x");
        noNodes.set("node_definitions", JSON.createArrayNode());
        cases.put(noNodes, "node_definitions");
        cases.put((ObjectNode) demo("x").put("ttl", "7 days"), "ttl");
        cases.put((ObjectNode) demo("x").put("inactivity_timeout", "-PT1H"), "inactivity_timeout");
        cases.put((ObjectNode) demo("x").put("colour", "blue"), "colour");
        cases.forEach((body, field) -> {
            var r = createExpecting400(body);
            assertThat(r.json().at("/error/details/field").asText()).as(r.body()).isEqualTo(field);
        });
        var bad = createExpecting400(badType);
        assertThat(bad.errorMessage()).contains("unknown type 'VARCHAR'").contains("STRING, INT64");
        var ttl = createExpecting400(demo("x").put("ttl", "7 days"));
        assertThat(ttl.errorMessage()).isEqualTo("ttl must be an ISO-8601 duration such as PT24H or P7D, got '7 days'");
    }

    @Test
    void malformedJsonIsABadRequest() {
        var r = http.request("POST", "/api/mappings").bearer(admin).json("{\"name\": \"x\", ").send();
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(r.errorMessage()).contains("malformed JSON");
        var wrongType = http.request("POST", "/api/mappings").bearer(admin).json("{\"name\": {\"first\": 1}}").send();
        assertThat(wrongType.status()).as(wrongType.body()).isEqualTo(400);
        assertThat(wrongType.json().at("/error/details/field").asText()).isEqualTo("name");
        var noBody = http.request("POST", "/api/mappings").bearer(admin).header("Content-Type", "application/json").send();
        assertThat(noBody.status()).as(noBody.body()).isEqualTo(400);
        assertThat(noBody.errorCode()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void anUpdateMakesANewVersionAndTheDiffShowsIt() {
        JsonNode created = create("versions " + UUID.randomUUID(), admin);
        long id = created.get("id").asLong();
        ObjectNode update = JSON.createObjectNode();
        update.put("change_description", "Drop devices, add a property to Merchant");
        ArrayNode nodes = ((ArrayNode) created.get("node_definitions")).deepCopy();
        nodes.remove(2);
        ((ArrayNode) nodes.get(2).get("properties")).add(JSON.valueToTree(Map.of("name", "merchant_id_copy", "type", "INT64")));
        ((ObjectNode) nodes.get(2)).put("sql", "SELECT merchant_id, name, category, country, merchant_id AS merchant_id_copy FROM merchants");
        update.set("node_definitions", nodes);
        ArrayNode edges = ((ArrayNode) created.get("edge_definitions")).deepCopy();
        edges.remove(2);
        update.set("edge_definitions", edges);

        var r = http.put("/api/mappings/" + id, update, admin);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.data().get("current_version").asInt()).isEqualTo(2);
        assertThat(r.data().get("node_definitions").findValuesAsText("label")).containsExactly("Customer", "Account", "Merchant");

        var versions = http.get("/api/mappings/" + id + "/versions", analyst);
        assertThat(versions.status()).isEqualTo(200);
        assertThat(versions.data().findValuesAsText("change_description"))
                .containsExactly("Initial version", "Drop devices, add a property to Merchant");
        assertThat(versions.data().get(1).get("created_by").asText()).isEqualTo("admin");
        assertThat(versions.json().at("/meta/total").asInt()).isEqualTo(2);

        var v1 = http.get("/api/mappings/" + id + "/versions/1", analyst);
        assertThat(v1.data().get("version").asInt()).isEqualTo(1);
        assertThat(v1.data().get("node_definitions").size()).isEqualTo(4);
        assertThat(http.get("/api/mappings/" + id + "/versions/3", analyst).status()).isEqualTo(404);

        var diff = http.get("/api/mappings/" + id + "/versions/1/diff/2", analyst);
        assertThat(diff.status()).as(diff.body()).isEqualTo(200);
        assertThat(diff.data().get("summary").toString()).isEqualTo("{\"nodes_added\":0,\"nodes_removed\":1,\"nodes_modified\":1,"
                + "\"edges_added\":0,\"edges_removed\":1,\"edges_modified\":0}");
        assertThat(diff.data().at("/changes/nodes/0/label").asText()).isEqualTo("Merchant");
        assertThat(diff.data().at("/changes/nodes/0/change_type").asText()).isEqualTo("modified");
        assertThat(diff.data().at("/changes/nodes/0/fields_changed").toString()).isEqualTo("[\"sql\",\"properties\"]");
        assertThat(diff.data().at("/changes/nodes/1/label").asText()).isEqualTo("Device");
        assertThat(diff.data().at("/changes/nodes/1/change_type").asText()).isEqualTo("removed");
        assertThat(diff.data().at("/changes/edges/0/type").asText()).isEqualTo("LOGGED_IN_FROM");
        assertThat(http.get("/api/mappings/" + id + "/versions/1/diff/9", analyst).status()).isEqualTo(404);

        var keepDefinitions = http.put("/api/mappings/" + id, Map.of("change_description", "Rename", "name", "renamed " + id), admin);
        assertThat(keepDefinitions.status()).as(keepDefinitions.body()).isEqualTo(200);
        assertThat(keepDefinitions.data().get("current_version").asInt()).isEqualTo(3);
        assertThat(keepDefinitions.data().get("node_definitions").size()).isEqualTo(3);
        assertThat(keepDefinitions.data().get("name").asText()).isEqualTo("renamed " + id);
    }

    @Test
    void anUpdateNeedsAChangeDescriptionAndIsValidated() {
        long id = create("update rules " + UUID.randomUUID(), admin).get("id").asLong();
        var none = http.put("/api/mappings/" + id, Map.of("name", "x"), admin);
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.json().at("/error/details/field").asText()).isEqualTo("change_description");
        ObjectNode bad = JSON.createObjectNode();
        bad.put("change_description", "broken SQL");
        ArrayNode nodes = demo.get("node_definitions").deepCopy();
        ((ObjectNode) nodes.get(0)).put("sql", "SELEC nonsense");
        bad.set("node_definitions", nodes);
        var r = http.put("/api/mappings/" + id, bad, admin);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.errorMessage()).startsWith("node Customer: SQL failed on the source");
        assertThat(http.get("/api/mappings/" + id, admin).data().get("current_version").asInt()).isEqualTo(1);
    }

    @Test
    void onlyTheOwnerOrAnAdminMayChangeOrDelete() {
        long adminsMapping = create("owned by admin " + UUID.randomUUID(), admin).get("id").asLong();
        var update = http.put("/api/mappings/" + adminsMapping, Map.of("change_description", "mine now"), analyst);
        assertThat(update.status()).as(update.body()).isEqualTo(403);
        assertThat(update.errorCode()).isEqualTo("PERMISSION_DENIED");
        assertThat(http.put("/api/mappings/" + adminsMapping + "/lifecycle", Map.of("ttl", "PT1H"), analyst).status()).isEqualTo(403);
        assertThat(http.delete("/api/mappings/" + adminsMapping, analyst).status()).isEqualTo(403);

        long analystsMapping = create("owned by ana " + UUID.randomUUID(), analyst).get("id").asLong();
        assertThat(http.put("/api/mappings/" + analystsMapping, Map.of("change_description", "ana edits"), analyst).status()).isEqualTo(200);
        assertThat(http.put("/api/mappings/" + analystsMapping, Map.of("change_description", "admin edits"), admin).status()).isEqualTo(200);
        assertThat(http.delete("/api/mappings/" + analystsMapping, admin).status()).isEqualTo(204);
    }

    @Test
    void aCopyBelongsToWhoeverCopied() {
        JsonNode original = create("original " + UUID.randomUUID(), admin);
        var copy = http.post("/api/mappings/" + original.get("id").asLong() + "/copy", Map.of("name", "ana's copy"), analyst);
        assertThat(copy.status()).as(copy.body()).isEqualTo(201);
        assertThat(copy.data().get("owner").asText()).isEqualTo("ana");
        assertThat(copy.data().get("name").asText()).isEqualTo("ana's copy");
        assertThat(copy.data().get("current_version").asInt()).isEqualTo(1);
        assertThat(copy.data().get("id").asLong()).isNotEqualTo(original.get("id").asLong());
        assertThat(copy.data().get("node_definitions")).isEqualTo(original.get("node_definitions"));
        var noName = http.post("/api/mappings/" + original.get("id").asLong() + "/copy", Map.of(), analyst);
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.json().at("/error/details/field").asText()).isEqualTo("name");
        assertThat(http.post("/api/mappings/999999/copy", Map.of("name", "x"), analyst).status()).isEqualTo(404);
    }

    @Test
    void lifecycleIsReplacedWithIsoDurations() {
        long id = create("lifecycle " + UUID.randomUUID(), admin).get("id").asLong();
        var r = http.put("/api/mappings/" + id + "/lifecycle", Map.of("ttl", "PT12H"), admin);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.data().get("ttl").asText()).isEqualTo("PT12H");
        assertThat(r.data().get("inactivity_timeout").isNull()).isTrue();
        var both = http.put("/api/mappings/" + id + "/lifecycle", Map.of("ttl", "P1D", "inactivity_timeout", "PT30M"), admin);
        assertThat(both.data().get("ttl").asText()).isEqualTo("PT24H");
        assertThat(both.data().get("inactivity_timeout").asText()).isEqualTo("PT30M");
        var bad = http.put("/api/mappings/" + id + "/lifecycle", Map.of("inactivity_timeout", "soon"), admin);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().at("/error/details/field").asText()).isEqualTo("inactivity_timeout");
        var zero = http.put("/api/mappings/" + id + "/lifecycle", Map.of("ttl", "PT0S"), admin);
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.errorMessage()).contains("positive");
    }

    @Test
    void theTreeListsVersionsWithTheirSnapshots() {
        long id = create("tree " + UUID.randomUUID(), admin).get("id").asLong();
        http.put("/api/mappings/" + id, Map.of("change_description", "second"), admin);
        var r = http.get("/api/mappings/" + id + "/tree?include_instances=true", analyst);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.data().get("mapping_id").asLong()).isEqualTo(id);
        assertThat(r.data().get("versions").findValuesAsText("version")).containsExactly("1", "2");
        assertThat(r.data().at("/versions/0/snapshots").toString()).isEqualTo("[]");
        assertThat(r.data().at("/versions/0/snapshot_count").asInt()).isZero();
        assertThat(http.get("/api/mappings/" + id + "/tree?status=ready&include_instances=false", analyst).status()).isEqualTo(200);
        var bad = http.get("/api/mappings/" + id + "/tree?status=sleeping", analyst);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().at("/error/details/field").asText()).isEqualTo("status");
        assertThat(http.get("/api/mappings/" + id + "/tree?include_instances=maybe", analyst).status()).isEqualTo(400);

        var snapshots = http.get("/api/mappings/" + id + "/snapshots", analyst);
        assertThat(snapshots.status()).as(snapshots.body()).isEqualTo(200);
        assertThat(snapshots.json().toString()).isEqualTo("{\"data\":[],\"meta\":{\"total\":0,\"offset\":0,\"limit\":50}}");
        assertThat(http.get("/api/mappings/" + id + "/snapshots?limit=101", analyst).status()).isEqualTo(400);
        assertThat(http.get("/api/mappings/999999/snapshots", analyst).status()).isEqualTo(404);
    }

    @Test
    void deleteRemovesTheMappingAndItsVersions() {
        long id = create("doomed " + UUID.randomUUID(), analyst).get("id").asLong();
        var r = http.delete("/api/mappings/" + id, analyst);
        assertThat(r.status()).as(r.body()).isEqualTo(204);
        assertThat(http.get("/api/mappings/" + id, analyst).status()).isEqualTo(404);
        assertThat(http.get("/api/mappings/" + id + "/versions/1", analyst).status()).isEqualTo(404);
        assertThat(http.delete("/api/mappings/" + id, analyst).status()).isEqualTo(404);
    }

    static final class OnH2 extends MappingApiTest {
        @Override
        MetadataDatabase database() {
            return MetadataDatabase.H2;
        }
    }

    static final class OnPostgres extends MappingApiTest {
        @Override
        MetadataDatabase database() {
            return MetadataDatabase.POSTGRES;
        }
    }
}
