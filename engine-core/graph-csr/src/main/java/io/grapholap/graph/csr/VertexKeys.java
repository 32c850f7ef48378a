package io.grapholap.graph.csr;

import io.grapholap.application.graph.Column;
import io.grapholap.application.graph.ValueType;
import java.util.Objects;
import java.util.UUID;

/**
 * The original keys of one vertex label, in local order ({@code local = vertexId - label.start()}),
 * and the reverse lookup. Three shapes keep memory low: {@link Identity} holds nothing (integer keys
 * {@code 0..count-1} in order), {@link Longs} holds a long array and a primitive hash map (any
 * integer-backed key), {@link ObjectKeys} holds the key objects and an object hash map (strings, UUIDs,
 * other scalars).
 */
public sealed interface VertexKeys {

    int size();

    ValueType type();

    /** The original key of local vertex {@code local}, boxed. */
    Object key(int local);

    /**
     * The local id of {@code key}, or {@code -1}. Keys are matched leniently where that is unambiguous:
     * any integral {@link Number} or a decimal string for integer keys, a string for UUID keys.
     */
    int localId(Object key);

    /** Bytes held by keys and lookup structures. */
    long bytes();

    /** The keys as a column (for results keyed by original vertex keys). */
    Column asColumn();

    /**
     * Chooses the smallest shape for integer keys: identity when {@code keys[i] == i} for every i,
     * a long array with a hash map otherwise. A duplicate key raises {@link DuplicateKeyException}
     * naming its second occurrence.
     */
    static VertexKeys ofLongs(ValueType type, long[] keys) {
        boolean identity = type == ValueType.INT64 || type == ValueType.INT32;
        for (int i = 0; i < keys.length && identity; i++) {
            identity = keys[i] == i;
        }
        if (identity) {
            return new Identity(keys.length, type);
        }
        var index = new LongIntHashMap(keys.length);
        for (int i = 0; i < keys.length; i++) {
            if (index.put(keys[i], i) >= 0) {
                throw new DuplicateKeyException(keys[i], i);
            }
        }
        return new Longs(type, keys, index);
    }

    /** Keys held as objects (strings, UUIDs, …); duplicates raise {@link DuplicateKeyException}. */
    static VertexKeys ofObjects(ValueType type, Object[] keys) {
        var index = new ObjectIntHashMap(keys.length);
        for (int i = 0; i < keys.length; i++) {
            Objects.requireNonNull(keys[i], "vertex keys cannot be null");
            if (index.put(keys[i], i) >= 0) {
                throw new DuplicateKeyException(keys[i], i);
            }
        }
        return new ObjectKeys(type, keys, index);
    }

    /** A key found twice in one label; {@code row} is the second occurrence. */
    final class DuplicateKeyException extends RuntimeException {
        private final transient Object key;
        private final int row;

        public DuplicateKeyException(Object key, int row) {
            super("duplicate vertex key " + key + " at row " + row);
            this.key = key;
            this.row = row;
        }

        public Object key() {
            return key;
        }

        public int row() {
            return row;
        }
    }

    private static long integral(Object key) {
        if (key instanceof Long || key instanceof Integer || key instanceof Short || key instanceof Byte) {
            return ((Number) key).longValue();
        }
        if (key instanceof Number n) {
            double d = n.doubleValue();
            if (d == Math.rint(d) && !Double.isInfinite(d)) {
                return (long) d;
            }
            return Long.MIN_VALUE;
        }
        if (key instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                return Long.MIN_VALUE;
            }
        }
        return Long.MIN_VALUE;
    }

    /** Keys {@code 0..size-1}: nothing stored. */
    record Identity(int size, ValueType type) implements VertexKeys {
        public Object key(int local) {
            return type == ValueType.INT32 ? (Object) local : (Object) (long) local;
        }

        public int localId(Object key) {
            return localId(integral(key));
        }

        /** Primitive lookup for integer keys. */
        public int localId(long key) {
            return key >= 0 && key < size ? (int) key : -1;
        }

        public long bytes() {
            return 0;
        }

        public Column asColumn() {
            long[] values = new long[size];
            for (int i = 0; i < size; i++) {
                values[i] = i;
            }
            return Column.ofLongs(values);
        }
    }

    /** Integer-backed keys (INT64, INT32, DATE, TIMESTAMP) in a long array with a primitive index. */
    record Longs(ValueType type, long[] keys, LongIntHashMap index) implements VertexKeys {
        public int size() {
            return keys.length;
        }

        public Object key(int local) {
            return type.isIntBacked() ? (Object) (int) keys[local] : (Object) keys[local];
        }

        public int localId(Object key) {
            long k = integral(key);
            return k == Long.MIN_VALUE && !(key instanceof Long) ? -1 : index.get(k);
        }

        /** Primitive lookup for integer keys. */
        public int localId(long key) {
            return index.get(key);
        }

        public long bytes() {
            return 8L * keys.length + index.bytes();
        }

        public Column asColumn() {
            if (type.isIntBacked()) {
                int[] values = new int[keys.length];
                for (int i = 0; i < values.length; i++) {
                    values[i] = (int) keys[i];
                }
                return new Column.Int32(type, values, null);
            }
            return new Column.Int64(type, keys, null);
        }
    }

    /** Keys held as objects with an object index. */
    record ObjectKeys(ValueType type, Object[] keys, ObjectIntHashMap index) implements VertexKeys {
        public int size() {
            return keys.length;
        }

        public Object key(int local) {
            return keys[local];
        }

        public int localId(Object key) {
            if (key == null) {
                return -1;
            }
            if (type == ValueType.UUID && key instanceof String s) {
                try {
                    return index.get(UUID.fromString(s));
                } catch (IllegalArgumentException e) {
                    return -1;
                }
            }
            if (type == ValueType.STRING && !(key instanceof String)) {
                return index.get(key.toString());
            }
            return index.get(key);
        }

        public long bytes() {
            long perKey = type == ValueType.UUID ? 32 : 48;
            return index.bytes() + (8 + perKey) * keys.length;
        }

        public Column asColumn() {
            return Column.ofObjects(type, keys);
        }
    }
}
