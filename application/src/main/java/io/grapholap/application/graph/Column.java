package io.grapholap.application.graph;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * One typed column of values, indexed by row {@code 0..size()-1}. Primitive columns keep their
 * values in plain arrays (read them directly in loops); a {@code nulls} bit set marks null rows and
 * is {@code null} when the column has no nulls. Arrays are shared, not copied: a column is
 * immutable by convention once built.
 */
public sealed interface Column {

    ValueType type();

    int size();

    boolean isNull(int row);

    /** The boxed value of a row, or {@code null}; DATE as Integer days, TIMESTAMP as Long micros. */
    Object get(int row);

    /** Bytes held by the value arrays (approximate for object columns). */
    long bytes();

    static Int64 ofLongs(long[] values) {
        return new Int64(ValueType.INT64, values, null);
    }

    static Int32 ofInts(int[] values) {
        return new Int32(ValueType.INT32, values, null);
    }

    static Float64 ofDoubles(double[] values) {
        return new Float64(values, null);
    }

    static Boxed ofObjects(ValueType type, Object[] values) {
        return new Boxed(type, values);
    }

    private static boolean bit(BitSet nulls, int row) {
        return nulls != null && nulls.get(row);
    }

    private static long nullBytes(BitSet nulls) {
        return nulls == null ? 0 : nulls.size() / 8;
    }

    /** INT64 or TIMESTAMP values. */
    record Int64(ValueType type, long[] values, BitSet nulls) implements Column {
        public Int64 {
            Objects.requireNonNull(values, "values");
            if (!type.isLongBacked()) {
                throw new IllegalArgumentException("Int64 column cannot hold " + type);
            }
        }

        public int size() { return values.length; }

        public boolean isNull(int row) { return bit(nulls, row); }

        public Object get(int row) { return isNull(row) ? null : values[row]; }

        public long bytes() { return 8L * values.length + nullBytes(nulls); }
    }

    /** INT32 or DATE values. */
    record Int32(ValueType type, int[] values, BitSet nulls) implements Column {
        public Int32 {
            Objects.requireNonNull(values, "values");
            if (!type.isIntBacked()) {
                throw new IllegalArgumentException("Int32 column cannot hold " + type);
            }
        }

        public int size() { return values.length; }

        public boolean isNull(int row) { return bit(nulls, row); }

        public Object get(int row) { return isNull(row) ? null : values[row]; }

        public long bytes() { return 4L * values.length + nullBytes(nulls); }
    }

    /** DOUBLE values. */
    record Float64(double[] values, BitSet nulls) implements Column {
        public Float64 { Objects.requireNonNull(values, "values"); }

        public ValueType type() { return ValueType.DOUBLE; }

        public int size() { return values.length; }

        public boolean isNull(int row) { return bit(nulls, row); }

        public Object get(int row) { return isNull(row) ? null : values[row]; }

        public long bytes() { return 8L * values.length + nullBytes(nulls); }
    }

    /** FLOAT values. */
    record Float32(float[] values, BitSet nulls) implements Column {
        public Float32 { Objects.requireNonNull(values, "values"); }

        public ValueType type() { return ValueType.FLOAT; }

        public int size() { return values.length; }

        public boolean isNull(int row) { return bit(nulls, row); }

        public Object get(int row) { return isNull(row) ? null : values[row]; }

        public long bytes() { return 4L * values.length + nullBytes(nulls); }
    }

    /** BOOL values: bit {@code row} of {@code values} is the value, {@code size} the row count. */
    record Bool(BitSet values, int size, BitSet nulls) implements Column {
        public Bool { Objects.requireNonNull(values, "values"); }

        public ValueType type() { return ValueType.BOOL; }

        public boolean isNull(int row) { return bit(nulls, row); }

        public boolean value(int row) { return values.get(row); }

        public Object get(int row) { return isNull(row) ? null : values.get(row); }

        public long bytes() { return values.size() / 8 + nullBytes(nulls); }
    }

    /**
     * STRING values made from vertices when a row is read: row {@code r} is {@code text} of vertex
     * {@code vertices[r]}, or of vertex {@code r} when {@code vertices} is {@code null} (a row per
     * vertex in dense-id order). Results name their vertices this way (identity, label) without a
     * string per row, so a result over millions of vertices costs at most an int a row.
     */
    record OfVertices(IntFunction<String> text, int[] vertices, int size) implements Column {
        public OfVertices {
            Objects.requireNonNull(text, "text");
            if (vertices != null && vertices.length != size) {
                throw new IllegalArgumentException(vertices.length + " vertices for " + size + " rows");
            }
        }

        public ValueType type() { return ValueType.STRING; }

        public boolean isNull(int row) { return false; }

        public Object get(int row) { return text.apply(vertices == null ? row : vertices[row]); }

        public long bytes() { return vertices == null ? 0 : 4L * vertices.length; }

        /** Rows {@code from .. to-1} as plain strings, for a copy that must not hold the graph. */
        public Boxed materialize(int from, int to) {
            Object[] out = new Object[to - from];
            for (int r = from; r < to; r++) {
                out[r - from] = get(r);
            }
            return new Boxed(ValueType.STRING, out);
        }
    }

    /**
     * Values held as objects: STRING (String), UUID (java.util.UUID), LIST (java.util.List), or any
     * other type in boxed form; a {@code null} element is a null row.
     */
    record Boxed(ValueType type, Object[] values) implements Column {
        public Boxed { Objects.requireNonNull(values, "values"); Objects.requireNonNull(type, "type"); }

        public int size() { return values.length; }

        public boolean isNull(int row) { return values[row] == null; }

        public Object get(int row) { return values[row]; }

        public long bytes() {
            long perValue = type == ValueType.STRING ? 48 : type == ValueType.UUID ? 32 : 16;
            return (8L + perValue) * values.length;
        }

        @Override
        public String toString() {
            return "Boxed[" + type + ", " + Arrays.toString(values) + "]";
        }
    }
}
