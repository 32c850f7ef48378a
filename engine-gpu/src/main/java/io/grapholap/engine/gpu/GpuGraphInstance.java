package io.grapholap.engine.gpu;

import io.grapholap.application.graph.AlgorithmResult;
import io.grapholap.application.graph.ExecutionContext;
import io.grapholap.application.graph.GraphInstance;
import io.grapholap.application.graph.GraphSchema;
import io.grapholap.application.graph.GraphStatistics;
import io.grapholap.application.graph.QueryLimits;
import io.grapholap.application.graph.QueryResult;
import io.grapholap.application.graph.Table;
import io.grapholap.application.graph.algo.AlgorithmCatalog;
import io.grapholap.application.graph.algo.AlgorithmParams;
import io.grapholap.domain.error.UnavailableException;
import io.grapholap.graph.csr.CsrGraph;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A snapshot held twice: the CSR on the device for the GPU kernels, and the CPU instance over the
 * host CSR for Gremlin, node/edge tables and, when the request allows it ({@code engine=auto}),
 * the algorithms that have no GPU kernel. Closing frees the device memory and the host instance.
 */
final class GpuGraphInstance implements GraphInstance {

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

    @Override
    public AlgorithmResult runAlgorithm(String name, Map<String, Object> params, ExecutionContext ctx) {
        requireOpen();
        Map<String, Object> raw = new LinkedHashMap<>(params == null ? Map.of() : params);
        Object precisionRaw = raw.remove("precision");
        GpuAlgorithms.Precision precision = GpuAlgorithms.Precision.parse(precisionRaw);
        AlgorithmParams parsed = AlgorithmCatalog.parse(name, raw);
        String algorithm = parsed.algorithm();
        if (GpuAlgorithms.SUPPORTED.contains(algorithm)) {
            return device.call(() -> {
                requireOpen();
                return GpuAlgorithms.run(device, deviceGraph, graph, parsed, precision, ctx);
            });
        }
        if (ctx.allowCpuFallback()) {
            AlgorithmResult r = host.runAlgorithm(name, raw, ctx);
            Map<String, Object> stats = new LinkedHashMap<>(r.stats());
            stats.put("requested_engine", GpuAlgorithms.ENGINE);
            stats.put("fallback_reason", "no GPU kernel for " + algorithm);
            return new AlgorithmResult(r.algorithm(), r.engine(), r.columns(), r.data(), stats);
        }
        throw new UnavailableException("ALGORITHM_NOT_SUPPORTED_ON_ENGINE", "algorithm '" + algorithm
                + "' has no GPU kernel; ask for engine=auto to run it on the CPU, or use the cpu engine",
                Map.of("algorithm", algorithm, "engine", GpuAlgorithms.ENGINE,
                        "supported", List.copyOf(new TreeSet<>(GpuAlgorithms.SUPPORTED))));
    }

    @Override
    public QueryResult gremlin(String query, Map<String, Object> bindings, QueryLimits limits) {
        requireOpen();
        return host.gremlin(query, bindings, limits);
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
