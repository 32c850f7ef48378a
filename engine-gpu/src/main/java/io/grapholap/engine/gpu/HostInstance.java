package io.grapholap.engine.gpu;

import io.grapholap.application.graph.AlgorithmResult;
import io.grapholap.application.graph.ExecutionContext;
import io.grapholap.application.graph.algo.AlgorithmParams;
import io.grapholap.domain.error.UnavailableException;
import io.grapholap.graph.csr.ComputePool;
import io.grapholap.graph.csr.CsrGraph;
import io.grapholap.gremlin.csr.CsrGraphInstance;
import java.util.Map;

/**
 * The host half of a GPU instance: the shared host graph parts (Gremlin, tables, stored
 * properties). It runs no algorithm itself: the GPU instance runs its kernels on the device, and the
 * application runs the others on another engine over this host graph.
 */
final class HostInstance extends CsrGraphInstance {

    HostInstance(CsrGraph graph, ComputePool threads) {
        super(graph, threads);
    }

    @Override
    public String engine() {
        return GpuGraphEngine.NAME;
    }

    @Override
    public AlgorithmResult run(AlgorithmParams params, ExecutionContext ctx) {
        throw new UnavailableException("ALGORITHM_NOT_SUPPORTED_ON_ENGINE", "the host half of a GPU instance runs no "
                + "algorithm; '" + params.algorithm() + "' runs on the device or, with engine=auto, on another engine",
                Map.of("algorithm", params.algorithm(), "engine", GpuGraphEngine.NAME));
    }
}
