package io.grapholap.engine.gpu;

import org.junit.jupiter.api.Assumptions;

/**
 * Skips a GPU test where the engine cannot run, printing why to stdout so that the reason shows in
 * the build output (for example "libcuda.so.1: cannot open shared object file").
 */
final class GpuAssumptions {

    private static final java.util.Set<String> REPORTED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private GpuAssumptions() {
    }

    /** Call from {@code @BeforeEach}, so that every GPU test counts as skipped; prints the reason once per class. */
    static void assumeGpu(String testClass) {
        CudaAvailability a = CudaProbe.availability();
        if (!a.available() && REPORTED.add(testClass)) {
            System.out.println("[engine-gpu] " + testClass + " tests skipped: GPU engine unavailable: " + a.reason());
        }
        Assumptions.assumeTrue(a.available(), "GPU engine unavailable: " + a.reason());
    }
}
