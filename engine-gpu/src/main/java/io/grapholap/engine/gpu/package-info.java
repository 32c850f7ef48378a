/**
 * The GPU engine: the graph-computation port over CUDA kernels, loaded as PTX through
 * the JCuda 12.6 driver API. Public API:
 *
 * <ul>
 *   <li>{@link io.grapholap.engine.gpu.GpuGraphEngine}: {@code new GpuGraphEngine(HostGraphLoader)};
 *       {@code info()} (name {@code gpu}; unavailable with the driver's reason on a machine without
 *       a GPU; details: device, memory, compute capability, driver, kernels, vector backend),
 *       {@code estimate(dir, options)} (the host graph estimate plus {@code deviceBytes} from the manifest's
 *       counts), {@code load(dir, options, progress, cancel)}, {@code load(HostGraph, progress)} for
 *       graphs already on the host (bench, tests), {@code availability()}, {@code deviceMemory()},
 *       {@code allocatedDeviceBytes()}, static {@code algorithms()}, {@code close()} (destroys the
 *       CUDA context). Errors: {@code UnavailableException} {@code ENGINE_UNAVAILABLE} (no driver or
 *       device; details {@code reason}), {@code ConflictException} {@code MEMORY_LIMIT_EXCEEDED}
 *       (a load or a run that does not fit; details {@code needed_bytes}, {@code free_bytes}),
 *       {@code UnavailableException} {@code ALGORITHM_NOT_SUPPORTED_ON_ENGINE} (no GPU kernel).</li>
 *   <li>Instances run pagerank (engine option {@code precision}, declared in {@code info().options()}:
 *       {@code fp64} default or {@code fp32}), bfs, wcc, sssp, cdlp, degree, triangle_count and lcc on
 *       the device, with the CPU engine's parameters, columns and key conventions; Gremlin and node/edge
 *       tables run on the host instance over the same host CSR (graph-csr and gremlin-csr), which the
 *       instance shows to other engines ({@code CsrBacked}) so that the application can run the other
 *       algorithms there when a request says {@code engine=auto}; the result's {@code engine} says which
 *       ran. This module never depends on engine-cpu (its tests do, to compare every kernel with the
 *       CPU's).</li>
 *   <li>{@link io.grapholap.engine.gpu.HostGraphLoader}: {@code HostGraphLoader.csr(allocator)}.</li>
 *   <li>{@link io.grapholap.engine.gpu.CudaProbe#availability()}: the once-per-JVM probe, never
 *       throwing; {@link io.grapholap.engine.gpu.GpuReadinessProbe} (non-critical, {@code engine-gpu}).</li>
 *   <li>{@link io.grapholap.engine.gpu.GpuEngineFactory}: the {@code GraphEngine} bean named
 *       {@code gpu} and the readiness probe.</li>
 *   <li>Kernels: {@code src/main/cuda/*.cu}, compiled by {@code compile-ptx.sh} during the build when
 *       {@code nvcc} is on the PATH into {@code src/main/resources/io/grapholap/engine/gpu/ptx}
 *       (committed; first line names the sources' SHA-256, checked by PtxSourceTest).</li>
 * </ul>
 */
package io.grapholap.engine.gpu;
