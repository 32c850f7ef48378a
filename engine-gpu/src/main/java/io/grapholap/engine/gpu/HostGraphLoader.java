package io.grapholap.engine.gpu;

import io.grapholap.application.graph.CancellationToken;
import io.grapholap.application.graph.GraphEngine;
import io.grapholap.application.graph.GraphInstance;
import io.grapholap.application.graph.LoadOptions;
import io.grapholap.application.graph.MemoryEstimate;
import io.grapholap.application.graph.ProgressListener;
import io.grapholap.engine.cpu.CpuGraphEngine;
import io.grapholap.engine.cpu.CpuGraphInstance;
import io.grapholap.engine.cpu.graph.CsrGraph;
import io.grapholap.engine.cpu.snapshot.SnapshotManifest;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * How the GPU engine gets a snapshot into host memory: through the CPU engine, whose instance keeps
 * serving Gremlin, node/edge tables and the algorithms without a GPU kernel (with
 * {@code engine=auto}), and whose {@link CsrGraph} the GPU engine uploads.
 */
public interface HostGraphLoader {

    /** Vertex and edge counts of a snapshot, from its manifest alone. */
    record GraphShape(long vertices, long edges) {
    }

    /** A snapshot loaded on the host: its CSR and the CPU instance over it. */
    record HostGraph(CsrGraph graph, GraphInstance cpuInstance) {
        public HostGraph {
            Objects.requireNonNull(graph, "graph");
            Objects.requireNonNull(cpuInstance, "cpuInstance");
        }
    }

    /** Host memory the load takes (the CPU engine's estimate). */
    MemoryEstimate estimate(Path snapshotDir, LoadOptions options);

    GraphShape shape(Path snapshotDir, LoadOptions options);

    HostGraph load(Path snapshotDir, LoadOptions options, ProgressListener progress, CancellationToken cancel);

    /** The loader over engine-cpu: its verifying snapshot reader and CSR loader, counts from the manifest. */
    static HostGraphLoader cpu(CpuGraphEngine cpuEngine) {
        Objects.requireNonNull(cpuEngine, "cpuEngine");
        return new HostGraphLoader() {
            @Override
            public MemoryEstimate estimate(Path snapshotDir, LoadOptions options) {
                return cpuEngine.estimate(snapshotDir, options);
            }

            @Override
            public GraphShape shape(Path snapshotDir, LoadOptions options) {
                SnapshotManifest m = SnapshotManifest.read(snapshotDir);
                return new GraphShape(m.vertexRows(), m.edgeRows());
            }

            @Override
            public HostGraph load(Path snapshotDir, LoadOptions options, ProgressListener progress,
                                  CancellationToken cancel) {
                CsrGraph graph = cpuEngine.loadGraph(snapshotDir, options, progress, cancel);
                return new HostGraph(graph, new CpuGraphInstance(graph, options.parallelism()));
            }
        };
    }

    /**
     * A loader over any CPU engine: {@code graphOf} reaches the CSR inside one of its instances,
     * {@code shapeOf} reads a snapshot's counts from its manifest.
     */
    static HostGraphLoader of(GraphEngine cpuEngine, Function<GraphInstance, CsrGraph> graphOf,
                              BiFunction<Path, LoadOptions, GraphShape> shapeOf) {
        return new HostGraphLoader() {
            @Override
            public MemoryEstimate estimate(Path snapshotDir, LoadOptions options) {
                return cpuEngine.estimate(snapshotDir, options);
            }

            @Override
            public GraphShape shape(Path snapshotDir, LoadOptions options) {
                return shapeOf.apply(snapshotDir, options);
            }

            @Override
            public HostGraph load(Path snapshotDir, LoadOptions options, ProgressListener progress,
                                  CancellationToken cancel) {
                GraphInstance cpu = cpuEngine.load(snapshotDir, options, progress, cancel);
                try {
                    return new HostGraph(graphOf.apply(cpu), cpu);
                } catch (RuntimeException e) {
                    cpu.close();
                    throw e;
                }
            }
        };
    }
}
