package io.grapholap.engine.gpu;

import io.grapholap.application.graph.AlgorithmResult;
import io.grapholap.application.graph.ExecutionContext;
import io.grapholap.domain.error.UnavailableException;
import io.grapholap.graph.csr.ComputePool;
import io.grapholap.graph.csr.CsrGraph;
import io.grapholap.graph.csr.HostAlgorithms;
import io.grapholap.gremlin.csr.CsrGraphInstance;
import java.util.Map;

/**
 * The host half of a GPU instance: the shared host graph parts, and for the algorithms without a
 * GPU kernel the kernels another engine of the server offers over the same graph.
 */
final class HostInstance extends CsrGraphInstance {

    private final HostAlgorithms fallback;

    HostInstance(CsrGraph graph, ComputePool threads, HostAlgorithms fallback) {
        super(graph, threads);
        this.fallback = fallback;
    }

    @Override
    public String engine() {
        return GpuGraphEngine.NAME;
    }

    @Override
    public AlgorithmResult runAlgorithm(String name, Map<String, Object> params, ExecutionContext ctx) {
        if (fallback == null) {
            throw new UnavailableException("ALGORITHM_NOT_SUPPORTED_ON_ENGINE", "algorithm '" + name + "' has no GPU kernel "
                    + "and this server ships no engine that runs it on the host graph",
                    Map.of("algorithm", String.valueOf(name), "engine", GpuGraphEngine.NAME));
        }
        return fallback.run(graph(), name, params == null ? Map.of() : params,
                ctx == null ? ExecutionContext.of(parallelism()) : ctx);
    }
}
