package io.grapholap.bench;

import io.grapholap.application.graph.algo.AlgorithmRegistry;
import io.grapholap.application.graph.algo.GraphShape;
import io.grapholap.application.graph.algo.PageRankParams;
import io.grapholap.application.graph.AlgorithmResult;
import io.grapholap.application.graph.CancellationToken;
import io.grapholap.application.graph.ExecutionContext;
import io.grapholap.application.graph.GraphInstance;
import io.grapholap.application.graph.ProgressListener;
import io.grapholap.bench.gen.GeneratedGraph;
import io.grapholap.application.graph.LoadOptions;
import io.grapholap.engine.cpu.CpuGraphEngine;
import io.grapholap.engine.cpu.algo.CpuAlgorithms;
import io.grapholap.graph.csr.CsrGraph;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * Our CPU engine: the generated graph written as an Arrow snapshot (untimed), then loaded by the engine's
 * loader into a {@link CsrGraph} (the timed "load", Arrow to CSR with the in-adjacency), algorithms run
 * through {@link CpuAlgorithms#run}, the entry point the server's instances use. SSSP runs on a second view of the same arrays with the seed's weights
 * attached, built before the timed run. The load note reports bytes held by graph + pagerank state
 * against the target of 12 bytes per arc plus 24 bytes per vertex.
 */
final class CpuEngine implements EngineUnderTest {

    private final int threads;
    private CsrGraph graph;
    private CsrGraph weighted;
    private double[] weights;
    private volatile CancellationToken cancel = CancellationToken.create();
    private ForkJoinPool pool;
    private BufferAllocator allocator;
    private Path snapshot;
    private double writeSeconds;

    CpuEngine(int threads) {
        this.threads = threads;
    }

    @Override
    public String name() {
        return "cpu";
    }

    @Override
    public String unsupported(String algorithm) {
        return null;
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
        long t0 = System.nanoTime();
        snapshot = Snapshots.write(allocator, generated, context.scratch().resolve(generated.name() + "-" + context.seed()), false);
        writeSeconds = (System.nanoTime() - t0) / 1e9;
        return List.of();
    }

    @Override
    public boolean warmUpLoad(GeneratedGraph generated, BenchContext context) {
        new CpuGraphEngine(allocator, threads).loadGraph(snapshot,
                LoadOptions.defaults().withParallelism(threads).withVerifyChecksums(false), null, null);
        return true;
    }

    /**
     * The timed load: the Arrow snapshot read into a {@link CsrGraph} by the engine's own loader
     * (in-adjacency derived in parallel), checksums not verified so that the figure is the load itself.
     */
    @Override
    public String load(GeneratedGraph generated, BenchContext context) {
        CpuGraphEngine engine = new CpuGraphEngine(allocator, threads);
        graph = engine.loadGraph(snapshot, LoadOptions.defaults().withParallelism(threads).withVerifyChecksums(false), null, null);
        if (graph.arcCount() != generated.arcCount()) {
            throw new IllegalStateException("snapshot load gave " + graph.arcCount() + " arcs, generated " + generated.arcCount());
        }
        return String.format(Locale.ROOT, "Arrow snapshot -> CSR (snapshot written in %.1f s, untimed); ", writeSeconds) + memoryNote(graph);
    }

    /**
     * Bytes held by the graph plus a pagerank run (its definition's estimate: working arrays and result),
     * against the target of 12 per arc plus 24 per vertex.
     */
    static String memoryNote(CsrGraph graph) {
        long v = graph.vertexCount();
        long e = graph.arcCount();
        PageRankParams pagerank = (PageRankParams) AlgorithmRegistry.parse(PageRankParams.NAME, Map.of());
        long held = graph.bytesHeld() + pagerank.definition().memoryBytesOf(new GraphShape(v, e, 1), pagerank);
        long budget = 12 * e + 24 * v;
        long arcBytes = 4L * graph.outTargets().length + (graph.inSources() == graph.outTargets() ? 0 : 4L * graph.inSources().length);
        return String.format(Locale.ROOT, "graph+pagerank %.1f MiB = %.2f B/arc + %.1f B/vertex (target 12 B/arc + 24 B/vertex = %.1f MiB: %s)",
                held / 1048576.0, (double) arcBytes / Math.max(1, e), (double) (held - arcBytes) / Math.max(1, v), budget / 1048576.0,
                held <= budget ? "within" : "OVER");
    }

    @Override
    public void beforeRun(String algorithm) {
        cancel = CancellationToken.create();
        if ("sssp".equals(algorithm) && weighted == null && weights != null) {
            weighted = CsrGraph.builder(graph.vertexCount(), true)
                    .outAdjacency(graph.outOffsets(), graph.outTargets())
                    .weights("weight", weights)
                    .pool(pool)
                    .build();
        }
    }

    @Override
    public String run(String algorithm, int source, Workload workload) {
        Map<String, Object> params = workload.params(algorithm, source);
        CsrGraph target = "sssp".equals(algorithm) ? weighted : graph;
        AlgorithmResult result = CpuAlgorithms.run(target, pool, AlgorithmRegistry.parse(algorithm, params),
                new ExecutionContext(cancel, ProgressListener.NONE, threads));
        return check(algorithm, result.stats());
    }

    /** Runs {@code algorithm} on an engine's instance (sssp on its weighted one) and checks its answer. */
    static String runOn(GraphInstance target, String algorithm, int source, Workload workload, CancellationToken cancel,
                        int threads) {
        AlgorithmResult result = target.run(AlgorithmRegistry.parse(algorithm, workload.params(algorithm, source)),
                new ExecutionContext(cancel, ProgressListener.NONE, threads));
        return check(algorithm, result.stats());
    }

    static String check(String algorithm, Map<String, Object> stats) {
        return switch (algorithm) {
            case "bfs", "sssp" -> "reached=" + stats.get("reached");
            case "wcc" -> "components=" + stats.get("components");
            case "lcc" -> String.format(Locale.ROOT, "average=%.6f", ((Number) stats.get("average")).doubleValue());
            case "louvain" -> String.format(Locale.ROOT, "communities=%s modularity=%.4f", stats.get("communities"),
                    ((Number) stats.get("modularity")).doubleValue());
            case "cdlp", "pagerank" -> "iterations=" + stats.get("iterations");
            case "triangle_count" -> "triangles=" + stats.get("triangles");
            default -> "";
        };
    }

    @Override
    public void cancel() {
        cancel.cancel("bench timeout");
    }

    @Override
    public void close() {
        graph = null;
        weighted = null;
        if (pool != null) {
            pool.shutdownNow();
        }
        if (allocator != null) {
            allocator.close();
        }
        Snapshots.deleteQuietly(snapshot);
    }
}
