package io.grapholap.engine.gpu;

import jcuda.driver.CUdeviceptr;

/**
 * One device allocation; freed by {@link CudaDevice#free}. {@code bytes} is what was allocated (at
 * least 8), {@code requested} what the caller asked for (what statistics report).
 */
final class DeviceBuffer {

    final CUdeviceptr ptr;
    final long bytes;
    final long requested;
    private boolean freed;

    DeviceBuffer(CUdeviceptr ptr, long bytes, long requested) {
        this.ptr = ptr;
        this.bytes = bytes;
        this.requested = requested;
    }

    boolean freed() {
        return freed;
    }

    void markFreed() {
        freed = true;
    }
}
