package io.grapholap.rest.udf.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapholap.domain.error.ValidationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The binary UDF outputs, read back: Arrow with Arrow's own stream reader; Parquet by its layout
 * (magic, footer, the plain pages) and by DuckDB's Parquet reader.
 */
class TableEncodersTest {

    private static final List<String> COLUMNS = List.of("id", "name", "score", "ok", "extra");
    private static final List<List<Object>> ROWS = List.of(
            Arrays.asList(1L, "ann", 0.5, true, Map.of("k", 1)),
            Arrays.asList(2L, null, 1.5, false, null),
            Arrays.asList(3L, "cé", null, null, List.of(1, 2)));

    @TempDir
    Path tmp;

    @Test
    void arrowStreamReadsBackWithTypesAndNulls() throws IOException {
        try (BufferAllocator allocator = new RootAllocator()) {
            byte[] bytes = new ArrowTableEncoder(allocator).encode(COLUMNS, ROWS, 1 << 20);
            try (ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(bytes), allocator)) {
                assertThat(reader.loadNextBatch()).isTrue();
                VectorSchemaRoot root = reader.getVectorSchemaRoot();
                assertThat(root.getRowCount()).isEqualTo(3);
                assertThat(root.getSchema().getFields()).extracting(f -> f.getType().getTypeID().name())
                        .containsExactly("Int", "Utf8", "FloatingPoint", "Bool", "Utf8");
                assertThat(root.getVector("id").getObject(2)).isEqualTo(3L);
                assertThat(root.getVector("name").getObject(2).toString()).isEqualTo("cé");
                assertThat(root.getVector("name").isNull(1)).isTrue();
                assertThat(root.getVector("score").getObject(1)).isEqualTo(1.5);
                assertThat(root.getVector("ok").getObject(0)).isEqualTo(true);
                assertThat(root.getVector("extra").getObject(0).toString()).isEqualTo("{\"k\":1}");
                assertThat(reader.loadNextBatch()).isFalse();
            }
            assertThatThrownBy(() -> new ArrowTableEncoder(allocator).encode(COLUMNS, ROWS, 100))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("output"));
        }
    }

    @Test
    void parquetHasTheLayoutOfTheFormat() {
        byte[] bytes = new ParquetTableEncoder().encode(List.of("id"), List.of(List.of(7L), Arrays.asList((Object) null), List.of(9L)), 1 << 20);
        assertThat(new String(bytes, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("PAR1");
        assertThat(new String(bytes, bytes.length - 4, 4, StandardCharsets.US_ASCII)).isEqualTo("PAR1");
        int footer = ByteBuffer.wrap(bytes, bytes.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        assertThat(footer).isPositive().isLessThan(bytes.length - 12);
        // the page ends with the two non-null INT64 values, little-endian, right before the footer
        ByteBuffer values = ByteBuffer.wrap(bytes, bytes.length - 8 - footer - 16, 16).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(values.getLong()).isEqualTo(7L);
        assertThat(values.getLong()).isEqualTo(9L);
        assertThatThrownBy(() -> new ParquetTableEncoder().encode(COLUMNS, ROWS, 50))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("output"));
    }

    /**
     * Every column kind the encoder writes (BOOLEAN, INT64 from any integer, DOUBLE from any mix of
     * numbers, UTF-8 strings from strings, maps and lists as JSON, other objects, and a column of nulls
     * only), with nulls in runs longer than a varint byte and more booleans than one bit-packed byte,
     * read back by DuckDB's Parquet reader value by value.
     */
    @Test
    void parquetReadsBackWithDuckDbEveryTypeValueAndNull() throws Exception {
        List<String> columns = List.of("id", "small", "score", "ok", "name", "extra", "other", "nothing");
        List<List<Object>> rows = new ArrayList<>();
        rows.add(Arrays.asList(Long.MIN_VALUE, 1, -0.5, true, "ann", Map.of("k", 1), new UUID(0, 1), null));
        rows.add(Arrays.asList(Long.MAX_VALUE, (short) 2, 3L, false, "", List.of(1, "two"), null, null));
        rows.add(Arrays.asList(0L, (byte) -3, Double.MAX_VALUE, null, "cé ☃ \"q\",\n", null, new UUID(1, 0), null));
        for (int i = 3; i < 300; i++) {
            boolean gap = i >= 100 && i < 250;
            rows.add(Arrays.asList((long) i, gap ? null : i, gap ? null : i / 4.0, gap ? null : i % 3 == 0, gap ? null : "n" + i,
                    null, null, null));
        }
        Path file = tmp.resolve("every-type.parquet");
        Files.write(file, new ParquetTableEncoder().encode(columns, rows, 1 << 20));

        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = db.createStatement()) {
            String table = "read_parquet('" + file.toString().replace("'", "''") + "')";
            Map<String, String> types = new LinkedHashMap<>();
            try (ResultSet r = sql.executeQuery("DESCRIBE SELECT * FROM " + table)) {
                while (r.next()) {
                    types.put(r.getString("column_name"), r.getString("column_type"));
                }
            }
            assertThat(types).containsExactly(Map.entry("id", "BIGINT"), Map.entry("small", "BIGINT"), Map.entry("score", "DOUBLE"),
                    Map.entry("ok", "BOOLEAN"), Map.entry("name", "VARCHAR"), Map.entry("extra", "VARCHAR"),
                    Map.entry("other", "VARCHAR"), Map.entry("nothing", "VARCHAR"));
            List<Object[]> back = new ArrayList<>();
            try (ResultSet r = sql.executeQuery("SELECT * FROM " + table)) {
                while (r.next()) {
                    Object[] row = new Object[columns.size()];
                    for (int c = 0; c < row.length; c++) {
                        row[c] = r.getObject(c + 1);
                    }
                    back.add(row);
                }
            }
            assertThat(back).hasSize(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                assertThat(back.get(i)).as("row %d", i).containsExactly(expected(rows.get(i)).toArray());
            }
        }
    }

    /** What the Parquet file holds for a row: integers as long, numbers of a mixed column as double, the rest as text. */
    private static List<Object> expected(List<Object> row) {
        List<Object> out = new ArrayList<>();
        out.add(row.get(0));
        out.add(row.get(1) == null ? null : ((Number) row.get(1)).longValue());
        out.add(row.get(2) == null ? null : ((Number) row.get(2)).doubleValue());
        out.add(row.get(3));
        out.add(row.get(4));
        Object extra = row.get(5);
        out.add(extra == null ? null : extra instanceof Map ? "{\"k\":1}" : "[1,\"two\"]");
        out.add(row.get(6) == null ? null : row.get(6).toString());
        out.add(null);
        return out;
    }
}
