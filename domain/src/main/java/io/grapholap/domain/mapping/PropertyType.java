package io.grapholap.domain.mapping;

import io.grapholap.domain.error.ValidationException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The type of a node or edge property, as it will be stored in a snapshot. */
public enum PropertyType {
    STRING, INT64, INT32, DOUBLE, FLOAT, BOOL, DATE, TIMESTAMP;

    /** Parses a wire name (case-insensitive); {@code field} names the offending input. */
    public static PropertyType parse(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(field, field + " is required; expected one of " + allowed());
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException(field, "unknown type '" + value + "' in " + field + "; expected one of " + allowed());
        }
    }

    public static String allowed() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
