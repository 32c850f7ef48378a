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

    /** Builds the engine's graph from the generated arrays; returns a note about the load (or null). */
    String load(GeneratedGraph graph, BenchContext context) throws Exception;

    /** Runs one algorithm once; {@code source} is the bfs/sssp source. Returns a result check for the note. */
    String run(String algorithm, int source, Workload workload) throws Exception;

    /** Asks a running algorithm to stop (a timeout); engines that cannot be interrupted ignore it. */
    default void cancel() {
    }

    @Override
    default void close() {
    }
}
