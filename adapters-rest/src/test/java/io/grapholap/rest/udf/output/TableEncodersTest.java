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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The binary UDF outputs, read back: Arrow with Arrow's own stream reader; Parquet by its layout
 * (magic, footer, the plain pages) and, where a Python with pyarrow is installed, by pyarrow's
 * Parquet reader (the test says when it skips that part).
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

    @Test
    void parquetReadsBackWithPyarrow() throws Exception {
        Assumptions.assumeTrue(pyarrow(), "no python3 with pyarrow here: the pyarrow read-back is skipped");
        List<List<Object>> rows = new ArrayList<>(ROWS);
        for (long i = 4; i < 40; i++) {
            rows.add(Arrays.asList(i, "n" + i, i / 2.0, i % 3 == 0, null));
        }
        Path file = tmp.resolve("out.parquet");
        Files.write(file, new ParquetTableEncoder().encode(COLUMNS, rows, 1 << 20));
        String script = "import pyarrow.parquet as pq, json, sys\n"
                + "t = pq.read_table(sys.argv[1])\n"
                + "print(json.dumps({'schema': [str(f.type) for f in t.schema], 'rows': t.num_rows, 'first': t.slice(0, 3).to_pylist(),"
                + " 'sum': sum(t.column('id').to_pylist()), 'trues': t.column('ok').to_pylist().count(True)}))\n";
        Process p = new ProcessBuilder("python3", "-c", script, file.toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("\"schema\": [\"int64\", \"string\", \"double\", \"bool\", \"string\"]")
                .contains("\"rows\": 39")
                .contains("{\"id\": 1, \"name\": \"ann\", \"score\": 0.5, \"ok\": true, \"extra\": \"{\\\"k\\\":1}\"}")
                .contains("{\"id\": 2, \"name\": null, \"score\": 1.5, \"ok\": false, \"extra\": null}")
                .contains("{\"id\": 3, \"name\": \"c\\u00e9\", \"score\": null, \"ok\": null, \"extra\": \"[1,2]\"}")
                .contains("\"sum\": 780")
                .contains("\"trues\": 13");
    }

    private static boolean pyarrow() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import pyarrow.parquet").redirectErrorStream(true).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
