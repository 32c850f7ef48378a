package io.grapholap.engine.gpu;

import io.grapholap.application.graph.CancellationToken;
import io.grapholap.application.graph.EngineInfo;
import io.grapholap.application.graph.GraphEngine;
import io.grapholap.application.graph.GraphInstance;
import io.grapholap.application.graph.LoadOptions;
import io.grapholap.application.graph.MemoryEstimate;
import io.grapholap.application.graph.ProgressListener;
import io.grapholap.domain.error.ConflictException;
import io.grapholap.domain.error.UnavailableException;
import io.grapholap.graph.csr.CsrGraph;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The GPU engine: loads a snapshot through the CPU engine ({@link HostGraphLoader}), uploads its CSR
 * to device 0 and runs the algorithms with device kernels ({@link #algorithms()}) there. Probing never
 * throws: without a driver or device the engine reports itself unavailable with the reason, and
 * every call that needs the device fails with {@code ENGINE_UNAVAILABLE} carrying that reason.
 * The CUDA context is created on the first load and destroyed by {@link #close()}.
 */
public final class GpuGraphEngine implements GraphEngine, AutoCloseable {

    public static final String NAME = "gpu";

    private final HostGraphLoader loader;
    private final Supplier<CudaAvailability> probe;
    private CudaDevice device;
    private String deviceError;

    /** An engine over the real CUDA driver. */
    public GpuGraphEngine(HostGraphLoader loader) {
        this(loader, CudaProbe::availability);
    }

    GpuGraphEngine(HostGraphLoader loader, Supplier<CudaAvailability> probe) {
        this.loader = loader;
        this.probe = Objects.requireNonNull(probe, "probe");
    }

    /** The algorithms with GPU kernels; the others run only with {@code engine=auto}, on another engine. */
    public static List<String> algorithms() {
        return GpuAlgorithms.algorithms();
    }

    /** What probing the driver found; cheap after the first call. */
    public CudaAvailability availability() {
        CudaAvailability a = probe.get();
        if (a.available()) {
            synchronized (this) {
                if (deviceError != null) {
                    return CudaAvailability.unavailable(deviceError);
                }
            }
        }
        return a;
    }

    @Override
    public EngineInfo info() {
        CudaAvailability a = availability();
        Map<String, Object> details = new LinkedHashMap<>(a.details());
        details.put("kernels", GpuAlgorithms.algorithms());
        details.put("ptx_target", "compute_80");
        if (loader == null) {
            details.put("host_loader", "none configured");
        }
        synchronized (this) {
            if (device != null) {
                details.put("vector_backend", device.vectors().backend());
                details.put("device_bytes_allocated", device.allocatedBytes());
            } else if (a.available()) {
                details.put("vector_backend", "decided when the first graph loads (cublas if libcublas.so.12 loads)");
            }
        }
        return new EngineInfo(NAME, a.available(), a.available() ? null : a.reason(),
                Runtime.getRuntime().availableProcessors(), a.available() ? a.deviceCount() : 0, details,
                GpuAlgorithms.algorithms(), GpuAlgorithms.OPTIONS);
    }

    @Override
    public MemoryEstimate estimate(Path snapshotDir, LoadOptions options) {
        HostGraphLoader l = requireLoader();
        MemoryEstimate host = l.estimate(snapshotDir, options);
        HostGraphLoader.GraphShape shape = l.shape(snapshotDir, options);
        return combine(host, shape, options);
    }

    static MemoryEstimate combine(MemoryEstimate host, HostGraphLoader.GraphShape shape, LoadOptions options) {
        boolean weighted = options.weightProperty() != null;
        Map<String, Long> parts = new LinkedHashMap<>(host.breakdown());
        parts.putAll(GpuMemory.graphBreakdown(shape.vertices(), shape.edges(), options.directed(), weighted));
        long device = GpuMemory.graphBytes(shape.vertices(), shape.edges(), options.directed(), weighted);
        return new MemoryEstimate(host.hostBytes(), host.peakHostBytes(), device, parts);
    }

    @Override
    public GraphInstance load(Path snapshotDir, LoadOptions options, ProgressListener progress, CancellationToken cancel) {
        CudaDevice dev = device();
        HostGraphLoader l = requireLoader();
        HostGraphLoader.GraphShape shape = l.shape(snapshotDir, options);
        long needed = GpuMemory.loadBytes(shape.vertices(), shape.edges(), options.directed(),
                options.weightProperty() != null);
        requireFits(dev, needed, snapshotDir.toString());
        HostGraphLoader.HostGraph host = l.load(snapshotDir, options, progress, cancel);
        return upload(dev, host, progress);
    }

    /** Puts an already loaded host graph on the device (tests and the bench use this directly). */
    public GraphInstance load(HostGraphLoader.HostGraph host, ProgressListener progress) {
        CudaDevice dev = device();
        CsrGraph g = host.graph();
        long needed = GpuMemory.loadBytes(g.vertexCount(), g.edgeCount(), g.isDirected(), g.hasWeights());
        try {
            requireFits(dev, needed, g.toString());
        } catch (RuntimeException e) {
            host.hostInstance().close();
            throw e;
        }
        return upload(dev, host, progress);
    }

    private GraphInstance upload(CudaDevice dev, HostGraphLoader.HostGraph host, ProgressListener progress) {
        try {
            progress.progress("upload", 0.0, "copying the CSR to the device");
            DeviceGraph dg = dev.call(() -> DeviceGraph.upload(dev, host.graph()));
            progress.progress("upload", 1.0, dg.bytes() + " bytes on the device");
            return new GpuGraphInstance(dev, host.graph(), host.hostInstance(), dg);
        } catch (RuntimeException e) {
            host.hostInstance().close();
            throw e;
        }
    }

    private static void requireFits(CudaDevice dev, long needed, String what) {
        long[] info = dev.memoryInfo();
        if (needed > info[0]) {
            throw new ConflictException("MEMORY_LIMIT_EXCEEDED", "graph " + what + " needs " + needed
                    + " bytes of GPU memory, " + info[0] + " bytes are free", Map.of("engine", NAME,
                    "needed_bytes", needed, "free_bytes", info[0], "total_bytes", info[1]));
        }
    }

    /** Free and total device memory; ENGINE_UNAVAILABLE without a device. */
    public long[] deviceMemory() {
        return device().memoryInfo();
    }

    /** Bytes this engine has allocated on the device (0 when no graph is loaded). */
    public long allocatedDeviceBytes() {
        synchronized (this) {
            return device == null ? 0L : device.allocatedBytes();
        }
    }

    private HostGraphLoader requireLoader() {
        if (loader == null) {
            throw new UnavailableException("ENGINE_UNAVAILABLE", "the GPU engine has no host graph loader configured",
                    Map.of("engine", NAME, "reason", "no host graph loader"));
        }
        return loader;
    }

    synchronized CudaDevice device() {
        CudaAvailability a = availability();
        if (!a.available()) {
            throw unavailable(a.reason());
        }
        if (device == null) {
            try {
                device = new CudaDevice();
            } catch (RuntimeException | LinkageError e) {
                deviceError = "creating the CUDA context failed: " + e.getMessage();
                throw unavailable(deviceError);
            }
        }
        return device;
    }

    static UnavailableException unavailable(String reason) {
        return new UnavailableException("ENGINE_UNAVAILABLE", "GPU engine unavailable: " + reason,
                Map.of("engine", NAME, "reason", reason));
    }

    @Override
    public synchronized void close() {
        if (device != null) {
            device.close();
            device = null;
        }
    }
}
