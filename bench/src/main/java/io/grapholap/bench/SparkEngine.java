package io.grapholap.bench;

import io.grapholap.application.graph.CancellationToken;
import io.grapholap.application.graph.GraphInstance;
import io.grapholap.application.graph.LoadOptions;
import io.grapholap.application.graph.ProgressListener;
import io.grapholap.bench.gen.GeneratedGraph;
import io.grapholap.engine.spark.SparkGraphEngine;
import io.grapholap.engine.spark.SparkSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * Our Spark engine: the same Arrow snapshot as {@link CpuEngine} (written untimed) loaded by
 * {@link SparkGraphEngine} (the timed load: vertex keys read in the server, edge files read, verified and
 * joined to dense ids by the Spark executors, arcs persisted there), algorithms run as Spark jobs on {@code grapholap.spark.master}
 * ({@code --spark-master}, default {@code local[2]}) through the same {@code run} the server calls. SSSP runs
 * on a second instance loaded (untimed) from a snapshot carrying the seed's weights. The driver program is
 * found at {@code grapholap.spark.home} (default: engine-spark/job/target of the working directory).
 */
final class SparkEngine implements EngineUnderTest {

    static final String MASTER_PROPERTY = "grapholap.spark.master";

    private final int threads;
    private volatile CancellationToken cancel = CancellationToken.create();
    private BufferAllocator allocator;
    private SparkGraphEngine engine;
    private GraphInstance instance;
    private GraphInstance weighted;
    private Path snapshot;
    private Path weightedSnapshot;

    SparkEngine(int threads) {
        this.threads = threads;
    }

    private SparkSettings settings(Path workDir) {
        String home = System.getProperty("grapholap.spark.home");
        return new SparkSettings(System.getProperty(MASTER_PROPERTY, "local[2]"),
                home == null ? SparkSettings.defaultHome() : Path.of(home),
                System.getProperty("grapholap.spark.driver-memory", "4g"),
                System.getProperty("grapholap.spark.executor-memory", "2g"),
                Integer.getInteger("grapholap.spark.partitions", Math.max(2, threads)), workDir, null);
    }

    @Override
    public String name() {
        return SparkGraphEngine.NAME;
    }

    @Override
    public String unsupported(String algorithm) {
        String reason = engine == null ? null : engine.unavailableReason();
        if (reason != null) {
            return "Spark engine unavailable: " + reason;
        }
        return SparkGraphEngine.ALGORITHMS.contains(algorithm) ? null : "no Spark job for " + algorithm;
    }

    @Override
    public String refuse(GeneratedGraph graph, int scale, long maxHeapBytes) {
        try (RootAllocator none = new RootAllocator(0);
             SparkGraphEngine probe = new SparkGraphEngine(none, settings(Path.of("target", "spark-probe")))) {
            String reason = probe.unavailableReason();
            return reason == null ? null : "Spark engine unavailable: " + reason;
        }
    }

    @Override
    public List<RunResult> prepare(GeneratedGraph generated, int scale, BenchContext context) throws IOException {
        allocator = new RootAllocator();
        engine = new SparkGraphEngine(allocator, settings(context.scratch().resolve("spark-work-" + scale)));
        snapshot = Snapshots.write(allocator, generated, context.scratch().resolve(generated.name() + "-" + context.seed()
                + "-spark"), false);
        if (generated.weights() != null) {
            weightedSnapshot = Snapshots.write(allocator, generated, context.scratch().resolve(generated.name() + "-"
                    + context.seed() + "-spark-weighted"), false, true);
        }
        return List.of();
    }

    @Override
    public String load(GeneratedGraph generated, BenchContext context) {
        instance = engine.load(snapshot, options(), ProgressListener.NONE, CancellationToken.create());
        return "Arrow snapshot -> keys in the server, edges read by the executors -> arcs persisted in Spark (" + engine.settings().master() + ", "
                + engine.settings().partitions() + " partitions)";
    }

    private LoadOptions options() {
        return LoadOptions.defaults().withParallelism(threads).withVerifyChecksums(false);
    }

    @Override
    public void beforeRun(String algorithm) {
        cancel = CancellationToken.create();
        if ("sssp".equals(algorithm) && weighted == null && weightedSnapshot != null) {
            weighted = engine.load(weightedSnapshot, options().withWeightProperty("weight"), ProgressListener.NONE,
                    CancellationToken.create());
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
        if (allocator != null) {
            allocator.close();
        }
        Snapshots.deleteQuietly(snapshot);
        Snapshots.deleteQuietly(weightedSnapshot);
    }
}
