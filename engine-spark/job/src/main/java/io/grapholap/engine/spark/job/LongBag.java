package io.grapholap.engine.spark.job;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The labels offered to one vertex in a cdlp round, unboxed in a growing array; the chosen label is
 * found by sorting them once (no map per vertex and round).
 */
final class LongBag implements Serializable {

    private long[] values = new long[4];
    private int size;

    LongBag add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
        return this;
    }

    LongBag addAll(LongBag other) {
        if (size + other.size > values.length) {
            values = Arrays.copyOf(values, Math.max(size + other.size, size * 2));
        }
        System.arraycopy(other.values, 0, values, size, other.size);
        size += other.size;
        return this;
    }

    /** The most frequent label, the smallest of those equally frequent. */
    long mostFrequentSmallest() {
        Arrays.sort(values, 0, size);
        long best = Long.MAX_VALUE;
        int bestCount = 0;
        for (int i = 0; i < size; ) {
            int j = i;
            while (j < size && values[j] == values[i]) {
                j++;
            }
            if (j - i > bestCount) {
                best = values[i];
                bestCount = j - i;
            }
            i = j;
        }
        return best;
    }
}
