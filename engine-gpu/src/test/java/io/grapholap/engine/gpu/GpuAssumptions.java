package io.grapholap.engine.gpu;

import org.junit.jupiter.api.Assumptions;

/**
 * Skips a GPU test where the engine cannot run, printing why to stdout so that the reason shows in
 * the build output (for example "libcuda.so.1: cannot open shared object file").
 */
final class GpuAssumptions {

    private GpuAssumptions() {
    }

    static void assumeGpu(String testClass) {
        CudaAvailability a = CudaProbe.availability();
        if (!a.available()) {
            System.out.println("[engine-gpu] " + testClass + " skipped: GPU engine unavailable: " + a.reason());
        }
        Assumptions.assumeTrue(a.available(), "GPU engine unavailable: " + a.reason());
    }
}
