package io.grapholap.persistence.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapholap.application.mapping.SourceDatabase.SourceQueryException;
import io.grapholap.application.snapshot.SourceRows.Column;
import io.grapholap.domain.mapping.PropertyType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Streaming mapping SQL from the source: every property type, NULLs, columns by name, and the errors. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcSourceRowsTest {

    private static final String ROW = "SELECT CAST(7 AS BIGINT) AS k, CAST(3 AS INT) AS i, CAST(1.5 AS DOUBLE PRECISION) AS d,"
            + " CAST(2.5 AS REAL) AS f, TRUE AS b, DATE '2024-02-29' AS dt,"
            + " TIMESTAMP WITH TIME ZONE '2024-01-01 10:00:00+00' AS ts, 'x' AS s, CAST(NULL AS INT) AS n";

    private Path dir;
    private SourcePool pool;
    private JdbcSourceRows rows;

    @BeforeAll
    void open() throws Exception {
        dir = Files.createTempDirectory("source-rows-");
        pool = new SourcePool("jdbc:h2:file:" + dir.resolve("src") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "",
                false, "PT5S", 2);
        rows = new JdbcSourceRows(pool);
    }

    @AfterAll
    void close() throws Exception {
        pool.close();
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    private List<Object[]> read(String sql, List<Column> columns) {
        List<Object[]> out = new ArrayList<>();
        rows.stream(sql, columns, 2, out::add);
        return out;
    }

    @Test
    void readsEveryPropertyTypeByNameInTheAskedOrder() {
        List<Object[]> got = read(ROW + ";", List.of(new Column("s", PropertyType.STRING), new Column("k", PropertyType.INT64),
                new Column("i", PropertyType.INT32), new Column("d", PropertyType.DOUBLE), new Column("f", PropertyType.FLOAT),
                new Column("b", PropertyType.BOOL), new Column("dt", PropertyType.DATE), new Column("ts", PropertyType.TIMESTAMP),
                new Column("n", PropertyType.INT32)));
        assertThat(got).hasSize(1);
        assertThat(got.get(0)).containsExactly("x", 7L, 3, 1.5, 2.5f, true, LocalDate.of(2024, 2, 29),
                Instant.parse("2024-01-01T10:00:00Z"), null);
    }

    @Test
    void streamsManyRows() {
        long[] count = {0};
        rows.stream("SELECT \"X\" AS id FROM SYSTEM_RANGE(1, 5000)", List.of(new Column("id", PropertyType.INT64)), 100,
                row -> count[0] += (Long) row[0]);
        assertThat(count[0]).isEqualTo(5000L * 5001 / 2);
    }

    @Test
    void aMissingColumnOrAValueOfAnotherTypeIsAnErrorNamingTheColumn() {
        assertThatThrownBy(() -> read(ROW, List.of(new Column("nope", PropertyType.STRING))))
                .isInstanceOf(SourceQueryException.class).hasMessageContaining("'nope'");
        assertThatThrownBy(() -> read(ROW, List.of(new Column("s", PropertyType.INT64))))
                .isInstanceOf(SourceQueryException.class).hasMessageContaining("column 's' cannot be read as INT64");
        assertThatThrownBy(() -> read("SELECT * FROM no_such_table", List.of()))
                .isInstanceOf(SourceQueryException.class).hasMessageContaining("no_such_table");
    }
}
