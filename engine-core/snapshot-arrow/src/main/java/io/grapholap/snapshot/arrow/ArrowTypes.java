package io.grapholap.snapshot.arrow;

import io.grapholap.application.graph.ValueType;
import io.grapholap.domain.error.ValidationException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * How each {@link ValueType} is stored in Arrow: STRING utf8, INT64 int64, INT32 int32, DOUBLE
 * float64, FLOAT float32, BOOL bool, DATE date32 (days), TIMESTAMP timestamp[us, UTC], UUID
 * fixed_size_binary(16) (big-endian most then least significant bits).
 */
public final class ArrowTypes {

    static final String UTC = "UTC";

    private ArrowTypes() {
    }

    public static ArrowType arrowType(ValueType type) {
        return switch (type) {
            case STRING -> ArrowType.Utf8.INSTANCE;
            case INT64 -> new ArrowType.Int(64, true);
            case INT32 -> new ArrowType.Int(32, true);
            case DOUBLE -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
            case FLOAT -> new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
            case BOOL -> ArrowType.Bool.INSTANCE;
            case DATE -> new ArrowType.Date(DateUnit.DAY);
            case TIMESTAMP -> new ArrowType.Timestamp(TimeUnit.MICROSECOND, UTC);
            case UUID -> new ArrowType.FixedSizeBinary(16);
            case LIST -> throw new IllegalArgumentException("LIST columns cannot be stored in a snapshot");
        };
    }

    static Field field(String name, ValueType type, boolean nullable) {
        return new Field(name, new FieldType(nullable, arrowType(type), null), null);
    }

    /** Writes one value (already type-checked by {@link #coerce}) at {@code row}, or a null. */
    static void set(FieldVector vector, ValueType type, int row, Object value) {
        if (value == null) {
            vector.setNull(row);
            return;
        }
        switch (type) {
            case STRING -> ((VarCharVector) vector).setSafe(row, ((String) value).getBytes(StandardCharsets.UTF_8));
            case INT64 -> ((BigIntVector) vector).setSafe(row, (Long) value);
            case INT32 -> ((IntVector) vector).setSafe(row, (Integer) value);
            case DOUBLE -> ((Float8Vector) vector).setSafe(row, (Double) value);
            case FLOAT -> ((Float4Vector) vector).setSafe(row, (Float) value);
            case BOOL -> ((BitVector) vector).setSafe(row, (Boolean) value ? 1 : 0);
            case DATE -> ((DateDayVector) vector).setSafe(row, (Integer) value);
            case TIMESTAMP -> ((TimeStampMicroTZVector) vector).setSafe(row, (Long) value);
            case UUID -> ((FixedSizeBinaryVector) vector).setSafe(row, uuidBytes((UUID) value));
            case LIST -> throw new IllegalArgumentException("LIST");
        }
    }

    /**
     * Converts an incoming value to the canonical Java form of {@code type} (String, Long, Integer,
     * Double, Float, Boolean, Integer days, Long micros, UUID), or throws a ValidationException
     * naming {@code column}.
     */
    static Object coerce(String column, ValueType type, Object value) {
        if (value == null) {
            return null;
        }
        try {
            return switch (type) {
                case STRING -> value instanceof String s ? s : value.toString();
                case INT64 -> switch (value) {
                    case Long l -> l;
                    case Integer i -> (long) i;
                    case Short s -> (long) s;
                    case Byte b -> (long) b;
                    case String s -> Long.parseLong(s.trim());
                    case Number n when n.doubleValue() == Math.rint(n.doubleValue()) -> n.longValue();
                    default -> throw mismatch(column, type, value);
                };
                case INT32 -> switch (value) {
                    case Integer i -> i;
                    case Short s -> (int) s;
                    case Byte b -> (int) b;
                    case Long l when l == (int) (long) l -> (int) (long) l;
                    case String s -> Integer.parseInt(s.trim());
                    default -> throw mismatch(column, type, value);
                };
                case DOUBLE -> switch (value) {
                    case Number n -> n.doubleValue();
                    case String s -> Double.parseDouble(s.trim());
                    default -> throw mismatch(column, type, value);
                };
                case FLOAT -> switch (value) {
                    case Number n -> n.floatValue();
                    case String s -> Float.parseFloat(s.trim());
                    default -> throw mismatch(column, type, value);
                };
                case BOOL -> switch (value) {
                    case Boolean b -> b;
                    case String s when s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false") -> Boolean.parseBoolean(s);
                    default -> throw mismatch(column, type, value);
                };
                case DATE -> switch (value) {
                    case LocalDate d -> (int) d.toEpochDay();
                    case java.sql.Date d -> (int) d.toLocalDate().toEpochDay();
                    case Integer i -> i;
                    case String s -> (int) LocalDate.parse(s.trim()).toEpochDay();
                    default -> throw mismatch(column, type, value);
                };
                case TIMESTAMP -> switch (value) {
                    case Instant i -> micros(i);
                    case java.sql.Timestamp t -> micros(t.toInstant());
                    case LocalDateTime t -> micros(t.toInstant(ZoneOffset.UTC));
                    case OffsetDateTime t -> micros(t.toInstant());
                    case Long l -> l;
                    case String s -> micros(Instant.parse(s.trim()));
                    default -> throw mismatch(column, type, value);
                };
                case UUID -> switch (value) {
                    case UUID u -> u;
                    case String s -> UUID.fromString(s.trim());
                    default -> throw mismatch(column, type, value);
                };
                case LIST -> throw mismatch(column, type, value);
            };
        } catch (RuntimeException e) {
            if (e instanceof ValidationException v) {
                throw v;
            }
            throw mismatch(column, type, value);
        }
    }

    private static long micros(Instant i) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, i);
    }

    private static ValidationException mismatch(String column, ValueType type, Object value) {
        String shown = String.valueOf(value);
        if (shown.length() > 80) {
            shown = shown.substring(0, 80) + "…";
        }
        return new ValidationException(column, "column " + column + " expects " + type + ", got "
                + value.getClass().getSimpleName() + " '" + shown + "'");
    }

    static byte[] uuidBytes(UUID u) {
        return ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits()).array();
    }

    public static UUID uuid(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        return new UUID(b.getLong(), b.getLong());
    }

    /** Bytes per value a loaded column of {@code type} holds (see {@code Column.bytes()}). */
    public static long loadedBytesPerValue(ValueType type) {
        return switch (type) {
            case INT64, TIMESTAMP, DOUBLE -> 8;
            case INT32, DATE, FLOAT -> 4;
            case STRING -> 8 + 48;
            case UUID -> 8 + 32;
            case BOOL, LIST -> 0;
        };
    }
}
