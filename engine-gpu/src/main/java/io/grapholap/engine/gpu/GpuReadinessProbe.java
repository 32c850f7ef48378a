package io.grapholap.engine.gpu;

import io.grapholap.application.health.ReadinessProbe;

/**
 * Readiness of the GPU engine: up with the device name, or down with the reason the driver gave.
 * Not critical: a server without a GPU still serves everything on the CPU engine.
 */
public final class GpuReadinessProbe implements ReadinessProbe {

    private final GpuGraphEngine engine;

    public GpuReadinessProbe(GpuGraphEngine engine) {
        this.engine = engine;
    }

    @Override
    public String name() {
        return "engine-gpu";
    }

    @Override
    public boolean critical() {
        return false;
    }

    @Override
    public ProbeResult check() {
        try {
            CudaAvailability a = engine.availability();
            return a.available()
                    ? ProbeResult.up(a.deviceName() + ", " + a.totalBytes() / (1024 * 1024) + " MiB, compute "
                    + a.computeCapability())
                    : ProbeResult.down(a.reason());
        } catch (RuntimeException | LinkageError e) {
            return ProbeResult.down("GPU probe failed: " + e);
        }
    }
}
