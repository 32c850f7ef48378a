/**
 * The CPU engine's graph algorithms.
 *
 * <p>{@link io.grapholap.engine.cpu.algo.CpuAlgorithms#run} is the one entry point: it validates raw
 * parameters against {@link io.grapholap.application.graph.algo.AlgorithmCatalog}, resolves vertex keys
 * ({@code source}, {@code target}) and weight properties ({@code weight}) on the
 * {@link io.grapholap.graph.csr.CsrGraph}, runs one kernel and returns an
 * {@link io.grapholap.application.graph.AlgorithmResult} whose first column {@code id} holds the
 * original vertex keys; {@code stats} always carries {@code run_millis}.
 * {@link io.grapholap.engine.cpu.algo.CpuAlgorithms#memoryEstimate} gives the bytes a run allocates.
 *
 * <p>Each kernel is a class taking the {@link io.grapholap.engine.cpu.algo.Topology} (the graph's raw
 * CSR arrays, no copy), its validated parameter record, a {@link io.grapholap.engine.cpu.algo.Parallel}
 * (thread count and termination flag, checked before every chunk of work) and a
 * {@link io.grapholap.engine.cpu.algo.Progress}; {@code compute()} returns a result record of primitive
 * arrays indexed by dense vertex id, and a static {@code memoryEstimate} sizes it. Hot loops read
 * {@code int[]}/{@code double[]} arrays directly and run in parallel over vertex ranges on a shared
 * pool per parallelism.
 */
package io.grapholap.engine.cpu.algo;
