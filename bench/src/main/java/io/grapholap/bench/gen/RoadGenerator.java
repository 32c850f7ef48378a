package io.grapholap.bench.gen;

/**
 * Road-like graphs with a high diameter: a {@code width x height} grid ({@code width * height = 2^scale})
 * whose horizontal and vertical streets are each kept with probability {@code 1 - deletion}. Every kept
 * street is two arcs (both directions) with the same positive weight in (0, 1]. Vertex {@code (x, y)}
 * has id {@code y * width + x}, so neighbouring vertices keep neighbouring ids as in real road data.
 * Deterministic from the seed; built straight into CSR in two parallel passes.
 */
public final class RoadGenerator {

    public static final int MAX_SCALE = 28;

    private final int scale;
    private final long seed;
    private final double deletion;
    private final int threads;
    private final int width;
    private final int height;

    public RoadGenerator(int scale, long seed, double deletion, int threads) {
        if (scale < 2 || scale > MAX_SCALE) {
            throw new IllegalArgumentException("scale must be in 2.." + MAX_SCALE + ", was " + scale);
        }
        if (!(deletion >= 0 && deletion < 1)) {
            throw new IllegalArgumentException("deletion must be in [0, 1), was " + deletion);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        this.scale = scale;
        this.seed = seed;
        this.deletion = deletion;
        this.threads = threads;
        this.width = 1 << ((scale + 1) / 2);
        this.height = 1 << (scale / 2);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public GeneratedGraph generate() {
        int n = width * height;
        int[] degree = new int[n];
        Parallel.forRange(threads, n, 1 << 14, (from, to) -> {
            for (int v = (int) from; v < to; v++) {
                int d = 0;
                for (int dir = 0; dir < 4; dir++) {
                    if (neighbour(v, dir) >= 0) {
                        d++;
                    }
                }
                degree[v] = d;
            }
        });
        int[] offsets = new int[n + 1];
        long sum = 0;
        for (int v = 0; v < n; v++) {
            offsets[v] = (int) sum;
            sum += degree[v];
        }
        offsets[n] = (int) sum;
        int[] targets = new int[(int) sum];
        float[] weights = new float[(int) sum];
        Parallel.forRange(threads, n, 1 << 14, (from, to) -> {
            for (int v = (int) from; v < to; v++) {
                int p = offsets[v];
                for (int dir = 0; dir < 4; dir++) {
                    int w = neighbour(v, dir);
                    if (w >= 0) {
                        targets[p] = w;
                        weights[p] = Mix.unitWeight(seed, Math.min(v, w), Math.max(v, w));
                        p++;
                    }
                }
            }
        });
        return new GeneratedGraph("road-" + scale, n, offsets, targets, weights);
    }

    /**
     * The neighbour of {@code v} in direction {@code dir} (0 up, 1 left, 2 right, 3 down — ascending ids)
     * when that street exists and was not deleted, else -1.
     */
    private int neighbour(int v, int dir) {
        int x = v % width;
        int y = v / width;
        int w;
        long street;
        switch (dir) {
            case 0 -> {
                if (y == 0) {
                    return -1;
                }
                w = v - width;
                street = 2L * w + 1;
            }
            case 1 -> {
                if (x == 0) {
                    return -1;
                }
                w = v - 1;
                street = 2L * w;
            }
            case 2 -> {
                if (x == width - 1) {
                    return -1;
                }
                w = v + 1;
                street = 2L * v;
            }
            default -> {
                if (y == height - 1) {
                    return -1;
                }
                w = v + width;
                street = 2L * v + 1;
            }
        }
        double u = (Mix.hash(seed, street) >>> 11) * 0x1.0p-53;
        return u < deletion ? -1 : w;
    }
}
