package io.grapholap.engine.gpu;

import io.grapholap.application.graph.AlgorithmResult;
import io.grapholap.application.graph.ExecutionContext;
import io.grapholap.application.graph.GraphInstance;
import io.grapholap.application.graph.GraphSchema;
import io.grapholap.application.graph.GraphStatistics;
import io.grapholap.application.graph.QueryLimits;
import io.grapholap.application.graph.QueryResult;
import io.grapholap.application.graph.Table;
import io.grapholap.application.graph.algo.AlgorithmParams;
import io.grapholap.domain.error.UnavailableException;
import io.grapholap.graph.csr.ComputePool;
import io.grapholap.graph.csr.CsrBacked;
import io.grapholap.graph.csr.CsrGraph;

import java.util.Map;

/**
 * A snapshot held twice: the CSR on the device for the GPU kernels, and the host instance over the
 * host CSR for Gremlin and node/edge tables. The host CSR is open to other engines
 * ({@link CsrBacked}), so the application can run an algorithm without a GPU kernel there when a
 * request says {@code engine=auto}. Closing frees the device memory and the host instance.
 */
final class GpuGraphInstance implements GraphInstance, CsrBacked {

    private final CudaDevice device;
    private final CsrGraph graph;
    private final GraphInstance host;
    private final DeviceGraph deviceGraph;
    private volatile boolean closed;
    private volatile int parallelism;

    GpuGraphInstance(CudaDevice device, CsrGraph graph, GraphInstance host, DeviceGraph deviceGraph) {
        this.device = device;
        this.graph = graph;
        this.host = host;
        this.deviceGraph = deviceGraph;
        this.parallelism = host.parallelism();
    }

    @Override
    public String engine() {
        return GpuAlgorithms.ENGINE;
    }

    @Override
    public GraphStatistics statistics() {
        requireOpen();
        GraphStatistics h = host.statistics();
        long deviceBytes = device.call(deviceGraph::bytes);
        return new GraphStatistics(h.vertexCount(), h.edgeCount(), h.directed(), h.verticesPerLabel(), h.edgesPerType(),
                h.hostBytes(), deviceBytes);
    }

    /** On the device; an algorithm without a GPU kernel is refused (the application chooses any fallback). */
    @Override
    public AlgorithmResult run(AlgorithmParams params, ExecutionContext ctx) {
        requireOpen();
        if (!GpuAlgorithms.runs(params)) {
            throw new UnavailableException("ALGORITHM_NOT_SUPPORTED_ON_ENGINE", "algorithm '" + params.algorithm()
                    + "' has no GPU kernel; ask for engine=auto to run it on another engine, or use the cpu engine",
                    Map.of("algorithm", params.algorithm(), "engine", GpuAlgorithms.ENGINE,
                            "supported", GpuAlgorithms.algorithms()));
        }
        return device.call(() -> {
            requireOpen();
            return GpuAlgorithms.run(device, deviceGraph, graph, params, ctx);
        });
    }

    /** The host graph as the host instance serves it (with the vertex properties stored so far). */
    @Override
    public CsrGraph hostGraph() {
        requireOpen();
        return host instanceof CsrBacked backed ? backed.hostGraph() : graph;
    }

    /** The host instance's threads; a host instance that keeps no host graph of its own has none to lend. */
    @Override
    public ComputePool hostThreads() {
        requireOpen();
        if (host instanceof CsrBacked backed) {
            return backed.hostThreads();
        }
        throw new IllegalStateException("the host instance of this GPU instance keeps no threads of its own");
    }

    @Override
    public QueryResult gremlin(String query, Map<String, Object> bindings, QueryLimits limits) {
        requireOpen();
        return host.gremlin(query, bindings, limits);
    }

    @Override
    public QueryResult cypher(String query, Map<String, Object> parameters, QueryLimits limits,
                              io.grapholap.application.graph.AlgorithmCalls calls) {
        requireOpen();
        return host.cypher(query, parameters, limits, calls);
    }

    @Override
    public GraphSchema schema() {
        requireOpen();
        return host.schema();
    }

    /** Stored on the host graph, which serves this instance's Gremlin queries and node tables. */
    @Override
    public void storeVertexProperty(String property, AlgorithmResult result, String column) {
        requireOpen();
        host.storeVertexProperty(property, result, column);
    }

    @Override
    public Table nodes(String label) {
        requireOpen();
        return host.nodes(label);
    }

    @Override
    public Table edges(String type) {
        requireOpen();
        return host.edges(type);
    }

    @Override
    public void setParallelism(int threads) {
        host.setParallelism(threads);
        parallelism = threads;
    }

    @Override
    public int parallelism() {
        return parallelism;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("this GPU graph instance is closed");
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            // after the engine closed, destroying its context has already freed this graph
            if (!device.isClosed()) {
                device.run(deviceGraph::free);
            }
        } finally {
            host.close();
        }
    }
}
