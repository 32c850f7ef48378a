package io.grapholap.bench.gen;

/** Counter-based pseudo-random numbers: the same (seed, counter) always gives the same value on any thread. */
final class Mix {

    static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Mix() {
    }

    /** SplitMix64's finaliser: a bijective, well-mixed 64-bit hash. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static long hash(long seed, long counter) {
        return mix64(mix64(seed + GOLDEN) + counter * GOLDEN);
    }

    /** A weight in (0, 1], deterministic from the seed and the arc. */
    static float unitWeight(long seed, int source, int target) {
        long h = hash(seed ^ 0x5EEDL, ((long) source << 32) | (target & 0xFFFFFFFFL));
        double u = ((h >>> 11) + 1) * 0x1.0p-53;
        return (float) u;
    }
}
