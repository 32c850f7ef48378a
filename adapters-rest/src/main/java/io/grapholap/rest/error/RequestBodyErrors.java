package io.grapholap.rest.error;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.grapholap.domain.error.DomainException;
import io.grapholap.domain.error.ValidationException;
import io.grapholap.rest.input.JsonPaths;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/**
 * Explains why a request body or parameter could not be read, naming the field in the client's
 * terms (snake_case JSON path) and never exposing Java class names.
 */
final class RequestBodyErrors {

    private RequestBodyErrors() {
    }

    static DomainException describe(Throwable failure, String argumentName) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DomainException domain) {
                return domain;
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof JsonParseException parse) {
                var location = parse.getLocation();
                return new ValidationException("body", "malformed JSON at line " + location.getLineNr()
                        + ", column " + location.getColumnNr() + ": " + parse.getOriginalMessage());
            }
            if (t instanceof UnrecognizedPropertyException unknown) {
                String field = path(unknown);
                return new ValidationException(field, "unknown field '" + field + "'");
            }
            if (t instanceof InvalidFormatException format) {
                String field = path(format);
                return new ValidationException(field, "field '" + field + "' must be " + typeName(format.getTargetType())
                        + ", got '" + format.getValue() + "'");
            }
            if (t instanceof MismatchedInputException mismatch) {
                String field = path(mismatch);
                if (field.isEmpty()) {
                    return new ValidationException("body", "the request body must be a JSON object");
                }
                return new ValidationException(field, "field '" + field + "' must be " + typeName(mismatch.getTargetType()));
            }
            if (t instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
                String field = path(mapping);
                return new ValidationException(field, "field '" + field + "' " + (mapping.getCause() instanceof InputCoercionException range
                        ? "is out of range: " + range.getOriginalMessage() : "is not valid"));
            }
            if (t instanceof InputCoercionException range && range.getProcessor() instanceof JsonParser parser) {
                String field = JsonPaths.of(parser.getParsingContext());
                return new ValidationException(field, "field '" + field + "' is out of range: " + range.getOriginalMessage());
            }
            if (t instanceof JsonProcessingException) {
                return new ValidationException("body", "the request body is not valid JSON");
            }
        }
        String field = argumentName == null ? "body" : argumentName;
        return new ValidationException(field, "'" + field + "' could not be read: " + safeMessage(failure));
    }

    private static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == String.class || type.isEnum()) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == BigInteger.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class || type == BigDecimal.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        if (type.getName().startsWith("java.time.Instant") || type.getName().startsWith("java.time.OffsetDateTime")) {
            return "an ISO-8601 timestamp";
        }
        if (type.getName().equals("java.time.Duration")) {
            return "an ISO-8601 duration such as PT24H";
        }
        return "an object";
    }

    private static String safeMessage(Throwable failure) {
        String message = failure.getMessage();
        if (message == null) {
            return "invalid value";
        }
        int cut = message.indexOf(": io.");
        return cut > 0 ? message.substring(0, cut) : message.replaceAll("\\b(java|io|com)\\.[\\w.$]+", "value");
    }
}
