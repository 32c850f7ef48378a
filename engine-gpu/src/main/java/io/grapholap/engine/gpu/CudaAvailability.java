package io.grapholap.engine.gpu;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What probing the CUDA driver found: a usable device (its name, memory, compute capability, driver
 * version) or, when there is none, the reason in one line (for example the loader's
 * {@code libcuda.so.1: cannot open shared object file}).
 */
public record CudaAvailability(boolean available, String reason, String deviceName, long totalBytes,
                               String computeCapability, int driverVersion, int deviceCount) {

    static CudaAvailability unavailable(String reason) {
        return new CudaAvailability(false, reason, null, 0L, null, 0, 0);
    }

    /** Details for {@link io.grapholap.application.graph.EngineInfo#details()}. */
    Map<String, Object> details() {
        Map<String, Object> d = new LinkedHashMap<>();
        if (available) {
            d.put("device", deviceName);
            d.put("device_memory_bytes", totalBytes);
            d.put("compute_capability", computeCapability);
            d.put("driver_version", driverVersion);
        } else {
            d.put("reason", reason);
        }
        return d;
    }
}
