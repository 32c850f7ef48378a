package io.grapholap.rest.udf.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;

/** JSON text of a nested value stored in a text column. */
final class JsonOf {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonOf() {
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
