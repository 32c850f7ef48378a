package io.grapholap.engine.gpu;

import jcuda.driver.CUdeviceptr;

/** One device allocation; freed by {@link CudaDevice#free}. Bytes is what was asked for (at least 8). */
final class DeviceBuffer {

    final CUdeviceptr ptr;
    final long bytes;
    private boolean freed;

    DeviceBuffer(CUdeviceptr ptr, long bytes) {
        this.ptr = ptr;
        this.bytes = bytes;
    }

    boolean freed() {
        return freed;
    }

    void markFreed() {
        freed = true;
    }
}
