package io.grapholap.rest.udf.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.grapholap.application.udf.JsonWriter;
import io.grapholap.domain.error.ValidationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;

/**
 * The JSON out-port on Jackson's streaming generator, which does the quoting, escaping and number
 * text; the nesting limit is the generator's. The text goes into a buffer that refuses to grow past
 * the limit, so an oversized output stops while it is written. Thread-safe.
 */
public final class JacksonJsonWriter implements JsonWriter {

    private final JsonFactory factory = JsonFactory.builder()
            .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();

    @Override
    public String write(Object value, long maxChars) {
        BoundedText text = new BoundedText(maxChars);
        try (JsonGenerator json = factory.createGenerator(text)) {
            value(json, value);
        } catch (StreamConstraintsException e) {
            throw new ValidationException("output", "the output nests deeper than " + MAX_DEPTH + " levels");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void value(JsonGenerator json, Object v) throws IOException {
        switch (v) {
            case null -> json.writeNull();
            case Boolean b -> json.writeBoolean(b);
            case Double d when !Double.isFinite(d) -> json.writeNull();
            case Float f when !Float.isFinite(f) -> json.writeNull();
            case Double d -> json.writeNumber(d);
            case Float f -> json.writeNumber(f);
            case Long l -> json.writeNumber(l);
            case Integer i -> json.writeNumber(i);
            case Short s -> json.writeNumber(s);
            case Byte b -> json.writeNumber(b);
            case BigInteger i -> json.writeNumber(i);
            case BigDecimal d -> json.writeNumber(d);
            case Number n -> json.writeNumber(n.toString());
            case Map<?, ?> m -> {
                json.writeStartObject();
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    json.writeFieldName(String.valueOf(e.getKey()));
                    value(json, e.getValue());
                }
                json.writeEndObject();
            }
            case Collection<?> c -> {
                json.writeStartArray();
                for (Object e : c) {
                    value(json, e);
                }
                json.writeEndArray();
            }
            case Object[] a -> value(json, Arrays.asList(a));
            default -> json.writeString(String.valueOf(v));
        }
    }

    /** Text that fails on field {@code output} once it would pass {@code maxChars} characters. */
    private static final class BoundedText extends Writer {

        private final StringBuilder text = new StringBuilder();
        private final long maxChars;

        BoundedText(long maxChars) {
            this.maxChars = maxChars;
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            if ((long) text.length() + length > maxChars) {
                throw new ValidationException("output", "the output is larger than the limit of " + maxChars + " bytes");
            }
            text.append(chars, offset, length);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
