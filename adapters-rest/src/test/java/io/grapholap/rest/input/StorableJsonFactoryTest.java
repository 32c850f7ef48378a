package io.grapholap.rest.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grapholap.domain.error.ValidationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every string, field name and fractional number of a body is checked as it is parsed, whatever it is read into. */
class StorableJsonFactoryTest {

    private final ObjectMapper json = new ObjectMapper(new StorableJsonFactory());

    record Definition(String label, List<String> keys) {
    }

    record Body(String name, List<Definition> definitions) {
    }

    private static String field(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ValidationException v) {
                return v.field();
            }
        }
        throw new AssertionError("no ValidationException in " + e, e);
    }

    @Test
    void readsStorableJsonAsUsual() throws Exception {
        Body body = json.readValue("{\"name\": \"a \\ud83d\\ude00 b\", \"definitions\": [{\"label\": \"L\", \"keys\": [\"k\"]}]}",
                Body.class);
        assertThat(body.name()).isEqualTo("a \uD83D\uDE00 b");
        assertThat(json.readValue("{\"x\": 1e300}", Map.class)).containsEntry("x", 1e300);
    }

    @Test
    void refusesNulAndUnpairedSurrogatesNamingTheirPath() {
        assertThatThrownBy(() -> json.readValue("{\"name\": \"a\\u0000b\"}", Body.class))
                .satisfies(e -> assertThat(field(e)).isEqualTo("name"));
        assertThatThrownBy(() -> json.readValue("{\"name\": \"x\", \"definitions\": [{\"label\": \"L\", \"keys\": [\"k\", \"\\udc00\"]}]}",
                Body.class)).satisfies(e -> assertThat(field(e)).isEqualTo("definitions[0].keys[1]"));
        assertThatThrownBy(() -> json.readValue("{\"a\": {\"b\\u0000\": 1}}", Map.class))
                .satisfies(e -> assertThat(field(e)).isEqualTo("a.bU+0000"));
        assertThatThrownBy(() -> json.readTree("[\"ok\", \"\\ud800x\"]"))
                .satisfies(e -> assertThat(field(e)).isEqualTo("[1]"));
        assertThatThrownBy(() -> json.readValue("\"\\u0000\"", String.class))
                .satisfies(e -> assertThat(field(e)).isEqualTo("body"));
    }

    @Test
    void refusesNumbersBeyondADouble() {
        assertThatThrownBy(() -> json.readValue("{\"w\": [1.5, -1e400]}", JsonNode.class))
                .isInstanceOf(ValidationException.class).satisfies(e -> assertThat(field(e)).isEqualTo("w[1]"))
                .hasMessageContaining("-1e400");
    }

    @Test
    void copiesKeepTheChecks() {
        ObjectMapper copy = json.copy();
        assertThat(copy.getFactory()).isInstanceOf(StorableJsonFactory.class);
        assertThatThrownBy(() -> copy.readValue("{\"name\": \"\\u0000\"}", Body.class))
                .satisfies(e -> assertThat(field(e)).isEqualTo("name"));
    }
}
