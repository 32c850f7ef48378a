package io.grapholap.graph.csr;

import io.grapholap.application.graph.AlgorithmResult;
import io.grapholap.application.graph.ExecutionContext;
import java.util.Map;

/**
 * Algorithms that run over any host {@link CsrGraph}, offered by the engine that has them to
 * engines that hold the same graph but lack a kernel (the GPU engine, when a request says
 * {@code engine=auto}). The result's {@code engine} names the engine that ran it.
 */
public interface HostAlgorithms {

    /** Name of the engine whose kernels these are. */
    String engine();

    /** Runs {@code algorithm} with raw parameters over {@code graph}, as the engine's own instances would. */
    AlgorithmResult run(CsrGraph graph, String algorithm, Map<String, Object> params, ExecutionContext ctx);
}
