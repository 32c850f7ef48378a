package io.grapholap.engine.cpu.algo;

import io.grapholap.application.graph.algo.AlgorithmParams;

/**
 * The CPU kernel of one algorithm: reads the graph through {@link CpuRun} (topology, vertex keys,
 * weights, threads, termination flag, progress) and adds its result columns and figures to it. A kernel
 * is a nested class {@code Kernel} of its algorithm class with a public no-argument constructor,
 * annotated {@code @AutoService(CpuKernel.class)} (which writes its {@code META-INF/services} entry at
 * compile time), where {@link CpuAlgorithms} finds it; the engine advertises exactly the algorithms it finds kernels for.
 */
public interface CpuKernel<P extends AlgorithmParams> {

    /** The parameter record of the algorithm this kernel runs. */
    Class<P> params();

    void run(P params, CpuRun run);
}
