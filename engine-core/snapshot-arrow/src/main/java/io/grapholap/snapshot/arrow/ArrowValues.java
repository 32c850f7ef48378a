package io.grapholap.snapshot.arrow;

import io.grapholap.application.graph.ValueType;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * Reads values back out of Arrow vectors in the canonical Java forms the snapshot writer takes
 * (the inverse of {@link ArrowTypes#set}), and maps Arrow types back to value types.
 */
final class ArrowValues {

    private ArrowValues() {
    }

    /** The value type an Arrow column maps to, or null when it has none. */
    static ValueType typeOf(ArrowType type) {
        return switch (type) {
            case ArrowType.Utf8 u -> ValueType.STRING;
            case ArrowType.Int i when i.getIsSigned() && i.getBitWidth() == 64 -> ValueType.INT64;
            case ArrowType.Int i when i.getIsSigned() && i.getBitWidth() == 32 -> ValueType.INT32;
            case ArrowType.FloatingPoint f when f.getPrecision() == FloatingPointPrecision.DOUBLE -> ValueType.DOUBLE;
            case ArrowType.FloatingPoint f when f.getPrecision() == FloatingPointPrecision.SINGLE -> ValueType.FLOAT;
            case ArrowType.Bool b -> ValueType.BOOL;
            case ArrowType.Date d when d.getUnit() == DateUnit.DAY -> ValueType.DATE;
            case ArrowType.Timestamp t when t.getUnit() == TimeUnit.MICROSECOND -> ValueType.TIMESTAMP;
            case ArrowType.FixedSizeBinary b when b.getByteWidth() == 16 -> ValueType.UUID;
            default -> null;
        };
    }

    static Object get(FieldVector vector, ValueType type, int row) {
        if (vector.isNull(row)) {
            return null;
        }
        return switch (type) {
            case STRING -> new String(((VarCharVector) vector).get(row), StandardCharsets.UTF_8);
            case INT64 -> ((BigIntVector) vector).get(row);
            case INT32 -> ((IntVector) vector).get(row);
            case DOUBLE -> ((Float8Vector) vector).get(row);
            case FLOAT -> ((Float4Vector) vector).get(row);
            case BOOL -> ((BitVector) vector).get(row) != 0;
            case DATE -> ((DateDayVector) vector).get(row);
            case TIMESTAMP -> ((TimeStampVector) vector).get(row);
            case UUID -> ArrowTypes.uuid(((FixedSizeBinaryVector) vector).get(row));
            case LIST -> throw new IllegalArgumentException("LIST columns are not stored");
        };
    }
}
