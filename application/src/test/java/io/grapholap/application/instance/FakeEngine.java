package io.grapholap.application.instance;

import io.grapholap.application.graph.AlgorithmResult;
import io.grapholap.application.graph.CancellationToken;
import io.grapholap.application.graph.EngineInfo;
import io.grapholap.application.graph.ExecutionContext;
import io.grapholap.application.graph.algo.AlgorithmParams;
import io.grapholap.application.graph.GraphEngine;
import io.grapholap.application.graph.GraphInstance;
import io.grapholap.application.graph.GraphSchema;
import io.grapholap.application.graph.GraphStatistics;
import io.grapholap.application.graph.LoadOptions;
import io.grapholap.application.graph.MemoryEstimate;
import io.grapholap.application.graph.ProgressListener;
import io.grapholap.application.graph.QueryLimits;
import io.grapholap.application.graph.QueryResult;
import io.grapholap.application.graph.Table;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An engine for use-case tests: estimates a fixed size, "loads" by reporting the CPU engine's
 * phases, and fails a load when told to. Graphs only remember their parallelism and whether they
 * were closed; the engine's own contract test covers real loading.
 */
final class FakeEngine implements GraphEngine {

    final String name;
    /** Devices it drives: an accelerator has some, and {@code auto} prefers it. */
    final int devices;
    boolean available = true;
    long hostBytes = 1_000;
    long peakBytes = 1_500;
    RuntimeException loadFailure;
    Runnable duringLoad = () -> { };
    final List<FakeGraph> loaded = new ArrayList<>();

    FakeEngine(String name) {
        this(name, 0);
    }

    FakeEngine(String name, int devices) {
        this.name = name;
        this.devices = devices;
    }

    @Override
    public EngineInfo info() {
        return new EngineInfo(name, available, available ? null : "no device", 1, available ? devices : 0, Map.of());
    }

    @Override
    public MemoryEstimate estimate(Path snapshotDir, LoadOptions options) {
        return new MemoryEstimate(hostBytes, peakBytes, 0, Map.of());
    }

    @Override
    public GraphInstance load(Path snapshotDir, LoadOptions options, ProgressListener progress, CancellationToken cancel) {
        progress.progress("verify", 0.0, "checking");
        progress.progress("edges", 0.5, "filling");
        duringLoad.run();
        progress.progress("reverse", 0.8, "");
        if (loadFailure != null) {
            throw loadFailure;
        }
        cancel.throwIfCancelled("load");
        FakeGraph graph = new FakeGraph(name, options.parallelism(), snapshotDir);
        loaded.add(graph);
        return graph;
    }

    static final class FakeGraph implements GraphInstance {
        final String engine;
        final Path dir;
        volatile int parallelism;
        volatile boolean closed;

        FakeGraph(String engine, int parallelism, Path dir) {
            this.engine = engine;
            this.parallelism = parallelism;
            this.dir = dir;
        }

        @Override
        public String engine() {
            return engine;
        }

        @Override
        public GraphStatistics statistics() {
            throw new UnsupportedOperationException("not used by the instance use cases");
        }

        @Override
        public GraphSchema schema() {
            throw new UnsupportedOperationException("not used by the instance use cases");
        }

        @Override
        public void storeVertexProperty(String property, AlgorithmResult result, String column) {
            throw new UnsupportedOperationException("not used by the instance use cases");
        }

        @Override
        public AlgorithmResult run(AlgorithmParams params, ExecutionContext ctx) {
            throw new UnsupportedOperationException("not used by the instance use cases");
        }

        @Override
        public QueryResult gremlin(String query, Map<String, Object> bindings, QueryLimits limits) {
            throw new UnsupportedOperationException("not used by the instance use cases");
        }

        @Override
        public Table nodes(String label) {
            throw new UnsupportedOperationException("not used by the instance use cases");
        }

        @Override
        public Table edges(String type) {
            throw new UnsupportedOperationException("not used by the instance use cases");
        }

        @Override
        public void setParallelism(int threads) {
            parallelism = threads;
        }

        @Override
        public int parallelism() {
            return parallelism;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
