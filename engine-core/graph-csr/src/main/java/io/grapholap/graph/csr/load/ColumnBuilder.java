package io.grapholap.graph.csr.load;

import io.grapholap.application.graph.Column;
import io.grapholap.application.graph.ValueType;
import io.grapholap.snapshot.arrow.ArrowTypes;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Fills one loaded column from Arrow record batches. Each batch is copied to its own row range,
 * so several threads may fill disjoint ranges at once; the shared null and boolean bit sets are
 * written under the builder's lock.
 */
final class ColumnBuilder {

    private final ValueType type;
    private final int rows;
    private final long[] longs;
    private final int[] ints;
    private final double[] doubles;
    private final float[] floats;
    private final BitSet bools;
    private final Object[] objects;
    private BitSet nulls;

    ColumnBuilder(ValueType type, int rows) {
        this.type = type;
        this.rows = rows;
        longs = type.isLongBacked() ? new long[rows] : null;
        ints = type.isIntBacked() ? new int[rows] : null;
        doubles = type == ValueType.DOUBLE ? new double[rows] : null;
        floats = type == ValueType.FLOAT ? new float[rows] : null;
        bools = type == ValueType.BOOL ? new BitSet(rows) : null;
        objects = type == ValueType.STRING || type == ValueType.UUID ? new Object[rows] : null;
    }

    /** Bytes the built column will hold (matches {@link Column#bytes()}). */
    static long bytes(ValueType type, long rows, boolean hasNulls) {
        long bits = 8 * ((rows + 63) / 64);
        long values = type == ValueType.BOOL ? bits : rows * ArrowTypes.loadedBytesPerValue(type);
        boolean nullsKept = hasNulls && type != ValueType.STRING && type != ValueType.UUID;
        return values + (nullsKept ? bits : 0);
    }

    /** Copies {@code count} values of {@code vector} to rows {@code offset..offset+count-1}. */
    void copy(FieldVector vector, int count, int offset) {
        ArrowBuf data = type == ValueType.STRING || type == ValueType.UUID || type == ValueType.BOOL
                ? null : vector.getDataBuffer();
        switch (type) {
            case INT64, TIMESTAMP -> {
                for (int i = 0; i < count; i++) {
                    longs[offset + i] = data.getLong(8L * i);
                }
            }
            case INT32, DATE -> {
                for (int i = 0; i < count; i++) {
                    ints[offset + i] = data.getInt(4L * i);
                }
            }
            case DOUBLE -> {
                for (int i = 0; i < count; i++) {
                    doubles[offset + i] = data.getDouble(8L * i);
                }
            }
            case FLOAT -> {
                for (int i = 0; i < count; i++) {
                    floats[offset + i] = data.getFloat(4L * i);
                }
            }
            case BOOL -> {
                BitVector v = (BitVector) vector;
                synchronized (this) {
                    for (int i = 0; i < count; i++) {
                        if (!v.isNull(i) && v.get(i) != 0) {
                            bools.set(offset + i);
                        }
                    }
                }
            }
            case STRING -> {
                VarCharVector v = (VarCharVector) vector;
                for (int i = 0; i < count; i++) {
                    objects[offset + i] = v.isNull(i) ? null : new String(v.get(i), StandardCharsets.UTF_8);
                }
            }
            case UUID -> {
                FixedSizeBinaryVector v = (FixedSizeBinaryVector) vector;
                for (int i = 0; i < count; i++) {
                    objects[offset + i] = v.isNull(i) ? null : ArrowTypes.uuid(v.get(i));
                }
            }
            case LIST -> throw new IllegalStateException("LIST columns are not stored");
        }
        if (vector.getNullCount() > 0 && objects == null) {
            synchronized (this) {
                if (nulls == null) {
                    nulls = new BitSet(rows);
                }
                for (int i = 0; i < count; i++) {
                    if (vector.isNull(i)) {
                        nulls.set(offset + i);
                    }
                }
            }
        }
    }

    long[] longs() {
        return longs;
    }

    int[] ints() {
        return ints;
    }

    Object[] objects() {
        return objects;
    }

    Column build() {
        return switch (type) {
            case INT64, TIMESTAMP -> new Column.Int64(type, longs, nulls);
            case INT32, DATE -> new Column.Int32(type, ints, nulls);
            case DOUBLE -> new Column.Float64(doubles, nulls);
            case FLOAT -> new Column.Float32(floats, nulls);
            case BOOL -> new Column.Bool(bools, rows, nulls);
            case STRING, UUID -> Column.ofObjects(type, objects);
            case LIST -> throw new IllegalStateException("LIST columns are not stored");
        };
    }
}
