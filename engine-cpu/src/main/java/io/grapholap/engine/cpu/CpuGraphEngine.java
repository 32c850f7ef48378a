package io.grapholap.engine.cpu;

import io.grapholap.application.graph.AlgorithmResult;
import io.grapholap.application.graph.CancellationToken;
import io.grapholap.application.graph.EngineInfo;
import io.grapholap.application.graph.ExecutionContext;
import io.grapholap.application.graph.GraphEngine;
import io.grapholap.application.graph.GraphInstance;
import io.grapholap.application.graph.LoadOptions;
import io.grapholap.application.graph.MemoryEstimate;
import io.grapholap.application.graph.ProgressListener;
import io.grapholap.application.graph.algo.AlgorithmParams;
import io.grapholap.engine.cpu.algo.CpuAlgorithms;
import io.grapholap.graph.csr.CsrBacked;
import io.grapholap.graph.csr.CsrGraph;
import io.grapholap.graph.csr.load.CsrLoader;
import io.grapholap.graph.csr.load.MemoryModel;
import io.grapholap.snapshot.arrow.SnapshotManifest;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The CPU engine: loads Arrow snapshots into {@link CsrGraph}s held on the Java heap and runs
 * algorithms and Gremlin over them on up to {@code threads} cores. Always available. It also runs
 * its kernels over the host graph of another engine's instance ({@link CsrBacked}), which the
 * application asks for when a request says {@code engine=auto}.
 */
public final class CpuGraphEngine implements GraphEngine {

    private final BufferAllocator allocator;
    private final int threads;

    /**
     * @param allocator root (or parent) Arrow allocator; each load uses a child of it
     * @param threads   default parallelism; {@code 0} means all available processors
     */
    public CpuGraphEngine(BufferAllocator allocator, int threads) {
        this.allocator = Objects.requireNonNull(allocator, "allocator");
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be >= 0: " + threads);
        }
        this.threads = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
    }

    @Override
    public EngineInfo info() {
        Runtime rt = Runtime.getRuntime();
        return new EngineInfo(CpuGraphInstance.ENGINE, true, null, threads, 0, Map.of(
                "available_processors", rt.availableProcessors(),
                "max_heap_bytes", rt.maxMemory(),
                "jvm", System.getProperty("java.vm.name") + " " + Runtime.version(),
                "storage", "CSR on the Java heap, int vertex ids"), CpuAlgorithms.algorithms(), Map.of());
    }

    /** Any instance that keeps a host CSR graph, such as the GPU engine's. */
    @Override
    public boolean canRunOver(GraphInstance instance) {
        return instance instanceof CsrBacked;
    }

    @Override
    public AlgorithmResult runOver(GraphInstance instance, AlgorithmParams params, ExecutionContext ctx) {
        if (!(instance instanceof CsrBacked backed)) {
            return GraphEngine.super.runOver(instance, params, ctx);
        }
        return CpuAlgorithms.run(backed.hostGraph(), backed.hostThreads().loops(), params, ctx);
    }

    @Override
    public MemoryEstimate estimate(Path snapshotDir, LoadOptions options) {
        return MemoryModel.estimate(SnapshotManifest.read(snapshotDir), options);
    }

    @Override
    public GraphInstance load(Path snapshotDir, LoadOptions options, ProgressListener progress,
                              CancellationToken cancel) {
        return new CsrLoader(allocator, progress, cancel).loadOwning(snapshotDir, options, CpuGraphInstance.ENGINE,
                CpuGraphInstance::new);
    }

    /** Loads the bare graph (for the bench and the GPU engine, which uploads it to the device). */
    public CsrGraph loadGraph(Path snapshotDir, LoadOptions options, ProgressListener progress,
                              CancellationToken cancel) {
        return new CsrLoader(allocator, progress, cancel).load(snapshotDir, options);
    }

    public int threads() {
        return threads;
    }
}
