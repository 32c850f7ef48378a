package io.grapholap.bench.gen;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Graph500 Kronecker (R-MAT) graphs: {@code 2^scale} vertices, {@code 16 * 2^scale} generated edges,
 * initiator probabilities A=0.57, B=C=0.19, D=0.05, vertex ids scrambled by a random permutation.
 *
 * <p>Edge {@code i} is a pure function of (seed, i): every level of the recursion draws its quadrant
 * from a counter-based hash, so the stream can be regenerated in any order by any number of threads
 * and gives the same graph. The CSR is filled in two streaming passes over that stream (pass 1
 * counts out-degrees, pass 2 regenerates the edges and places targets), so no edge list is ever held.
 *
 * <p>Each generated edge {@code (u, v)} becomes the arc {@code u -> v}. Self-loops and duplicate arcs,
 * which the Graph500 stream contains, are dropped (as the LDBC Graphalytics Graph500 data sets do), so
 * every engine in the bench — ours and the peers — sees the same simple directed graph.
 */
public final class KroneckerGenerator {

    public static final double A = 0.57;
    public static final double B = 0.19;
    public static final double C = 0.19;
    public static final int EDGE_FACTOR = 16;
    public static final int MAX_SCALE = 26;

    private static final VarHandle INTS = MethodHandles.arrayElementVarHandle(int[].class);
    private static final int BITS = 21;
    private static final int MASK = (1 << BITS) - 1;
    private static final int T_A = (int) Math.round(A * (1 << BITS));
    private static final int T_AB = (int) Math.round((A + B) * (1 << BITS));
    private static final int T_ABC = (int) Math.round((A + B + C) * (1 << BITS));
    private static final long CHUNK = 1 << 16;

    private final int scale;
    private final long seed;
    private final int threads;

    public KroneckerGenerator(int scale, long seed, int threads) {
        if (scale < 1 || scale > MAX_SCALE) {
            throw new IllegalArgumentException("scale must be in 1.." + MAX_SCALE + ", was " + scale);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        this.scale = scale;
        this.seed = seed;
        this.threads = threads;
    }

    public int vertexCount() {
        return 1 << scale;
    }

    /** The number of edges the stream holds before self-loops and duplicates are dropped. */
    public long generatedEdgeCount() {
        return (long) EDGE_FACTOR << scale;
    }

    /** The graph, unweighted. */
    public GeneratedGraph generate() {
        int n = vertexCount();
        int[] perm = permutation(n, seed);
        long m = generatedEdgeCount();

        int[] degree = new int[n + 1];
        Parallel.forRange(threads, m, CHUNK, (from, to) -> {
            for (long i = from; i < to; i++) {
                long e = edge(i);
                int u = (int) (e >>> 32);
                int v = (int) e;
                if (u != v) {
                    INTS.getAndAdd(degree, perm[u], 1);
                }
            }
        });

        int[] offsets = new int[n + 1];
        long sum = 0;
        for (int v = 0; v < n; v++) {
            offsets[v] = (int) sum;
            sum += degree[v];
        }
        if (sum > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("scale " + scale + " has more arcs than one int-indexed array holds");
        }
        offsets[n] = (int) sum;
        int[] targets = new int[(int) sum];
        int[] cursor = degree;
        System.arraycopy(offsets, 0, cursor, 0, n + 1);
        Parallel.forRange(threads, m, CHUNK, (from, to) -> {
            for (long i = from; i < to; i++) {
                long e = edge(i);
                int u = (int) (e >>> 32);
                int v = (int) e;
                if (u != v) {
                    targets[(int) INTS.getAndAdd(cursor, perm[u], 1)] = perm[v];
                }
            }
        });
        return compact("kronecker-" + scale, n, offsets, targets, threads);
    }

    /** Weights in (0, 1] for the arcs of {@code graph}, deterministic from the seed and each arc's endpoints. */
    public float[] weights(GeneratedGraph graph) {
        return unitWeights(graph, seed, threads);
    }

    static float[] unitWeights(GeneratedGraph graph, long seed, int threads) {
        float[] w = new float[graph.targets().length];
        int[] offsets = graph.offsets();
        int[] targets = graph.targets();
        Parallel.forRange(threads, graph.vertexCount(), 1 << 12, (from, to) -> {
            for (int v = (int) from; v < to; v++) {
                for (int p = offsets[v]; p < offsets[v + 1]; p++) {
                    w[p] = Mix.unitWeight(seed, v, targets[p]);
                }
            }
        });
        return w;
    }

    /** Edge {@code i} of the stream before permutation, packed as {@code (u << 32) | v}. */
    long edge(long i) {
        int u = 0;
        int v = 0;
        long bits = 0;
        int left = 0;
        long counter = i * ((scale + 2) / 3 + 1);
        for (int level = 0; level < scale; level++) {
            if (left == 0) {
                bits = Mix.hash(seed, counter++);
                left = 3;
            }
            int r = (int) (bits & MASK);
            bits >>>= BITS;
            left--;
            int ub;
            int vb;
            if (r < T_A) {
                ub = 0;
                vb = 0;
            } else if (r < T_AB) {
                ub = 0;
                vb = 1;
            } else if (r < T_ABC) {
                ub = 1;
                vb = 0;
            } else {
                ub = 1;
                vb = 1;
            }
            u = (u << 1) | ub;
            v = (v << 1) | vb;
        }
        return ((long) u << 32) | (v & 0xFFFFFFFFL);
    }

    /** The unpermuted, unfiltered edge {@code i} as {@code {u, v}}; used by tests to build the graph naively. */
    public int[] rawEdge(long i) {
        long e = edge(i);
        return new int[] {(int) (e >>> 32), (int) e};
    }

    /** The vertex-id permutation for this seed: raw id {@code u} becomes {@code permutation()[u]}. */
    public int[] permutation() {
        return permutation(vertexCount(), seed);
    }

    static int[] permutation(int n, long seed) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed ^ 0x7E3A_11C9_5B2D_0F47L);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        return perm;
    }

    /**
     * Sorts each adjacency list, drops duplicate targets and self-loops, and closes the gaps in place.
     * New offsets never exceed old ones, so a left-to-right copy never overwrites unread targets.
     */
    static GeneratedGraph compact(String name, int n, int[] offsets, int[] targets, int threads) {
        int[] kept = new int[n];
        Parallel.forRange(threads, n, 1 << 12, (from, to) -> {
            for (int v = (int) from; v < to; v++) {
                int s = offsets[v];
                int e = offsets[v + 1];
                if (e - s > 1) {
                    Arrays.sort(targets, s, e);
                }
                int w = s;
                int last = -1;
                for (int p = s; p < e; p++) {
                    int t = targets[p];
                    if (t != last && t != v) {
                        targets[w++] = t;
                        last = t;
                    }
                }
                kept[v] = w - s;
            }
        });
        int write = 0;
        for (int v = 0; v < n; v++) {
            int s = offsets[v];
            offsets[v] = write;
            if (s != write && kept[v] > 0) {
                System.arraycopy(targets, s, targets, write, kept[v]);
            }
            write += kept[v];
        }
        offsets[n] = write;
        int[] exact = write == targets.length ? targets : Arrays.copyOf(targets, write);
        return new GeneratedGraph(name, n, offsets, exact, null);
    }
}
