package io.grapholap.engine.gpu;

import io.grapholap.application.graph.CancellationToken;
import io.grapholap.application.graph.GraphInstance;
import io.grapholap.application.graph.LoadOptions;
import io.grapholap.application.graph.MemoryEstimate;
import io.grapholap.application.graph.ProgressListener;
import io.grapholap.graph.csr.CsrGraph;
import io.grapholap.graph.csr.load.CsrLoader;
import io.grapholap.graph.csr.load.MemoryModel;
import io.grapholap.snapshot.arrow.SnapshotManifest;
import java.nio.file.Path;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;

/**
 * How the GPU engine gets a snapshot into host memory: a host {@link CsrGraph}, which the GPU engine
 * uploads, and a host instance over it that keeps serving Gremlin and node/edge tables, and whose
 * host graph another engine runs the algorithms without a GPU kernel over (with {@code engine=auto}).
 */
public interface HostGraphLoader {

    /** Vertex and edge counts of a snapshot, from its manifest alone. */
    record GraphShape(long vertices, long edges) {
    }

    /** A snapshot loaded on the host: its CSR and the host instance over it. */
    record HostGraph(CsrGraph graph, GraphInstance hostInstance) {
        public HostGraph {
            Objects.requireNonNull(graph, "graph");
            Objects.requireNonNull(hostInstance, "hostInstance");
        }
    }

    /** Host memory the load takes. */
    MemoryEstimate estimate(Path snapshotDir, LoadOptions options);

    GraphShape shape(Path snapshotDir, LoadOptions options);

    HostGraph load(Path snapshotDir, LoadOptions options, ProgressListener progress, CancellationToken cancel);

    /**
     * The loader over the shared host graph: the verifying CSR loader of graph-csr on
     * {@code allocator}, counts from the manifest. The host instance answers Gremlin, tables and
     * stored properties.
     */
    static HostGraphLoader csr(BufferAllocator allocator) {
        Objects.requireNonNull(allocator, "allocator");
        return new HostGraphLoader() {
            @Override
            public MemoryEstimate estimate(Path snapshotDir, LoadOptions options) {
                return MemoryModel.estimate(SnapshotManifest.read(snapshotDir), options);
            }

            @Override
            public GraphShape shape(Path snapshotDir, LoadOptions options) {
                SnapshotManifest m = SnapshotManifest.read(snapshotDir);
                return new GraphShape(m.vertexRows(), m.edgeRows());
            }

            @Override
            public HostGraph load(Path snapshotDir, LoadOptions options, ProgressListener progress,
                                  CancellationToken cancel) {
                return new CsrLoader(allocator, progress, cancel).loadOwning(snapshotDir, options, GpuGraphEngine.NAME,
                        (graph, threads) -> new HostGraph(graph, new HostInstance(graph, threads)));
            }
        };
    }
}
