package io.grapholap.it.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.grapholap.it.support.Http;
import io.grapholap.it.support.MetadataDatabase;
import io.grapholap.it.support.RunningServer;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Query and algorithm answers as tables over real HTTP: maps ({@code valueMap()}, {@code project()},
 * {@code elementMap()}) come back as a typed column per key in CSV, Arrow and Parquet, and algorithm
 * results answer CSV, Arrow and Parquet by {@code Accept} on the start and the result routes, with
 * 406 for a format neither writes. On a four-person graph uploaded through {@code POST /graph}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TableAnswersApiTest {

    private static final String ARROW = "application/vnd.apache.arrow.stream";
    private static final String PARQUET = "application/vnd.apache.parquet";

    private RunningServer server;
    private Http http;
    private String admin;
    private long instance;

    @TempDir
    Path tmp;

    abstract MetadataDatabase database();

    @BeforeAll
    void start() throws Exception {
        server = RunningServer.start(database());
        http = server.http();
        admin = http.adminToken();
        var upsert = http.request("POST", "/graph/people").bearer(admin).json("""
                {"vertices": {"Person": {
                   "p1": {"name": {"value": "marko"}, "age": {"value": 29}},
                   "p2": {"name": {"value": "vadas"}, "age": {"value": 27}},
                   "p3": {"name": {"value": "josh"}, "age": {"value": 32}},
                   "p4": {"name": {"value": "peter"}}}},
                 "edges": {"Person": {
                   "p1": {"knows": {"Person": {"p2": {}, "p3": {}}}},
                   "p3": {"knows": {"Person": {"p4": {}}}}}}}""").send();
        assertThat(upsert.status()).as(upsert.body()).isEqualTo(200);
        var created = http.post("/api/instances", Map.of("dataset_id", "people", "name", "tables"), admin);
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        instance = created.data().get("id").asLong();
        JsonNode state = created.data();
        for (int i = 0; i < 600 && !List.of("running", "failed").contains(state.get("status").asText()); i++) {
            Thread.sleep(100);
            state = http.get("/api/instances/" + instance, admin).data();
        }
        assertThat(state.get("status").asText()).as(state.toString()).isEqualTo("running");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private String base() {
        return "/api/instances/" + instance;
    }

    private HttpResponse<byte[]> post(String path, String accept, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(http.base().resolve(path))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .header("Accept", accept).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> get(String path, String accept) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(http.base().resolve(path))
                .header("Authorization", "Bearer " + admin).header("Accept", accept).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> query(String gremlin, String accept) throws Exception {
        return post(base() + "/query", accept, "{\"query\": \"" + gremlin + "\"}");
    }

    private static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    /** Column name to Arrow type id, and the rows, of an Arrow IPC stream. */
    private static Map<String, ArrowType.ArrowTypeID> arrowSchema(HttpResponse<byte[]> r, List<Map<String, Object>> rows) throws Exception {
        assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValue(ARROW);
        Map<String, ArrowType.ArrowTypeID> types = new LinkedHashMap<>();
        try (BufferAllocator allocator = new RootAllocator();
             ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(r.body()), allocator)) {
            for (Field f : reader.getVectorSchemaRoot().getSchema().getFields()) {
                types.put(f.getName(), f.getType().getTypeID());
            }
            while (reader.loadNextBatch()) {
                var root = reader.getVectorSchemaRoot();
                for (int i = 0; i < root.getRowCount(); i++) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (var v : root.getFieldVectors()) {
                        Object value = v.getObject(i);
                        row.put(v.getName(), value == null ? null : value instanceof Number || value instanceof Boolean ? value : value.toString());
                    }
                    rows.add(row);
                }
            }
        }
        return types;
    }

    /** Column name to DuckDB type, and the rows in file order, of a Parquet answer read back by DuckDB. */
    private Map<String, String> parquetSchema(HttpResponse<byte[]> r, List<List<Object>> rows) throws Exception {
        assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValue(PARQUET);
        Path file = Files.write(tmp.resolve("answer-" + System.nanoTime() + ".parquet"), r.body());
        Map<String, String> types = new LinkedHashMap<>();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = db.createStatement()) {
            String table = "read_parquet('" + file.toString().replace("'", "''") + "')";
            try (ResultSet rs = sql.executeQuery("DESCRIBE SELECT * FROM " + table)) {
                while (rs.next()) {
                    types.put(rs.getString("column_name"), rs.getString("column_type"));
                }
            }
            try (ResultSet rs = sql.executeQuery("SELECT * FROM " + table)) {
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int c = 1; c <= types.size(); c++) {
                        row.add(rs.getObject(c));
                    }
                    rows.add(row);
                }
            }
        }
        return types;
    }

    @Test
    void valueMapIsAColumnPerKeyInCsv() throws Exception {
        var csv = query("g.V().hasLabel('Person').order().by('name').valueMap('name', 'age')", "text/csv");
        assertThat(csv.statusCode()).as(text(csv)).isEqualTo(200);
        assertThat(text(csv)).isEqualTo("name,age\r\njosh,32\r\nmarko,29\r\npeter,\r\nvadas,27\r\n");
    }

    @Test
    void projectionIsATypedColumnPerKeyInArrowAndParquet() throws Exception {
        String gremlin = "g.V().hasLabel('Person').has('age').order().by('age')"
                + ".project('who', 'age', 'friends').by('name').by('age').by(out('knows').count())";
        List<Map<String, Object>> arrowRows = new ArrayList<>();
        assertThat(arrowSchema(query(gremlin, ARROW), arrowRows)).containsExactly(
                Map.entry("who", ArrowType.ArrowTypeID.Utf8), Map.entry("age", ArrowType.ArrowTypeID.Int),
                Map.entry("friends", ArrowType.ArrowTypeID.Int));
        assertThat(arrowRows).containsExactly(Map.of("who", "vadas", "age", 27L, "friends", 0L),
                Map.of("who", "marko", "age", 29L, "friends", 2L), Map.of("who", "josh", "age", 32L, "friends", 1L));

        List<List<Object>> parquetRows = new ArrayList<>();
        assertThat(parquetSchema(query(gremlin, PARQUET), parquetRows)).containsExactly(
                Map.entry("who", "VARCHAR"), Map.entry("age", "BIGINT"), Map.entry("friends", "BIGINT"));
        assertThat(parquetRows).containsExactly(List.of("vadas", 27L, 0L), List.of("marko", 29L, 2L), List.of("josh", 32L, 1L));
    }

    @Test
    void elementMapGivesItsIdLabelAndPropertiesAsColumns() throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        var types = arrowSchema(query("g.V().hasLabel('Person').has('name', 'marko').elementMap('name', 'age')", ARROW), rows);
        assertThat(types.keySet()).containsExactly("id", "label", "name", "age");
        assertThat(types).containsEntry("label", ArrowType.ArrowTypeID.Utf8).containsEntry("name", ArrowType.ArrowTypeID.Utf8)
                .containsEntry("age", ArrowType.ArrowTypeID.Int);
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst()).containsEntry("label", "Person").containsEntry("name", "marko").containsEntry("age", 29L);
    }

    @Test
    void algorithmStreamResultsAnswerCsvArrowAndParquet() throws Exception {
        String body = "{\"params\": {\"iterations\": 10}}";
        var csv = post(base() + "/algo/pagerank", "text/csv", body);
        assertThat(csv.statusCode()).as(text(csv)).isEqualTo(200);
        assertThat(csv.headers().firstValue("content-type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("x-grapholap-engine")).hasValue("cpu");
        assertThat(csv.headers().firstValue("x-grapholap-row-count")).hasValue("4");
        assertThat(csv.headers().firstValue("x-grapholap-truncated")).hasValue("false");
        String[] lines = text(csv).split("\r\n");
        assertThat(lines).hasSize(5);
        assertThat(lines[0]).startsWith("id,").endsWith(",rank");
        double total = 0;
        for (int i = 1; i < lines.length; i++) {
            total += Double.parseDouble(lines[i].substring(lines[i].lastIndexOf(',') + 1));
        }
        assertThat(total).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));

        List<Map<String, Object>> arrowRows = new ArrayList<>();
        var arrowTypes = arrowSchema(post(base() + "/algo/pagerank", ARROW, body), arrowRows);
        assertThat(arrowTypes).containsEntry("rank", ArrowType.ArrowTypeID.FloatingPoint);
        assertThat(arrowRows).hasSize(4);

        var started = post(base() + "/algo/degree", PARQUET, "{}");
        List<List<Object>> parquetRows = new ArrayList<>();
        var parquetTypes = parquetSchema(started, parquetRows);
        assertThat(parquetTypes).containsEntry("degree", "BIGINT");
        assertThat(parquetRows).hasSize(4);

        String execution = started.headers().firstValue("x-grapholap-execution-id").orElseThrow();
        var again = get(base() + "/algo/executions/" + execution + "/result", "text/csv");
        assertThat(again.statusCode()).as(text(again)).isEqualTo(200);
        assertThat(text(again).split("\r\n")).hasSize(5);
        assertThat(text(again).split("\r\n")[0]).endsWith(",degree");
    }

    @Test
    void algorithmStatsAndMutateFiguresAreOneRow() throws Exception {
        var stats = post(base() + "/algo/degree", "text/csv", "{\"mode\": \"stats\"}");
        assertThat(stats.statusCode()).as(text(stats)).isEqualTo(200);
        String[] lines = text(stats).split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(List.of(lines[0].split(","))).contains("count", "distinct_count");

        var mutate = post(base() + "/algo/pagerank", "text/csv", "{\"mode\": \"mutate\", \"mutate_property\": \"pr\"}");
        assertThat(mutate.statusCode()).as(text(mutate)).isEqualTo(200);
        lines = text(mutate).split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("mutate_property,vertices_written");
        assertThat(lines[1]).startsWith("pr,4");
    }

    @Test
    void aFormatNeitherWritesIs406() throws Exception {
        var xml = post(base() + "/algo/pagerank", "application/xml", "{}");
        assertThat(xml.statusCode()).isEqualTo(406);
        assertThat(text(xml)).contains("NOT_ACCEPTABLE", "application/vnd.apache.parquet");
        var json = http.post(base() + "/algo/wcc", Map.of(), admin);
        assertThat(json.status()).as(json.body()).isEqualTo(200);
        assertThat(json.data().get("result").get("rows")).hasSize(4);
    }

    static final class OnH2 extends TableAnswersApiTest {
        @Override
        MetadataDatabase database() {
            return MetadataDatabase.H2;
        }
    }

    static final class OnPostgres extends TableAnswersApiTest {
        @Override
        MetadataDatabase database() {
            return MetadataDatabase.POSTGRES;
        }
    }
}
