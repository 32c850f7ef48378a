package io.grapholap.rest.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapholap.rest.udf.output.ParquetTableEncoder;
import io.micronaut.json.JsonMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ResultFormatsTest {

    private final BufferAllocator allocator = new RootAllocator();
    private final ResultFormats formats = new ResultFormats(allocator, JsonMapper.createDefault(),
            new ParquetTableEncoder());

    @AfterEach
    void close() {
        // fails the test when the Arrow writer leaked a buffer
        allocator.close();
    }

    @Test
    void acceptHeaderPicksTheFirstFormatWeWrite() {
        assertThat(ResultFormats.negotiate(null)).isEqualTo(ResultFormats.Format.JSON);
        assertThat(ResultFormats.negotiate("*/*")).isEqualTo(ResultFormats.Format.JSON);
        assertThat(ResultFormats.negotiate("text/csv; charset=utf-8")).isEqualTo(ResultFormats.Format.CSV);
        assertThat(ResultFormats.negotiate("application/xml, application/vnd.apache.arrow.stream"))
                .isEqualTo(ResultFormats.Format.ARROW);
        assertThat(ResultFormats.negotiate("application/vnd.apache.parquet")).isEqualTo(ResultFormats.Format.PARQUET);
        assertThat(ResultFormats.negotiate("application/xml")).isNull();
    }

    @Test
    void csvQuotesWhatNeedsItAndWritesListsAsJson() {
        List<List<Object>> rows = List.of(
                Arrays.asList("plain", 1L, null),
                Arrays.asList("a,b \"c\"", 2.5, List.of(Map.of("k", 1), 2)));
        String csv = csv(List.of("name", "n", "extra"), rows);
        assertThat(csv).isEqualTo("name,n,extra\r\nplain,1,\r\n\"a,b \"\"c\"\"\",2.5,\"[{\"\"k\"\":1},2]\"\r\n");
    }

    @Test
    void csvOfMapsHasAColumnPerKey() {
        List<List<Object>> rows = List.of(
                List.of(ordered("name", List.of("marko"), "age", List.of(29))),
                List.of(ordered("name", List.of("lop"), "lang", List.of("java"))));
        assertThat(csv(List.of("result"), rows)).isEqualTo("name,age,lang\r\nmarko,29,\r\nlop,,java\r\n");
    }

    private String csv(List<String> columns, List<List<Object>> rows) {
        return new String(formats.table(ResultFormats.Format.CSV, columns, rows), StandardCharsets.UTF_8);
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    @Test
    void arrowStreamTypesColumnsFromTheirValuesAndSplitsBatches() throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 25_000; i++) {
            rows.add(Arrays.asList((long) i, i % 2 == 0 ? 0.5 : (Object) 1L, i % 3 == 0 ? null : "v" + i, i % 2 == 0,
                    List.of(i)));
        }
        byte[] bytes = formats.table(ResultFormats.Format.ARROW, List.of("i", "x", "s", "b", "l"), rows);
        try (BufferAllocator reading = new RootAllocator();
             ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(bytes), reading)) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            assertThat(root.getSchema().getFields()).extracting(f -> f.getType().getTypeID()).containsExactly(
                    ArrowType.ArrowTypeID.Int, ArrowType.ArrowTypeID.FloatingPoint, ArrowType.ArrowTypeID.Utf8,
                    ArrowType.ArrowTypeID.Bool, ArrowType.ArrowTypeID.Utf8);
            int batches = 0;
            long total = 0;
            while (reader.loadNextBatch()) {
                if (batches == 0) {
                    assertThat(root.getVector("i").getObject(7)).isEqualTo(7L);
                    assertThat(root.getVector("x").getObject(7)).isEqualTo(1.0);
                    assertThat(root.getVector("s").getObject(3)).isNull();
                    assertThat(root.getVector("s").getObject(4).toString()).isEqualTo("v4");
                    assertThat(root.getVector("b").getObject(4)).isEqualTo(true);
                    assertThat(root.getVector("l").getObject(5).toString()).isEqualTo("[5]");
                }
                batches++;
                total += root.getRowCount();
            }
            assertThat(batches).isEqualTo(3);
            assertThat(total).isEqualTo(25_000);
        }
    }

    @Test
    void emptyResultIsAValidStreamWithItsSchema() throws Exception {
        byte[] bytes = formats.table(ResultFormats.Format.ARROW, List.of("result"), List.of());
        try (BufferAllocator reading = new RootAllocator();
             ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(bytes), reading)) {
            assertThat(reader.getVectorSchemaRoot().getSchema().getFields()).hasSize(1);
            long rows = 0;
            while (reader.loadNextBatch()) {
                rows += reader.getVectorSchemaRoot().getRowCount();
            }
            assertThat(rows).isZero();
        }
    }
}
