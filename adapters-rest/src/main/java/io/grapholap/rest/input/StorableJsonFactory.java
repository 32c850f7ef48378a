package io.grapholap.rest.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import io.grapholap.domain.error.ValidationException;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.jackson.ObjectMapperFactory;
import jakarta.inject.Singleton;
import java.io.DataInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

/**
 * The JSON factory of every JSON body the server reads: the Micronaut {@code ObjectMapper} is built
 * on it (it replaces Micronaut's own {@link JsonFactory} bean, so {@code jackson.factory} settings
 * do not apply; none are used), and the routes that parse a raw body themselves build their mappers
 * on it. Its parsers hold every value, at any depth and whatever the target type (records, maps,
 * trees), to what can be stored: every string and field name to {@link StorableText} (no NUL, no
 * unpaired surrogate), every number with a fraction or exponent to the range of a double (so
 * {@code 1e400} is refused rather than read as infinity). Either fails the read with a
 * {@code VALIDATION_FAILED} naming the field by its path (for example {@code node_definitions[0].label}).
 */
@Singleton
@Replaces(bean = JsonFactory.class, factory = ObjectMapperFactory.class)
public final class StorableJsonFactory extends JsonFactory {

    public StorableJsonFactory() {
    }

    private StorableJsonFactory(StorableJsonFactory source, ObjectCodec codec) {
        super(source, codec);
    }

    @Override
    public JsonFactory copy() {
        return new StorableJsonFactory(this, null);
    }

    @Override
    protected JsonParser _createParser(InputStream in, IOContext ctxt) throws IOException {
        return new Checked(super._createParser(in, ctxt));
    }

    @Override
    protected JsonParser _createParser(Reader r, IOContext ctxt) throws IOException {
        return new Checked(super._createParser(r, ctxt));
    }

    @Override
    protected JsonParser _createParser(char[] data, int offset, int len, IOContext ctxt, boolean recyclable) throws IOException {
        return new Checked(super._createParser(data, offset, len, ctxt, recyclable));
    }

    @Override
    protected JsonParser _createParser(byte[] data, int offset, int len, IOContext ctxt) throws IOException {
        return new Checked(super._createParser(data, offset, len, ctxt));
    }

    @Override
    protected JsonParser _createParser(DataInput input, IOContext ctxt) throws IOException {
        return new Checked(super._createParser(input, ctxt));
    }

    @Override
    public JsonParser createNonBlockingByteArrayParser() throws IOException {
        return new Checked(super.createNonBlockingByteArrayParser());
    }

    @Override
    public JsonParser createNonBlockingByteBufferParser() throws IOException {
        return new Checked(super.createNonBlockingByteBufferParser());
    }

    /**
     * Checks each string, field name and floating-point number as it is read. The shortcut methods ({@code nextFieldName},
     * {@code nextTextValue}, …) are routed through {@link #nextToken} so that none of them skips the check.
     */
    private static final class Checked extends JsonParserDelegate {

        Checked(JsonParser parser) {
            super(parser);
        }

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken token = delegate.nextToken();
            if (token == JsonToken.VALUE_STRING) {
                check(delegate.getText());
            } else if (token == JsonToken.FIELD_NAME) {
                check(delegate.currentName());
            } else if (token == JsonToken.VALUE_NUMBER_FLOAT && Double.isInfinite(delegate.getDoubleValue())) {
                String field = path();
                throw new ValidationException(field, "'" + field + "' is " + delegate.getText()
                        + ", beyond the range of a double-precision number");
            }
            return token;
        }

        private void check(String text) throws IOException {
            if (StorableText.problem(text) != null) {
                StorableText.require(path(), text);
            }
        }

        @Override
        public JsonToken nextValue() throws IOException {
            JsonToken token = nextToken();
            return token == JsonToken.FIELD_NAME ? nextToken() : token;
        }

        @Override
        public String nextFieldName() throws IOException {
            return nextToken() == JsonToken.FIELD_NAME ? delegate.currentName() : null;
        }

        @Override
        public boolean nextFieldName(SerializableString name) throws IOException {
            return nextToken() == JsonToken.FIELD_NAME && name.getValue().equals(delegate.currentName());
        }

        @Override
        public String nextTextValue() throws IOException {
            return nextToken() == JsonToken.VALUE_STRING ? delegate.getText() : null;
        }

        @Override
        public int nextIntValue(int defaultValue) throws IOException {
            return nextToken() == JsonToken.VALUE_NUMBER_INT ? delegate.getIntValue() : defaultValue;
        }

        @Override
        public long nextLongValue(long defaultValue) throws IOException {
            return nextToken() == JsonToken.VALUE_NUMBER_INT ? delegate.getLongValue() : defaultValue;
        }

        @Override
        public Boolean nextBooleanValue() throws IOException {
            JsonToken token = nextToken();
            return token == JsonToken.VALUE_TRUE ? Boolean.TRUE : token == JsonToken.VALUE_FALSE ? Boolean.FALSE : null;
        }

        private String path() {
            return JsonPaths.of(delegate.getParsingContext());
        }
    }
}
