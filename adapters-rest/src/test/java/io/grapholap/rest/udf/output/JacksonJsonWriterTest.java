package io.grapholap.rest.udf.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.grapholap.application.udf.JsonWriter;
import io.grapholap.domain.error.ValidationException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** UDF output as JSON text: what each plain value becomes, and the size and depth limits. */
class JacksonJsonWriterTest {

    private final JsonWriter json = new JacksonJsonWriter();

    @Test
    void writesPlainValuesKeepingOrderAndEscapingStrings() throws Exception {
        Map<Object, Object> value = new LinkedHashMap<>();
        value.put("s", "quote \" backslash \\ newline \n tab \t bell \u0007 é");
        value.put(7, List.of(1, 2L, 1.5, 2.5f, true, new BigDecimal("1.10")));
        value.put("nulls", Arrays.asList(null, Double.NaN, Double.POSITIVE_INFINITY, Float.NaN));
        value.put("array", new Object[] {"a", 1});
        value.put("other", new UUID(0, 1));
        String text = json.write(value, Long.MAX_VALUE);
        assertThat(text).startsWith("{\"s\":").contains("\"7\":[1,2,1.5,2.5,true,1.10]")
                .contains("\"nulls\":[null,null,null,null]").contains("\"array\":[\"a\",1]")
                .contains("\"other\":\"00000000-0000-0000-0000-000000000001\"");
        Map<?, ?> back = new ObjectMapper().readValue(text, Map.class);
        assertThat(back.get("s")).isEqualTo(value.get("s"));
        assertThat(back.keySet()).extracting(String::valueOf).containsExactly("s", "7", "nulls", "array", "other");
        assertThat(json.write(null, 4)).isEqualTo("null");
        assertThat(json.write("x", 3)).isEqualTo("\"x\"");
    }

    @Test
    void refusesTextLongerThanTheLimitWhileWriting() {
        List<String> big = java.util.Collections.nCopies(100_000, "0123456789");
        assertThatThrownBy(() -> json.write(big, 50_000)).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).isEqualTo("output");
            assertThat(e.getMessage()).contains("larger than the limit of 50000 bytes");
        });
        assertThatThrownBy(() -> json.write("abcd", 5)).isInstanceOf(ValidationException.class);
        assertThat(json.write("abc", 5)).isEqualTo("\"abc\"");
    }

    @Test
    void refusesNestingDeeperThanTheLimit() {
        assertThat(json.write(nested(JsonWriter.MAX_DEPTH), Long.MAX_VALUE)).startsWith("[[[").endsWith("]]]");
        assertThatThrownBy(() -> json.write(nested(JsonWriter.MAX_DEPTH + 1), Long.MAX_VALUE))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("output");
                    assertThat(e.getMessage()).contains("nests deeper than 64 levels");
                });
    }

    private static List<Object> nested(int depth) {
        List<Object> root = new ArrayList<>();
        List<Object> current = root;
        for (int i = 1; i < depth; i++) {
            List<Object> inner = new ArrayList<>();
            current.add(inner);
            current = inner;
        }
        return root;
    }
}
