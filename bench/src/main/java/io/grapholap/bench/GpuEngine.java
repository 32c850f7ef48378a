package io.grapholap.bench;

import io.grapholap.application.graph.CancellationToken;
import io.grapholap.application.graph.GraphInstance;
import io.grapholap.application.graph.ProgressListener;
import io.grapholap.application.graph.LoadOptions;
import io.grapholap.bench.gen.GeneratedGraph;
import io.grapholap.engine.cpu.CpuGraphInstance;
import io.grapholap.graph.csr.CsrGraph;
import io.grapholap.engine.gpu.CudaAvailability;
import io.grapholap.engine.gpu.CudaProbe;
import io.grapholap.engine.gpu.GpuGraphEngine;
import io.grapholap.engine.gpu.HostGraphLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * Our GPU engine: the timed load reads the same Arrow snapshot as {@link CpuEngine} (written untimed)
 * into the host CSR and uploads it to the device; algorithms run through the same
 * {@code run} the server calls. SSSP runs on a second, weighted instance uploaded before the
 * timed run. Without a GPU every graph is refused with "GPU engine unavailable: reason".
 */
final class GpuEngine implements EngineUnderTest {

    private final int threads;
    private final CudaAvailability availability = CudaProbe.availability();
    private GpuGraphEngine engine;
    private GraphInstance instance;
    private GraphInstance weighted;
    private CsrGraph graph;
    private double[] weights;
    private volatile CancellationToken cancel = CancellationToken.create();
    private ForkJoinPool pool;
    private BufferAllocator allocator;
    private HostGraphLoader loader;
    private Path snapshot;

    GpuEngine(int threads) {
        this.threads = threads;
    }

    static String unavailableReason() {
        CudaAvailability a = CudaProbe.availability();
        return a.available() ? null : "GPU engine unavailable: " + a.reason();
    }

    @Override
    public String name() {
        return "gpu";
    }

    @Override
    public String unsupported(String algorithm) {
        if (!availability.available()) {
            return unavailableReason();
        }
        return GpuGraphEngine.algorithms().contains(algorithm) ? null : "no GPU kernel for " + algorithm;
    }

    @Override
    public String refuse(GeneratedGraph generated, int scale, long maxHeapBytes) {
        return unavailableReason();
    }

    @Override
    public List<RunResult> prepare(GeneratedGraph generated, int scale, BenchContext context) throws IOException {
        if (generated.weights() != null) {
            float[] w = generated.weights();
            weights = new double[w.length];
            for (int i = 0; i < w.length; i++) {
                weights[i] = w[i];
            }
        }
        pool = new ForkJoinPool(threads);
        allocator = new RootAllocator();
        loader = HostGraphLoader.csr(allocator);
        engine = new GpuGraphEngine(loader);
        snapshot = Snapshots.write(allocator, generated, context.scratch().resolve(generated.name() + "-" + context.seed() + "-gpu"),
                false);
        return List.of();
    }

    @Override
    public String load(GeneratedGraph generated, BenchContext context) {
        HostGraphLoader.HostGraph host = loader.load(snapshot,
                LoadOptions.defaults().withParallelism(threads).withVerifyChecksums(false), ProgressListener.NONE,
                CancellationToken.create());
        graph = host.graph();
        instance = engine.load(host, ProgressListener.NONE);
        return "Arrow snapshot -> CSR -> device, " + instance.statistics().deviceBytes() / 1048576 + " MiB on the device ("
                + engine.info().details().get("device") + ")";
    }

    @Override
    public void beforeRun(String algorithm) {
        cancel = CancellationToken.create();
        if ("sssp".equals(algorithm) && weighted == null && weights != null) {
            CsrGraph w = CsrGraph.builder(graph.vertexCount(), true)
                    .outAdjacency(graph.outOffsets(), graph.outTargets())
                    .weights("weight", weights)
                    .pool(pool)
                    .build();
            weighted = engine.load(new HostGraphLoader.HostGraph(w, new CpuGraphInstance(w, threads)), ProgressListener.NONE);
        }
    }

    @Override
    public String run(String algorithm, int source, Workload workload) {
        return CpuEngine.runOn("sssp".equals(algorithm) ? weighted : instance, algorithm, source, workload, cancel, threads);
    }

    @Override
    public void cancel() {
        cancel.cancel("bench timeout");
    }

    @Override
    public void close() {
        if (weighted != null) {
            weighted.close();
        }
        if (instance != null) {
            instance.close();
        }
        if (engine != null) {
            engine.close();
        }
        if (pool != null) {
            pool.shutdownNow();
        }
        if (allocator != null) {
            allocator.close();
        }
        Snapshots.deleteQuietly(snapshot);
    }
}
