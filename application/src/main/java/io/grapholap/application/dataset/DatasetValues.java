package io.grapholap.application.dataset;

import io.grapholap.application.graph.ValueType;
import io.grapholap.domain.error.ValidationException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The typing rules of uploads. A JSON value's type is inferred: string STRING, integral number
 * INT64, other number DOUBLE, boolean BOOL; null carries no type. A value then goes into an existing
 * column by these rules (anything else is a type clash, a ValidationException naming the attribute):
 * same type as is; INT32 into INT64; INT32, INT64 or FLOAT into DOUBLE; INT64 into INT32 when in range;
 * DOUBLE into FLOAT; a STRING into DATE ({@code 2026-01-31}), TIMESTAMP (ISO-8601 instant), UUID,
 * or, for vertex keys only, into INT64/INT32 when it is an integer. A DOUBLE arriving in an INT64
 * property column widens the column to DOUBLE (see {@link GraphTables}).
 */
final class DatasetValues {

    /** Labels, edge types and attribute names: a letter or {@code _}, then letters, digits, {@code _}, at most 128. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

    private DatasetValues() {
    }

    static String requireName(String field, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ValidationException(field, field + " must be a letter or '_' followed by up to 127 letters, digits or '_', got '"
                    + shorten(String.valueOf(name)) + "'");
        }
        return name;
    }

    /** The type of a JSON value, or null for JSON null. */
    static ValueType infer(String field, Object value) {
        return switch (value) {
            case null -> null;
            case String s -> ValueType.STRING;
            case Boolean b -> ValueType.BOOL;
            case Integer i -> ValueType.INT64;
            case Long l -> ValueType.INT64;
            case Short s -> ValueType.INT64;
            case BigInteger b when b.bitLength() < 64 -> ValueType.INT64;
            case Double d -> ValueType.DOUBLE;
            case Float f -> ValueType.DOUBLE;
            case BigDecimal d -> ValueType.DOUBLE;
            default -> throw new ValidationException(field, field + " must be a string, a number within 64 bits or a boolean, got "
                    + describe(value));
        };
    }

    /** A JSON value in the canonical form of its inferred type. */
    static Object canonical(ValueType type, Object value) {
        if (value == null) {
            return null;
        }
        return switch (type) {
            case INT64 -> ((Number) value).longValue();
            case DOUBLE -> ((Number) value).doubleValue();
            default -> value;
        };
    }

    /**
     * Converts {@code value} (canonical form of {@code from}) into column type {@code to}; null when
     * the rules above do not allow it.
     */
    static Object convert(Object value, ValueType from, ValueType to, boolean key) {
        if (value == null || from == to) {
            return value;
        }
        try {
            return switch (to) {
                case INT64 -> switch (from) {
                    case INT32 -> ((Integer) value).longValue();
                    case STRING -> key ? Long.parseLong(((String) value).trim()) : null;
                    default -> null;
                };
                case INT32 -> switch (from) {
                    case INT64 -> {
                        long l = (Long) value;
                        yield l == (int) l ? (Object) (int) l : null;
                    }
                    case STRING -> key ? Integer.parseInt(((String) value).trim()) : null;
                    default -> null;
                };
                case DOUBLE -> switch (from) {
                    case INT32, INT64, FLOAT -> ((Number) value).doubleValue();
                    default -> null;
                };
                case FLOAT -> from == ValueType.DOUBLE ? (Object) ((Double) value).floatValue() : null;
                case DATE -> from == ValueType.STRING ? (Object) (int) LocalDate.parse((String) value).toEpochDay() : null;
                case TIMESTAMP -> from == ValueType.STRING
                        ? (Object) ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse((String) value)) : null;
                case UUID -> from == ValueType.STRING ? UUID.fromString((String) value) : null;
                default -> null;
            };
        } catch (RuntimeException unparsable) {
            return null;
        }
    }

    static ValidationException clash(String field, ValueType column, ValueType given, Object value) {
        return new ValidationException(field, field + " is " + column + " but the upload gives " + given + " "
                + describe(value), java.util.Map.of("expected_type", column.name(), "given_type", given.name()));
    }

    static String describe(Object value) {
        String shown = String.valueOf(value);
        return "'" + shorten(shown) + "'";
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
