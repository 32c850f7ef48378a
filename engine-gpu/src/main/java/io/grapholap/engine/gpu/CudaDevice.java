package io.grapholap.engine.gpu;

import io.grapholap.domain.error.ConflictException;
import jcuda.CudaException;
import jcuda.Pointer;
import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUfunction;
import jcuda.driver.CUmodule;
import jcuda.driver.JCudaDriver;

import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One CUDA context on device 0 with every shipped PTX module loaded; one per engine. All device work
 * goes through {@link #call}, which holds the engine's lock and makes the context current on the
 * calling thread, so any thread may use it and kernels never interleave. Tracks every allocation so
 * that {@link #close()} frees what an instance forgot and tests can check that nothing leaks.
 */
final class CudaDevice implements AutoCloseable {

    static final int BLOCK = 256;

    private final CUcontext context = new CUcontext();
    private final Map<String, CUfunction> functions = new HashMap<>();
    private final Set<DeviceBuffer> live = Collections.newSetFromMap(new IdentityHashMap<>());
    private final ReentrantLock lock = new ReentrantLock();
    private final VectorOps vectors;
    private long allocated;
    private boolean closed;

    CudaDevice() {
        CUdevice device = new CUdevice();
        JCudaDriver.cuDeviceGet(device, 0);
        JCudaDriver.cuCtxCreate(context, 0, device);
        VectorOps ops = null;
        try {
            for (Map.Entry<String, List<String>> m : PtxModules.ENTRIES.entrySet()) {
                CUmodule module = new CUmodule();
                JCudaDriver.cuModuleLoadData(module, PtxModules.load(m.getKey()));
                for (String entry : m.getValue()) {
                    CUfunction f = new CUfunction();
                    JCudaDriver.cuModuleGetFunction(f, module, entry);
                    functions.put(entry, f);
                }
            }
            ops = VectorOps.open(this);
        } catch (RuntimeException | LinkageError e) {
            JCudaDriver.cuCtxPopCurrent(new CUcontext());
            JCudaDriver.cuCtxDestroy(context);
            throw e;
        }
        JCudaDriver.cuCtxPopCurrent(new CUcontext());
        vectors = ops;
    }

    VectorOps vectors() {
        return vectors;
    }

    /** Runs {@code work} with this context current and the device to itself. */
    <T> T call(Supplier<T> work) {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the GPU context is closed");
            }
            JCudaDriver.cuCtxPushCurrent(context);
            try {
                return work.get();
            } finally {
                JCudaDriver.cuCtxPopCurrent(new CUcontext());
            }
        } finally {
            lock.unlock();
        }
    }

    /** Whether {@link #close()} has run (its context, and every allocation in it, is gone). */
    boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    /** Free and total device memory in bytes. */
    long[] memoryInfo() {
        return call(() -> {
            long[] free = new long[1];
            long[] total = new long[1];
            JCudaDriver.cuMemGetInfo(free, total);
            return new long[] {free[0], total[0]};
        });
    }

    /** Bytes currently allocated through this context. */
    long allocatedBytes() {
        lock.lock();
        try {
            return allocated;
        } finally {
            lock.unlock();
        }
    }

    /** Must run inside {@link #call}. Out of device memory is a {@code MEMORY_LIMIT_EXCEEDED} error. */
    DeviceBuffer alloc(long bytes, String what) {
        long size = Math.max(8L, bytes);
        CUdeviceptr ptr = new CUdeviceptr();
        try {
            JCudaDriver.cuMemAlloc(ptr, size);
        } catch (CudaException e) {
            if (isOutOfMemory(e)) {
                long[] free = new long[1];
                long[] total = new long[1];
                JCudaDriver.cuMemGetInfo(free, total);
                throw outOfMemory(what, size, free[0]);
            }
            throw e;
        }
        DeviceBuffer b = new DeviceBuffer(ptr, size, bytes);
        live.add(b);
        allocated += size;
        return b;
    }

    /** Must run inside {@link #call}; freeing twice is a no-op. */
    void free(DeviceBuffer b) {
        if (b == null || b.freed()) {
            return;
        }
        JCudaDriver.cuMemFree(b.ptr);
        b.markFreed();
        live.remove(b);
        allocated -= b.bytes;
    }

    DeviceBuffer upload(int[] data, String what) {
        DeviceBuffer b = alloc(4L * data.length, what);
        if (data.length > 0) {
            JCudaDriver.cuMemcpyHtoD(b.ptr, Pointer.to(data), 4L * data.length);
        }
        return b;
    }

    DeviceBuffer upload(long[] data, String what) {
        DeviceBuffer b = alloc(8L * data.length, what);
        if (data.length > 0) {
            JCudaDriver.cuMemcpyHtoD(b.ptr, Pointer.to(data), 8L * data.length);
        }
        return b;
    }

    DeviceBuffer upload(double[] data, String what) {
        DeviceBuffer b = alloc(8L * data.length, what);
        if (data.length > 0) {
            JCudaDriver.cuMemcpyHtoD(b.ptr, Pointer.to(data), 8L * data.length);
        }
        return b;
    }

    void download(DeviceBuffer b, int[] into) {
        if (into.length > 0) {
            JCudaDriver.cuMemcpyDtoH(Pointer.to(into), b.ptr, 4L * into.length);
        }
    }

    void download(DeviceBuffer b, long[] into) {
        if (into.length > 0) {
            JCudaDriver.cuMemcpyDtoH(Pointer.to(into), b.ptr, 8L * into.length);
        }
    }

    void download(DeviceBuffer b, double[] into) {
        if (into.length > 0) {
            JCudaDriver.cuMemcpyDtoH(Pointer.to(into), b.ptr, 8L * into.length);
        }
    }

    void download(DeviceBuffer b, float[] into) {
        if (into.length > 0) {
            JCudaDriver.cuMemcpyDtoH(Pointer.to(into), b.ptr, 4L * into.length);
        }
    }

    void zero(DeviceBuffer b) {
        JCudaDriver.cuMemsetD32(b.ptr, 0, b.bytes / 4);
    }

    void write(DeviceBuffer b, int value) {
        JCudaDriver.cuMemcpyHtoD(b.ptr, Pointer.to(new int[] {value}), 4L);
    }

    int readInt(DeviceBuffer b) {
        int[] v = new int[1];
        JCudaDriver.cuMemcpyDtoH(Pointer.to(v), b.ptr, 4L);
        return v[0];
    }

    long readLong(DeviceBuffer b) {
        long[] v = new long[1];
        JCudaDriver.cuMemcpyDtoH(Pointer.to(v), b.ptr, 8L);
        return v[0];
    }

    /**
     * Launches {@code kernel} over {@code threads} threads in blocks of {@link #BLOCK} and waits for
     * it. Arguments: Integer, Long, Float, Double or DeviceBuffer, in the kernel's parameter order.
     */
    void launch(String kernel, long threads, Object... args) {
        if (threads <= 0) {
            return;
        }
        CUfunction f = functions.get(kernel);
        if (f == null) {
            throw new IllegalStateException("no kernel " + kernel + " in the loaded PTX");
        }
        Pointer[] params = new Pointer[args.length];
        for (int i = 0; i < args.length; i++) {
            params[i] = switch (args[i]) {
                case Integer v -> Pointer.to(new int[] {v});
                case Long v -> Pointer.to(new long[] {v});
                case Float v -> Pointer.to(new float[] {v});
                case Double v -> Pointer.to(new double[] {v});
                case DeviceBuffer b -> Pointer.to(b.ptr);
                default -> throw new IllegalArgumentException("unsupported kernel argument " + args[i]);
            };
        }
        long grid = (threads + BLOCK - 1) / BLOCK;
        if (grid > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many threads for one launch: " + threads);
        }
        JCudaDriver.cuLaunchKernel(f, (int) grid, 1, 1, BLOCK, 1, 1, 0, null, Pointer.to(params), null);
        JCudaDriver.cuCtxSynchronize();
    }

    static boolean isOutOfMemory(Throwable e) {
        return e instanceof CudaException && String.valueOf(e.getMessage()).contains("CUDA_ERROR_OUT_OF_MEMORY");
    }

    static ConflictException outOfMemory(String what, long needed, long free) {
        return new ConflictException("MEMORY_LIMIT_EXCEEDED", "GPU out of device memory allocating " + what + ": needed "
                + needed + " bytes, " + free + " bytes free", Map.of("engine", "gpu", "needed_bytes", needed,
                "free_bytes", free, "what", what));
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            JCudaDriver.cuCtxPushCurrent(context);
            try {
                vectors.close();
                for (DeviceBuffer b : List.copyOf(live)) {
                    JCudaDriver.cuMemFree(b.ptr);
                    b.markFreed();
                }
                live.clear();
                allocated = 0;
            } finally {
                JCudaDriver.cuCtxPopCurrent(new CUcontext());
                JCudaDriver.cuCtxDestroy(context);
            }
        } finally {
            lock.unlock();
        }
    }
}
