package io.grapholap.application.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapholap.domain.error.ValidationException;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** CSV reading: quoting, nulls, inferred and declared types, and the errors that name the column. */
class CsvTablesTest {

    @Test
    void infersTypesFromEveryCellAndHonoursDeclaredOnes() {
        UploadedTable t = CsvTables.parse("id,name,score,ok,day:DATE,u:UUID,small:INT32\r\n"
                + "1,\"Ann, \"\"A\"\"\",1.5,true,1970-01-02,00000000-0000-0000-0000-000000000001,7\r\n"
                + "2,,2,FALSE,,,\n", 10);
        assertThat(t.columns()).extracting(c -> c.name() + ":" + c.type())
                .containsExactly("id:INT64", "name:STRING", "score:DOUBLE", "ok:BOOL", "day:DATE", "u:UUID", "small:INT32");
        assertThat(t.rows().get(0)).containsExactly(1L, "Ann, \"A\"", 1.5, true, 1, new UUID(0, 1), 7);
        assertThat(Arrays.asList(t.rows().get(1))).containsExactly(2L, null, 2.0, false, null, null, null);
    }

    @Test
    void refusesBadTablesNamingWhatIsWrong() {
        assertThatThrownBy(() -> CsvTables.parse("", 10)).hasMessageContaining("no header");
        assertThatThrownBy(() -> CsvTables.parse("a,a\n1,2\n", 10)).hasMessageContaining("twice");
        assertThatThrownBy(() -> CsvTables.parse("a,b\n1\n", 10)).hasMessageContaining("line 2 has 1 cells");
        assertThatThrownBy(() -> CsvTables.parse("a:INT64\nx\n", 10)).isInstanceOf(ValidationException.class)
                .extracting(e -> ((ValidationException) e).field()).isEqualTo("a");
        assertThatThrownBy(() -> CsvTables.parse("a:MONEY\n1\n", 10)).hasMessageContaining("unknown type MONEY");
        assertThatThrownBy(() -> CsvTables.parse("a\n\"open\n", 10)).hasMessageContaining("quoted");
        assertThatThrownBy(() -> CsvTables.parse("a\n1\n2\n3\n", 2)).hasMessageContaining("at most 2 rows");
    }

    @Test
    void readsTheCornersOfTheFormatAsBefore() {
        UploadedTable t = CsvTables.parse("\uFEFFk,s\r1,\"\"\r\r\n2,a\"b\n3,\"x\"y\n4,\" sp \"\n5,\"multi\nline\"", 10);
        assertThat(t.columns()).extracting(c -> c.name() + ":" + c.type()).containsExactly("k:INT64", "s:STRING");
        assertThat(t.rows()).extracting(r -> r[1]).containsExactly("", "a\"b", "xy", " sp ", "multi\nline");
        assertThat(CsvTables.parse("a\n\n\n1\n", 10).rows()).hasSize(1);
        assertThat(CsvTables.parse("a,b\n1,2", 10).rows().getFirst()).containsExactly(1L, 2L);
    }

    @Test
    void takesAThousandColumnsAndRefusesTheThousandAndFirstWhileReading() {
        String wide = java.util.stream.IntStream.range(0, 1000).mapToObj(c -> "c" + c).collect(java.util.stream.Collectors.joining(","));
        assertThat(CsvTables.parse(wide + "\n", 10).columns()).hasSize(1000);
        String wider = java.util.stream.IntStream.range(0, 60_000).mapToObj(c -> "c" + c)
                .collect(java.util.stream.Collectors.joining(","));
        assertThatThrownBy(() -> CsvTables.parse(wider + "\n1\n", 10)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("more than 1000 cells")
                .extracting(e -> ((ValidationException) e).details().get("max_columns")).isEqualTo(1000);
        assertThatThrownBy(() -> CsvTables.parse("a\n" + "1,".repeat(1000) + "\n", 10)).hasMessageContaining("CSV line 2");
    }
}
