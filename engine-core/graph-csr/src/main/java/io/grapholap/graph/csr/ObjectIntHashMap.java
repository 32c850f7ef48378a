package io.grapholap.graph.csr;

import java.util.Arrays;

/**
 * Open-addressing map from non-null objects (strings, UUIDs, other scalar keys) to non-negative int
 * values, with the values unboxed. Linear probing, load factor at most one half.
 */
public final class ObjectIntHashMap {

    private final Object[] keys;
    private final int[] values;
    private final int mask;
    private int size;

    public ObjectIntHashMap(int expectedSize) {
        int capacity = LongIntHashMap.capacityFor(expectedSize);
        keys = new Object[capacity];
        values = new int[capacity];
        Arrays.fill(values, -1);
        mask = capacity - 1;
    }

    private static int hash(Object key) {
        int h = key.hashCode() * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    /** Stores {@code key → value} and returns the previous value, or {@code -1} when the key was new. */
    public int put(Object key, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("values must be non-negative: " + value);
        }
        int slot = hash(key) & mask;
        while (keys[slot] != null) {
            if (keys[slot].equals(key)) {
                int previous = values[slot];
                values[slot] = value;
                return previous;
            }
            slot = (slot + 1) & mask;
        }
        if (size + 1 > (mask + 1) / 2) {
            throw new IllegalStateException("map is full: sized for fewer keys than inserted");
        }
        keys[slot] = key;
        values[slot] = value;
        size++;
        return -1;
    }

    /** The value for {@code key}, or {@code -1}. */
    public int get(Object key) {
        int slot = hash(key) & mask;
        Object k;
        while ((k = keys[slot]) != null) {
            if (k.equals(key)) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    public int size() {
        return size;
    }

    /** Bytes held by the table itself (references and values; the key objects are counted by their owner). */
    public long bytes() {
        return 12L * values.length;
    }
}
