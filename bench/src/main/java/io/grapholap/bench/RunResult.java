package io.grapholap.bench;

/**
 * One row of the benchmark: an engine running one algorithm (or a load, or a Gremlin query) on one graph.
 * Seconds are NaN where they do not apply; {@code status} is {@code ok}, {@code skipped}, {@code timeout}
 * or {@code failed}, and {@code note} says why, or carries a result check (for example the number of
 * components) so that engines can be compared for agreement, not only for speed.
 *
 * <p>{@code runSeconds} is the time of one run; for bfs it is the average over the sources
 * ({@code repetitions}). {@code arcsPerSecond} is {@code arcs / runSeconds}.
 */
public record RunResult(
        String engine,
        String graph,
        int scale,
        String algorithm,
        long vertices,
        long arcs,
        double loadSeconds,
        double runSeconds,
        int repetitions,
        double arcsPerSecond,
        long peakHeapBytes,
        String status,
        String note) {

    public static final String OK = "ok";
    public static final String SKIPPED = "skipped";
    public static final String TIMEOUT = "timeout";
    public static final String FAILED = "failed";

    public boolean ok() {
        return OK.equals(status);
    }

    static RunResult skipped(String engine, String graph, int scale, String algorithm, long vertices, long arcs, String why) {
        return new RunResult(engine, graph, scale, algorithm, vertices, arcs, Double.NaN, Double.NaN, 0, Double.NaN, -1, SKIPPED, why);
    }
}
