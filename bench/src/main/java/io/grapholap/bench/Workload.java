package io.grapholap.bench;

import io.grapholap.bench.gen.GeneratedGraph;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What every engine is asked to compute, identical across engines: the algorithm parameters of the
 * LDBC Graphalytics runs (pagerank 20 iterations with damping 0.85, cdlp 10 iterations) and the
 * bfs/sssp sources, drawn from the seed among vertices with at least one out-arc.
 */
public record Workload(int[] sources, int pagerankIterations, double damping, int cdlpIterations) {

    public static final int PAGERANK_ITERATIONS = 20;
    public static final double DAMPING = 0.85;
    public static final int CDLP_ITERATIONS = 10;

    public static Workload of(GeneratedGraph graph, int sourceCount, long seed) {
        return new Workload(pickSources(graph, sourceCount, seed), PAGERANK_ITERATIONS, DAMPING, CDLP_ITERATIONS);
    }

    /**
     * The parameters our engines get for {@code algorithm}, by the names of the algorithm catalog;
     * {@code source} is the dense id of the bfs/sssp source (equal to its key in generated graphs).
     */
    public Map<String, Object> params(String algorithm, int source) {
        Map<String, Object> params = new HashMap<>();
        switch (algorithm) {
            case "pagerank" -> {
                params.put("damping", damping);
                params.put("iterations", pagerankIterations);
            }
            case "bfs" -> params.put("source", (long) source);
            case "sssp" -> {
                params.put("source", (long) source);
                params.put("weight", "weight");
            }
            case "cdlp" -> params.put("iterations", cdlpIterations);
            default -> {
            }
        }
        return params;
    }

    /** The sssp source: the first bfs source. */
    public int ssspSource() {
        return sources[0];
    }

    public Workload firstSources(int count) {
        return new Workload(Arrays.copyOf(sources, Math.min(count, sources.length)), pagerankIterations, damping, cdlpIterations);
    }

    static int[] pickSources(GeneratedGraph graph, int count, long seed) {
        int n = graph.vertexCount();
        SplittableRandom random = new SplittableRandom(seed ^ 0x50_0C_E5L);
        int[] picked = new int[count];
        int found = 0;
        for (int attempt = 0; attempt < 1000 * count && found < count && n > 0; attempt++) {
            int v = random.nextInt(n);
            if (graph.outDegree(v) > 0 && !contains(picked, found, v)) {
                picked[found++] = v;
            }
        }
        return Arrays.copyOf(picked, found);
    }

    private static boolean contains(int[] values, int length, int value) {
        for (int i = 0; i < length; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }
}
