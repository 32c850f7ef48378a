package io.grapholap.graph.csr;

import java.util.Arrays;

/**
 * Open-addressing map from long keys to non-negative int values, without boxing. Linear probing,
 * load factor at most one half; {@code -1} in the value array marks an empty slot, so values must be
 * non-negative (they are dense vertex ids).
 */
public final class LongIntHashMap {

    private final long[] keys;
    private final int[] values;
    private final int mask;
    private int size;

    public LongIntHashMap(int expectedSize) {
        int capacity = LongIntHashMap.capacityFor(expectedSize);
        keys = new long[capacity];
        values = new int[capacity];
        Arrays.fill(values, -1);
        mask = capacity - 1;
    }

    /** Table capacity for {@code expectedSize} keys: a power of two, at least twice the keys. */
    public static int capacityFor(int expectedSize) {
        int capacity = Integer.highestOneBit(Math.max(4, expectedSize) * 2 - 1) << 1;
        if (capacity <= 0) {
            throw new IllegalArgumentException("too many keys for one map: " + expectedSize);
        }
        return capacity;
    }

    static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        h ^= h >>> 32;
        h *= 0xC2B2AE3D27D4EB4FL;
        return (int) (h ^ (h >>> 29));
    }

    /** Stores {@code key → value} and returns the previous value, or {@code -1} when the key was new. */
    public int put(long key, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("values must be non-negative: " + value);
        }
        int slot = hash(key) & mask;
        while (values[slot] >= 0) {
            if (keys[slot] == key) {
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
    public int get(long key) {
        int slot = hash(key) & mask;
        int value;
        while ((value = values[slot]) >= 0) {
            if (keys[slot] == key) {
                return value;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    public int size() {
        return size;
    }

    public long bytes() {
        return 12L * values.length;
    }
}
