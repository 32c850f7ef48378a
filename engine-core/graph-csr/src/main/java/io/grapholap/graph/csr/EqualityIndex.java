package io.grapholap.graph.csr;

import io.grapholap.application.graph.Column;
import io.grapholap.application.graph.ValueType;
import java.util.Arrays;

/**
 * Value to rows of one vertex property column of one label, for equality lookups. INT32 and INT64
 * columns are keyed by their long value, FLOAT64 columns by the bits of the value (-0.0 folded into
 * 0.0, NaN left out since it equals nothing), STRING columns by the string. Null rows are left out.
 * Open addressing with linear probing; each slot points at an ascending run of local rows in one
 * postings array, so a lookup returns rows in column order without allocating per row.
 *
 * <p>A lookup may return a superset of the matching rows only in the sense that callers re-test
 * every row with the full predicate; for the supported column types it returns exactly the rows
 * whose value equals the key. Immutable once built, hence safe to share between threads.
 */
public final class EqualityIndex {

    private static final int[] NONE = new int[0];

    private final boolean numeric;
    private final boolean floating;
    private final int mask;
    private final long[] longKeys;
    private final Object[] objectKeys;
    private final int[] starts;
    private final int[] counts;
    private final int[] postings;

    private EqualityIndex(boolean numeric, boolean floating, int capacity) {
        this.numeric = numeric;
        this.floating = floating;
        this.mask = capacity - 1;
        this.longKeys = numeric ? new long[capacity] : null;
        this.objectKeys = numeric ? null : new Object[capacity];
        this.starts = new int[capacity];
        this.counts = new int[capacity];
        this.postings = new int[0];
    }

    private EqualityIndex(EqualityIndex shape, int[] postings) {
        this.numeric = shape.numeric;
        this.floating = shape.floating;
        this.mask = shape.mask;
        this.longKeys = shape.longKeys;
        this.objectKeys = shape.objectKeys;
        this.starts = shape.starts;
        this.counts = shape.counts;
        this.postings = postings;
    }

    /** Whether {@code column} has a type this index can key. */
    public static boolean supports(Column column) {
        return switch (column) {
            case Column.Int32 c -> c.type() == ValueType.INT32;
            case Column.Int64 c -> c.type() == ValueType.INT64;
            case Column.Float64 c -> true;
            case Column.Boxed c -> c.type() == ValueType.STRING;
            default -> false;
        };
    }

    /** Builds the index of {@code column}, which must be {@link #supports supported}. */
    public static EqualityIndex build(Column column) {
        int rows = column.size();
        int capacity = Integer.highestOneBit(Math.max(2, rows) * 2 - 1) << 1;
        boolean numeric = !(column instanceof Column.Boxed);
        EqualityIndex shape = new EqualityIndex(numeric, column instanceof Column.Float64, capacity);
        int[] slots = new int[rows];
        int indexed = 0;
        for (int row = 0; row < rows; row++) {
            int slot = -1;
            switch (column) {
                case Column.Int32 c -> slot = c.isNull(row) ? -1 : shape.insert(c.values()[row]);
                case Column.Int64 c -> slot = c.isNull(row) ? -1 : shape.insert(c.values()[row]);
                case Column.Float64 c -> {
                    double d = c.values()[row];
                    slot = c.isNull(row) || Double.isNaN(d) ? -1 : shape.insert(doubleKey(d));
                }
                case Column.Boxed c -> slot = c.values()[row] == null ? -1 : shape.insert(c.values()[row]);
                default -> throw new IllegalArgumentException("unsupported column " + column.type());
            }
            slots[row] = slot;
            if (slot >= 0) {
                indexed++;
            }
        }
        int offset = 0;
        for (int s = 0; s < capacity; s++) {
            shape.starts[s] = offset;
            offset += shape.counts[s];
            shape.counts[s] = 0;
        }
        int[] postings = new int[indexed];
        for (int row = 0; row < rows; row++) {
            int s = slots[row];
            if (s >= 0) {
                postings[shape.starts[s] + shape.counts[s]++] = row;
            }
        }
        return new EqualityIndex(shape, postings);
    }

    private int insert(long key) {
        int s = (int) mix(key) & mask;
        while (counts[s] != 0 && longKeys[s] != key) {
            s = (s + 1) & mask;
        }
        longKeys[s] = key;
        counts[s]++;
        return s;
    }

    private int insert(Object key) {
        int s = (int) mix(key.hashCode()) & mask;
        while (counts[s] != 0 && !objectKeys[s].equals(key)) {
            s = (s + 1) & mask;
        }
        objectKeys[s] = key;
        counts[s]++;
        return s;
    }

    private static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        x *= 0xc4ceb9fe1a85ec53L;
        return x ^ (x >>> 33);
    }

    private static long doubleKey(double d) {
        return Double.doubleToLongBits(d == 0.0 ? 0.0 : d);
    }

    /**
     * Ascending local rows whose value equals {@code value} under Gremlin's equality for this
     * column's type; empty when none; {@code null} when {@code value} is not a boxed primitive number
     * (numeric columns) or a string (string columns), so the caller must scan.
     */
    public int[] lookup(Object value) {
        int s;
        if (numeric) {
            if (!(value instanceof Number n) || !isPlainNumber(n)) {
                return null;
            }
            double d = n.doubleValue();
            if (Double.isNaN(d)) {
                return NONE;
            }
            long key;
            if (floating) {
                key = doubleKey(d);
            } else if (n instanceof Double || n instanceof Float) {
                if (d != Math.rint(d) || Double.isInfinite(d)) {
                    return NONE;
                }
                key = (long) d;
            } else {
                key = n.longValue();
            }
            s = (int) mix(key) & mask;
            while (counts[s] != 0 && longKeys[s] != key) {
                s = (s + 1) & mask;
            }
        } else {
            if (!(value instanceof String)) {
                return null;
            }
            s = (int) mix(value.hashCode()) & mask;
            while (counts[s] != 0 && !objectKeys[s].equals(value)) {
                s = (s + 1) & mask;
            }
        }
        return counts[s] == 0 ? NONE : Arrays.copyOfRange(postings, starts[s], starts[s] + counts[s]);
    }

    /** Whether {@code n} is one of the boxed primitive number types the lookup understands. */
    static boolean isPlainNumber(Object n) {
        return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte
                || n instanceof Double || n instanceof Float;
    }

    /** Bytes held by the index arrays (keys, run starts and lengths, postings), excluding the strings. */
    public long bytes() {
        long slots = (long) mask + 1;
        return slots * (8 + 4 + 4) + 4L * postings.length;
    }
}
