package io.grapholap.application.mapping;

import io.grapholap.application.mapping.SourceDatabase.ColumnKind;
import io.grapholap.application.mapping.SourceDatabase.SourceColumn;
import io.grapholap.domain.mapping.PropertyType;

/**
 * Which source columns a declared property type accepts: every value must convert without loss
 * of meaning. Integers widen (INT32 into INT64, DOUBLE), exact decimals fit integer types only
 * with scale 0, anything renders as STRING, and DATE values fit TIMESTAMP.
 */
public final class TypeCompatibility {

    private TypeCompatibility() {
    }

    public static boolean accepts(PropertyType declared, SourceColumn column) {
        ColumnKind k = column.kind();
        return switch (declared) {
            case STRING -> true;
            case INT64 -> k == ColumnKind.INT16 || k == ColumnKind.INT32 || k == ColumnKind.INT64
                    || (k == ColumnKind.DECIMAL && column.scale() == 0 && column.precision() > 0 && column.precision() <= 18);
            case INT32 -> k == ColumnKind.INT16 || k == ColumnKind.INT32
                    || (k == ColumnKind.DECIMAL && column.scale() == 0 && column.precision() > 0 && column.precision() <= 9);
            case DOUBLE -> k == ColumnKind.INT16 || k == ColumnKind.INT32 || k == ColumnKind.INT64
                    || k == ColumnKind.DECIMAL || k == ColumnKind.FLOAT32 || k == ColumnKind.FLOAT64;
            case FLOAT -> k == ColumnKind.INT16 || k == ColumnKind.FLOAT32 || k == ColumnKind.FLOAT64
                    || k == ColumnKind.DECIMAL;
            case BOOL -> k == ColumnKind.BOOLEAN;
            case DATE -> k == ColumnKind.DATE;
            case TIMESTAMP -> k == ColumnKind.TIMESTAMP || k == ColumnKind.DATE;
        };
    }
}
