/**
 * The CPU engine's graph algorithms.
 *
 * <p>{@link io.grapholap.engine.cpu.algo.CpuAlgorithms#run} is the one entry point: it finds the
 * {@link io.grapholap.engine.cpu.algo.CpuKernel} of the validated parameter record (kernels are found
 * through {@link java.util.ServiceLoader}), runs it over a {@link io.grapholap.engine.cpu.algo.CpuRun},
 * which resolves vertices ({@code source}, {@code target}; docs/identity.md) and weight properties
 * ({@code weight}) on the {@link io.grapholap.graph.csr.CsrGraph}, and returns an
 * {@link io.grapholap.application.graph.AlgorithmResult} whose first columns {@code id},
 * {@code label} and {@code key} name each row's vertex; {@code stats} always carries {@code run_millis}. Memory estimates are part of
 * each algorithm's definition in {@code application}.
 *
 * <p>Each kernel is a class taking the {@link io.grapholap.engine.cpu.algo.Topology} (the graph's raw
 * CSR arrays, no copy), its validated parameter record, a {@link io.grapholap.engine.cpu.algo.Parallel}
 * (thread count and termination flag, checked before every chunk of work) and a
 * {@link io.grapholap.engine.cpu.algo.Progress}; {@code compute()} returns a result record of primitive
 * arrays indexed by dense vertex id, and its nested {@code Kernel} turns that into result columns. Hot
 * loops read {@code int[]}/{@code double[]} arrays directly and run in parallel over vertex ranges on a
 * shared pool per parallelism.
 */
package io.grapholap.engine.cpu.algo;
