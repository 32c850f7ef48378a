package io.grapholap.application.graph;

import io.grapholap.application.graph.algo.AlgorithmParams;
import java.nio.file.Path;

/**
 * The graph-computation engine port, the one that queries, algorithms and UDFs all call: loads snapshots into memory and hands out
 * instances. Implemented by the CPU and the GPU engine; one contract test runs against both.
 */
public interface GraphEngine {

    EngineInfo info();

    /**
     * Memory the snapshot in {@code snapshotDir} will take once loaded, computed from its manifest
     * alone, without reading the data files.
     *
     * @throws io.grapholap.domain.error.DomainException code {@code SNAPSHOT_INVALID} when the
     *                                                   manifest is missing or unreadable
     */
    MemoryEstimate estimate(Path snapshotDir, LoadOptions options);

    /** {@link #estimate(Path, LoadOptions)} for a directed, unweighted load. */
    default MemoryEstimate estimate(Path snapshotDir) {
        return estimate(snapshotDir, LoadOptions.defaults());
    }

    /**
     * Loads the snapshot in {@code snapshotDir}. Verifies what it reads (files, sizes, checksums,
     * schemas, edge endpoints): any disagreement is an error of code {@code SNAPSHOT_INVALID} naming
     * the file. Polls {@code cancel} between batches.
     */
    GraphInstance load(Path snapshotDir, LoadOptions options, ProgressListener progress, CancellationToken cancel);

    /**
     * Whether this engine can run its algorithms over the graph that {@code instance}, an instance of
     * another engine, already holds, without loading it again (the CPU engine can whenever the instance
     * keeps its graph as a host CSR graph). The application falls back to such an engine when a request
     * says {@code engine=auto} and the instance's own engine lacks the algorithm.
     */
    default boolean canRunOver(GraphInstance instance) {
        return false;
    }

    /**
     * Runs {@code params} over the graph {@code instance} holds; only when {@link #canRunOver} said so.
     * The result names this engine.
     */
    default AlgorithmResult runOver(GraphInstance instance, AlgorithmParams params, ExecutionContext ctx) {
        throw new UnsupportedOperationException("the " + info().name() + " engine cannot run over a "
                + instance.engine() + " instance");
    }
}
