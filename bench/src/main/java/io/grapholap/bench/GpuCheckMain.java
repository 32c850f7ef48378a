package io.grapholap.bench;

import io.grapholap.application.graph.AlgorithmResult;
import io.grapholap.application.graph.ExecutionContext;
import io.grapholap.application.graph.GraphInstance;
import io.grapholap.application.graph.ProgressListener;
import io.grapholap.application.graph.algo.AlgorithmRegistry;
import io.grapholap.engine.cpu.CpuGraphInstance;
import io.grapholap.engine.gpu.CudaAvailability;
import io.grapholap.engine.gpu.CudaProbe;
import io.grapholap.engine.gpu.GpuGraphEngine;
import io.grapholap.engine.gpu.HostGraphLoader;
import io.grapholap.graph.csr.CsrGraph;
import java.util.Locale;
import java.util.Map;

/**
 * The first lines of a GPU verification run (bench/gpu/run.sh): whether the CUDA driver and a device
 * can be used, and, where they can, which vector backend the engine chose once a graph is on the device
 * (cuBLAS, or our kernels with the reason cuBLAS did not load), checked with a pagerank on a 4-cycle.
 * Exit status 0 with a device, 3 without one (the reason printed), 1 when the device fails the check.
 */
public final class GpuCheckMain {

    static final int NO_GPU = 3;

    private GpuCheckMain() {
    }

    public static void main(String[] args) {
        System.exit(run());
    }

    static int run() {
        CudaAvailability a = CudaProbe.availability();
        if (!a.available()) {
            System.out.println("GPU engine unavailable: " + a.reason());
            return NO_GPU;
        }
        System.out.printf(Locale.ROOT, "GPU engine available: %s, compute capability %s, %.1f GiB, CUDA driver API %d.%d, %d device(s)%n",
                a.deviceName(), a.computeCapability(), a.totalBytes() / 1073741824.0, a.driverVersion() / 1000,
                a.driverVersion() % 1000 / 10, a.deviceCount());
        CsrGraph cycle = CsrGraph.fromEdges(4, true, new int[][] {{0, 1}, {1, 2}, {2, 3}, {3, 0}});
        try (GpuGraphEngine engine = new GpuGraphEngine(null);
             GraphInstance instance = engine.load(new HostGraphLoader.HostGraph(cycle, new CpuGraphInstance(cycle, 1)),
                     ProgressListener.NONE)) {
            AlgorithmResult result = instance.run(AlgorithmRegistry.parse("pagerank", Map.of("iterations", 5)), ExecutionContext.of(1));
            Object backend = engine.info().details().get("vector_backend");
            System.out.println("vector backend: " + backend);
            double sum = 0;
            for (int i = 0; i < result.rowCount(); i++) {
                sum += ((Number) result.column("rank").get(i)).doubleValue();
            }
            System.out.printf(Locale.ROOT, "pagerank on a 4-cycle: ranks sum to %.6f (expected 1.000000)%n", sum);
            return Math.abs(sum - 1.0) < 1e-9 ? 0 : 1;
        } catch (RuntimeException e) {
            System.out.println("GPU check failed: " + e);
            return 1;
        }
    }
}
