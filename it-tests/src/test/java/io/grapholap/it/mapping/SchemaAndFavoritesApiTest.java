package io.grapholap.it.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grapholap.it.support.Http;
import io.grapholap.it.support.MetadataDatabase;
import io.grapholap.it.support.RunningServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The SchemaResource over the demo source (eight tables in schema {@code public}) and the
 * FavoriteResource, over real HTTP. One server per database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SchemaAndFavoritesApiTest {

    private RunningServer server;
    private Http http;
    private String admin;
    private String analyst;
    private String catalog;
    private long mappingId;

    abstract MetadataDatabase database();

    @BeforeAll
    void start() throws IOException {
        server = RunningServer.start(database());
        http = server.http();
        admin = http.adminToken();
        analyst = TestUsers.analyst(server, admin, "fay");
        var catalogs = http.get("/api/schema/catalogs", analyst);
        assertThat(catalogs.status()).as(catalogs.body()).isEqualTo(200);
        catalog = catalogs.data().get(0).get("catalog_name").asText();
        var body = new ObjectMapper().readTree(Files.readString(Path.of("../docs/demo-mapping.json")));
        var created = http.post("/api/mappings", body, admin);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        mappingId = created.data().get("id").asLong();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private static List<String> values(JsonNode list, String field) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }

    @Test
    void catalogsSchemasTablesAndColumnsAreBrowsable() {
        var catalogs = http.get("/api/schema/catalogs", analyst);
        assertThat(catalogs.data().size()).isEqualTo(1);
        assertThat(catalogs.data().get(0).get("schema_count").asInt()).isEqualTo(1);

        var schemas = http.get("/api/schema/catalogs/" + catalog + "/schemas", analyst);
        assertThat(schemas.status()).as(schemas.body()).isEqualTo(200);
        assertThat(schemas.data().get(0).get("schema_name").asText()).isEqualTo("public");
        assertThat(schemas.data().get(0).get("table_count").asInt()).isEqualTo(8);

        var tables = http.get("/api/schema/catalogs/" + catalog + "/schemas/public/tables", analyst);
        assertThat(values(tables.data(), "table_name")).containsExactly("account_owners", "accounts", "card_payments",
                "customers", "device_logins", "devices", "merchants", "transfers");
        assertThat(tables.data().get(3).get("table_type").asText()).isEqualTo("TABLE");
        assertThat(tables.data().get(3).get("column_count").asInt()).isEqualTo(9);

        var columns = http.get("/api/schema/catalogs/" + catalog + "/schemas/public/tables/transfers/columns", analyst);
        assertThat(values(columns.data(), "column_name")).containsExactly("transfer_id", "from_account_id", "to_account_id",
                "amount", "currency", "channel", "transferred_at");
        assertThat(values(columns.data(), "ordinal_position")).containsExactly("1", "2", "3", "4", "5", "6", "7");
        assertThat(columns.data().get(3).get("data_type").asText()).isIn("DECIMAL", "NUMERIC");
        assertThat(columns.data().get(3).get("is_nullable").asBoolean()).isFalse();
        assertThat(columns.data().get(3).get("table_name").asText()).isEqualTo("transfers");
    }

    @Test
    void unknownCatalogSchemaOrTableIsNotFound() {
        for (String path : List.of("/api/schema/catalogs/nope/schemas", "/api/schema/catalogs/" + catalog + "/schemas/nope/tables",
                "/api/schema/catalogs/" + catalog + "/schemas/public/tables/nope/columns")) {
            var r = http.get(path, analyst);
            assertThat(r.status()).as(path + " " + r.body()).isEqualTo(404);
            assertThat(r.errorCode()).isEqualTo("NOT_FOUND");
        }
    }

    @Test
    void searchMatchesNamePrefixesIgnoringCase() {
        var tables = http.get("/api/schema/search/tables?q=CUST", analyst);
        assertThat(tables.status()).as(tables.body()).isEqualTo(200);
        assertThat(values(tables.data(), "table_name")).containsExactly("customers");
        assertThat(tables.data().get(0).get("schema_name").asText()).isEqualTo("public");

        var columns = http.get("/api/schema/search/columns?q=amo&limit=10", analyst);
        assertThat(values(columns.data(), "table_name")).containsExactly("card_payments", "transfers");
        assertThat(values(columns.data(), "column_name")).containsExactly("amount", "amount");

        var limited = http.get("/api/schema/search/columns?q=a&limit=2", analyst);
        assertThat(limited.data().size()).isEqualTo(2);
        assertThat(http.get("/api/schema/search/tables?q=zzz", analyst).data().size()).isZero();
    }

    @Test
    void badSearchParametersAreRejected() {
        Map<String, String> cases = Map.of(
                "/api/schema/search/tables?q=c&limit=1001", "limit",
                "/api/schema/search/columns?q=c&limit=0", "limit",
                "/api/schema/search/tables", "q");
        cases.forEach((path, field) -> {
            var r = http.get(path, analyst);
            assertThat(r.status()).as(path + " " + r.body()).isEqualTo(400);
            assertThat(r.json().at("/error/details/field").asText()).isEqualTo(field);
        });
    }

    @Test
    void statsAndRefreshAreForAdmins() {
        var stats = http.get("/api/schema/stats", admin);
        assertThat(stats.status()).as(stats.body()).isEqualTo(200);
        assertThat(stats.data().get("total_catalogs").asInt()).isEqualTo(1);
        assertThat(stats.data().get("total_schemas").asInt()).isEqualTo(1);
        assertThat(stats.data().get("total_tables").asInt()).isEqualTo(8);
        assertThat(stats.data().get("total_columns").asInt()).isEqualTo(9 + 7 + 4 + 4 + 6 + 4 + 7 + 5);
        long before = stats.data().get("refresh_count").asLong();

        var refresh = http.post("/api/schema/admin/refresh", Map.of(), admin);
        assertThat(refresh.status()).as(refresh.body()).isEqualTo(200);
        assertThat(refresh.data().get("status").asText()).isEqualTo("refreshed");
        assertThat(refresh.data().at("/stats/refresh_count").asLong()).isEqualTo(before + 1);

        assertThat(http.get("/api/schema/stats", analyst).status()).isEqualTo(403);
        var denied = http.post("/api/schema/admin/refresh", Map.of(), analyst);
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.errorCode()).isEqualTo("PERMISSION_DENIED");
        assertThat(http.get("/api/schema/catalogs", null).status()).isEqualTo(401);
    }

    @Test
    void favoritesAreAddedListedAndRemovedPerUser() {
        var added = http.post("/api/favorites", Map.of("resource_type", "mapping", "resource_id", mappingId), analyst);
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.data().get("resource_type").asText()).isEqualTo("mapping");
        assertThat(added.data().get("resource_id").asLong()).isEqualTo(mappingId);
        assertThat(added.data().get("resource_name").asText()).isEqualTo("Demo bank");

        var again = http.post("/api/favorites", Map.of("resource_type", "mapping", "resource_id", mappingId), analyst);
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("CONFLICT");

        var list = http.get("/api/favorites", analyst);
        assertThat(list.status()).isEqualTo(200);
        assertThat(values(list.data(), "resource_name")).containsExactly("Demo bank");
        assertThat(http.get("/api/favorites?resource_type=mapping", analyst).data().size()).isEqualTo(1);
        assertThat(http.get("/api/favorites?resource_type=snapshot", analyst).data().size()).isZero();
        assertThat(http.get("/api/favorites", admin).data().size()).isZero();

        assertThat(http.delete("/api/favorites/mapping/" + mappingId, admin).status()).isEqualTo(404);
        assertThat(http.delete("/api/favorites/mapping/" + mappingId, analyst).status()).isEqualTo(204);
        assertThat(http.get("/api/favorites", analyst).data().size()).isZero();
        assertThat(http.delete("/api/favorites/mapping/" + mappingId, analyst).status()).isEqualTo(404);
    }

    @Test
    void favoritesOfUnknownResourcesAreRejected() {
        var unknown = http.post("/api/favorites", Map.of("resource_type", "mapping", "resource_id", 999999), analyst);
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
        assertThat(http.post("/api/favorites", Map.of("resource_type", "snapshot", "resource_id", 1), analyst).status()).isEqualTo(404);
        var badType = http.post("/api/favorites", Map.of("resource_type", "dashboard", "resource_id", 1), analyst);
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.json().at("/error/details/field").asText()).isEqualTo("resource_type");
        var noId = http.post("/api/favorites", Map.of("resource_type", "mapping"), analyst);
        assertThat(noId.status()).isEqualTo(400);
        assertThat(noId.json().at("/error/details/field").asText()).isEqualTo("resource_id");
        var unknownField = http.post("/api/favorites", Map.of("resource_type", "mapping", "resource_id", 1, "note", "x"), analyst);
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.json().at("/error/details/field").asText()).isEqualTo("note");
        assertThat(http.get("/api/favorites?resource_type=dashboard", analyst).status()).isEqualTo(400);
        assertThat(http.get("/api/favorites", null).status()).isEqualTo(401);
    }

    @Test
    void aFavoriteOfADeletedMappingDisappears() {
        var body = Map.of("name", "short-lived", "description", "", "node_definitions", List.of(Map.of(
                "label", "Merchant", "sql", "SELECT merchant_id FROM merchants",
                "primary_key", Map.of("name", "merchant_id", "type", "INT64"))), "edge_definitions", List.of());
        var created = http.post("/api/mappings", body, analyst);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.data().get("id").asLong();
        assertThat(http.post("/api/favorites", Map.of("resource_type", "mapping", "resource_id", id), admin).status()).isEqualTo(201);
        assertThat(http.delete("/api/mappings/" + id, analyst).status()).isEqualTo(204);
        assertThat(values(http.get("/api/favorites", admin).data(), "resource_id")).doesNotContain(String.valueOf(id));
    }

    static final class OnH2 extends SchemaAndFavoritesApiTest {
        @Override
        MetadataDatabase database() {
            return MetadataDatabase.H2;
        }
    }

    static final class OnPostgres extends SchemaAndFavoritesApiTest {
        @Override
        MetadataDatabase database() {
            return MetadataDatabase.POSTGRES;
        }
    }
}
