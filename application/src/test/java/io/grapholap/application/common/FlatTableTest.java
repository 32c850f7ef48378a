package io.grapholap.application.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlatTableTest {

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    @Test
    void aProjectionBecomesAColumnPerKeyInTheOrderKeysFirstAppear() {
        FlatTable t = FlatTable.of(List.of("result"), List.of(
                List.of(map("name", "marko", "age", 29L)),
                List.of(map("name", "lop", "lang", "java")),
                Arrays.asList((Object) null)));
        assertThat(t.columns()).containsExactly("name", "age", "lang");
        assertThat(t.rows()).containsExactly(
                Arrays.asList("marko", 29L, null),
                Arrays.asList("lop", null, "java"),
                Arrays.asList(null, null, null));
    }

    @Test
    void valueMapListsOfOneValueUnwrapAndLongerListsStayWhole() {
        FlatTable t = FlatTable.of(List.of("result"), List.of(
                List.of(map("name", List.of("marko"), "nick", List.of("m", "mk"), "age", List.of())),
                List.of(map("name", List.of("vadas"), "nick", List.of("v"), "age", List.of(27L)))));
        assertThat(t.columns()).containsExactly("name", "nick", "age");
        assertThat(t.rows()).containsExactly(
                Arrays.asList("marko", List.of("m", "mk"), null),
                Arrays.asList("vadas", List.of("v"), 27L));
    }

    @Test
    void nestedMapsGiveDottedColumnsAndOtherColumnsGetTheirNameAsPrefix() {
        Map<String, Object> vertex = map("id", 1L, "label", "person", "properties", map("name", "marko"));
        FlatTable t = FlatTable.of(List.of("n", "v", "tags"), List.of(List.of(7L, vertex, List.of("a"))));
        assertThat(t.columns()).containsExactly("n", "v.id", "v.label", "v.properties.name", "tags");
        assertThat(t.rows()).containsExactly(List.of(7L, 1L, "person", "marko", List.of("a")));
    }

    @Test
    void aNameTakenTwiceGetsASuffix() {
        FlatTable t = FlatTable.of(List.of("result"), List.of(List.of(map("a.b", 1L, "a", map("b", 2L)))));
        assertThat(t.columns()).containsExactly("a.b", "a.b_2");
        assertThat(t.rows()).containsExactly(List.of(1L, 2L));
    }

    @Test
    void scalarsAndMixedColumnsAreKeptAsTheyAre() {
        List<List<Object>> rows = List.of(List.of(1L, map("k", 1L)), List.of(2L, "text"));
        FlatTable t = FlatTable.of(List.of("id", "value"), rows);
        assertThat(t.columns()).containsExactly("id", "value");
        assertThat(t.rows()).isEqualTo(rows);
        assertThat(FlatTable.of(List.of("result"), List.of()).columns()).containsExactly("result");
    }
}
