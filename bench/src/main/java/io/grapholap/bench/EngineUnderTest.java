package io.grapholap.bench;

import io.grapholap.bench.gen.GeneratedGraph;

/**
 * One engine as the harness drives it: load the generated graph into the engine's own structures
 * (timed), then run algorithms on it. Each {@code run} call is one timed run; bfs is called once per
 * source. Implementations answer {@link #unsupported} with a reason instead of failing at run time.
 */
interface EngineUnderTest extends AutoCloseable {

    String name();

    /** A reason this engine cannot run {@code algorithm}, or null when it can. */
    String unsupported(String algorithm);

    /** A reason not to load this graph at all (too big for the heap, over a scale cap), or null. */
    default String refuse(GeneratedGraph graph, int scale, long maxHeapBytes) {
        return null;
    }

    /**
     * Untimed work before the load (writing a snapshot to load from, say). Returns extra rows to
     * report (an Arrow load measured on its own), possibly empty. The generated graph may be dropped
     * by the caller after {@link #load} returns.
     */
    default java.util.List<RunResult> prepare(GeneratedGraph graph, int scale, BenchContext context) throws Exception {
        return java.util.List.of();
    }

    /**
     * One untimed load, dropped at once, done before the timed one when the run asks for warm-up
     * runs: the timed load is then the steady state of a server that has loaded a graph before
     * (the first load in a JVM also pays for compiling the loader). Returns false when this engine
     * does not repeat its load (the default: the peers' loads are slow and not what is compared).
     */
    default boolean warmUpLoad(GeneratedGraph graph, BenchContext context) throws Exception {
        return false;
    }

    /** Builds the engine's graph from the generated arrays; returns a note about the load (or null). */
    String load(GeneratedGraph graph, BenchContext context) throws Exception;

    /** Untimed set-up before one timed run (for example attaching weights for sssp). */
    default void beforeRun(String algorithm) {
    }

    /** Runs one algorithm once; {@code source} is the bfs/sssp source. Returns a result check for the note. */
    String run(String algorithm, int source, Workload workload) throws Exception;

    /** Asks a running algorithm to stop (a timeout); engines that cannot be interrupted ignore it. */
    default void cancel() {
    }

    @Override
    default void close() {
    }
}
