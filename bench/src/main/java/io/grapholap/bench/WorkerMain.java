package io.grapholap.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.grapholap.bench.gen.GeneratedGraph;
import io.grapholap.bench.gen.KroneckerGenerator;
import io.grapholap.bench.gen.RoadGenerator;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs one {@link WorkerSpec}: generates the graph, loads it into the engine (timed), runs each algorithm
 * with a time limit, and hands each {@link RunResult} to a sink. As a child process it prints
 * {@code @@start <algorithm>} before and {@code @@result <json>} after each run on stdout; when a run
 * exceeds its time limit it prints the timeout and halts the JVM, the only sure way to stop a peer's
 * loop that does not look at interruption. The parent then starts a new worker for what is left.
 */
public final class WorkerMain {

    static final String START = "@@start ";
    static final String RESULT = "@@result ";
    static final int HALT_ON_TIMEOUT = 3;
    static final ObjectMapper JSON = new ObjectMapper();

    private WorkerMain() {
    }

    public static void main(String[] args) throws Exception {
        WorkerSpec spec = WorkerSpec.parse(args);
        PrintStream out = System.out;
        run(spec, false, algorithm -> {
            out.println(START + algorithm);
            out.flush();
        }, result -> {
            try {
                out.println(RESULT + JSON.writeValueAsString(result));
                out.flush();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        out.flush();
        System.exit(0);
    }

    static GeneratedGraph generate(String kind, int scale, long seed, int threads, boolean weighted) {
        return switch (kind) {
            case "kronecker" -> {
                KroneckerGenerator generator = new KroneckerGenerator(scale, seed, threads);
                GeneratedGraph g = generator.generate();
                yield weighted ? g.withWeights(generator.weights(g)) : g;
            }
            case "road" -> new RoadGenerator(scale, seed, 0.1, threads).generate();
            default -> throw new IllegalArgumentException("unknown graph kind " + kind);
        };
    }

    static EngineUnderTest engine(WorkerSpec spec) {
        return switch (spec.engine()) {
            case "jgrapht" -> JGraphTEngine.standard(spec.peerMaxScale());
            case "jgrapht-sparse" -> JGraphTEngine.sparse(spec.peerMaxScale());
            case "tinkerpop" -> new TinkerPopEngine(spec.tinkerpopMaxScale(), spec.threads());
            default -> Engines.ours(spec);
        };
    }

    /**
     * Runs the spec. In-process (tests, {@code --in-process}) a timed-out run cannot be stopped if the
     * engine ignores cancellation, so the rest of the spec is reported as skipped.
     */
    static void run(WorkerSpec spec, boolean inProcess, Consumer<String> starting, Consumer<RunResult> sink) throws Exception {
        List<String> algorithms = spec.algorithms();
        long generating = System.nanoTime();
        GeneratedGraph graph = generate(spec.graph(), spec.scale(), spec.seed(), spec.threads(), algorithms.contains("sssp"));
        System.err.printf(Locale.ROOT, "  [%s] generated %s (%d arcs) in %.1f s%n", spec.engine(), graph.name(), graph.arcCount(),
                (System.nanoTime() - generating) / 1e9);
        long vertices = graph.vertexCount();
        long arcs = graph.arcCount();
        Workload workload = Workload.of(graph, spec.bfsSources(), spec.seed());
        BenchContext context = new BenchContext(spec.threads(), spec.seed(), spec.scratch());
        long maxHeap = Runtime.getRuntime().maxMemory();

        if ("gremlin".equals(spec.engine())) {
            starting.accept("gremlin");
            try {
                GremlinBench.run(graph, spec.scale(), context).forEach(sink);
                starting.accept("cypher");
                QueryBench.run(graph, spec.scale(), context).forEach(sink);
            } catch (Exception | OutOfMemoryError e) {
                sink.accept(new RunResult("cpu", spec.graph(), spec.scale(), "gremlin", vertices, arcs, Double.NaN, Double.NaN, 0, Double.NaN,
                        -1, RunResult.FAILED, e.toString()));
            }
            return;
        }
        try (EngineUnderTest engine = engine(spec)) {
            String refusal = engine.refuse(graph, spec.scale(), maxHeap);
            if (refusal != null) {
                for (String a : algorithms) {
                    sink.accept(RunResult.skipped(engine.name(), spec.graph(), spec.scale(), a, vertices, arcs, refusal));
                }
                return;
            }

            starting.accept("prepare");
            for (RunResult extra : engine.prepare(graph, spec.scale(), context)) {
                sink.accept(extra);
            }
            starting.accept("load");
            double loadSeconds;
            String loadNote;
            long loadPeak;
            int warmLoads = 0;
            try {
                for (int w = 0; w < spec.warmupRuns() && engine.warmUpLoad(graph, context); w++) {
                    warmLoads++;
                }
            } catch (OutOfMemoryError e) {
                String why = "out of memory while loading (heap " + gib(maxHeap) + ")";
                for (String a : algorithms) {
                    sink.accept(RunResult.skipped(engine.name(), spec.graph(), spec.scale(), a, vertices, arcs, why));
                }
                return;
            }
            if (warmLoads > 0) {
                PeakHeap.retainedHeap();
            }
            try (PeakHeap peak = PeakHeap.start()) {
                long t0 = System.nanoTime();
                loadNote = engine.load(graph, context);
                loadSeconds = (System.nanoTime() - t0) / 1e9;
                loadPeak = peak.peak();
            } catch (OutOfMemoryError e) {
                String why = "out of memory while loading (heap " + gib(maxHeap) + ")";
                for (String a : algorithms) {
                    sink.accept(RunResult.skipped(engine.name(), spec.graph(), spec.scale(), a, vertices, arcs, why));
                }
                return;
            }
            graph = null;
            sink.accept(new RunResult(engine.name(), spec.graph(), spec.scale(), "load", vertices, arcs, loadSeconds, loadSeconds, 1,
                    arcs / loadSeconds, loadPeak, RunResult.OK, withWarmup(loadNote == null ? "" : loadNote, warmLoads)));
            PeakHeap.retainedHeap();

            for (int i = 0; i < algorithms.size(); i++) {
                String algorithm = algorithms.get(i);
                String unsupported = engine.unsupported(algorithm);
                if (unsupported != null) {
                    sink.accept(RunResult.skipped(engine.name(), spec.graph(), spec.scale(), algorithm, vertices, arcs, unsupported));
                    continue;
                }
                boolean needsSource = "bfs".equals(algorithm) || "sssp".equals(algorithm);
                if (needsSource && workload.sources().length == 0) {
                    sink.accept(RunResult.skipped(engine.name(), spec.graph(), spec.scale(), algorithm, vertices, arcs, "no vertex has an out-arc"));
                    continue;
                }
                int[] sources = "bfs".equals(algorithm) ? workload.sources() : new int[] {needsSource ? workload.ssspSource() : -1};
                starting.accept(algorithm);
                RunResult result;
                try {
                    engine.beforeRun(algorithm);
                    result = timed(engine, spec, algorithm, sources, workload, vertices, arcs, loadSeconds);
                } catch (RuntimeException | OutOfMemoryError e) {
                    result = new RunResult(engine.name(), spec.graph(), spec.scale(), algorithm, vertices, arcs, loadSeconds, Double.NaN,
                            0, Double.NaN, -1, RunResult.FAILED, "set-up failed: " + e);
                }
                sink.accept(result);
                if (RunResult.TIMEOUT.equals(result.status())) {
                    if (!inProcess) {
                        System.out.flush();
                        Runtime.getRuntime().halt(HALT_ON_TIMEOUT);
                    }
                    for (String rest : algorithms.subList(i + 1, algorithms.size())) {
                        sink.accept(RunResult.skipped(engine.name(), spec.graph(), spec.scale(), rest, vertices, arcs,
                                "not run: an earlier run of this engine timed out"));
                    }
                    return;
                }
                PeakHeap.retainedHeap();
            }
        }
    }

    private static RunResult timed(EngineUnderTest engine, WorkerSpec spec, String algorithm, int[] sources, Workload workload,
                                   long vertices, long arcs, double loadSeconds) throws InterruptedException {
        AtomicReference<String> note = new AtomicReference<>("");
        AtomicReference<Throwable> failure = new AtomicReference<>();
        double[] total = new double[1];
        PeakHeap peak = PeakHeap.start();
        Thread runner = Thread.ofPlatform().name("run-" + algorithm).daemon().start(() -> {
            try {
                for (int w = 0; w < spec.warmupRuns(); w++) {
                    engine.run(algorithm, sources[0], workload);
                }
                for (int s = 0; s < sources.length; s++) {
                    // Untimed, before every timed run: what the set-up allocated (sssp's weighted view), the
                    // warm-up and the previous source left behind is collected now, so no timed run pays for
                    // a collection that copies or promotes someone else's arrays.
                    System.gc();
                    long t0 = System.nanoTime();
                    String check = engine.run(algorithm, sources[s], workload);
                    total[0] += (System.nanoTime() - t0) / 1e9;
                    if (s == 0 && check != null) {
                        note.set(check);
                    }
                }
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        runner.join(spec.timeoutSeconds() * 1000L);
        long peakBytes = peak.peak();
        peak.close();
        if (runner.isAlive()) {
            engine.cancel();
            runner.join(5000);
            return new RunResult(engine.name(), spec.graph(), spec.scale(), algorithm, vertices, arcs, loadSeconds, Double.NaN, 0,
                    Double.NaN, peakBytes, RunResult.TIMEOUT, "over the " + spec.timeoutSeconds() + " s limit per run");
        }
        Throwable e = failure.get();
        if (e instanceof OutOfMemoryError) {
            return new RunResult(engine.name(), spec.graph(), spec.scale(), algorithm, vertices, arcs, loadSeconds, Double.NaN, 0,
                    Double.NaN, peakBytes, RunResult.SKIPPED, "out of memory (heap " + gib(Runtime.getRuntime().maxMemory()) + ")");
        }
        if (e != null) {
            return new RunResult(engine.name(), spec.graph(), spec.scale(), algorithm, vertices, arcs, loadSeconds, Double.NaN, 0,
                    Double.NaN, peakBytes, RunResult.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        double perRun = total[0] / sources.length;
        return new RunResult(engine.name(), spec.graph(), spec.scale(), algorithm, vertices, arcs, loadSeconds, perRun, sources.length,
                arcs / perRun, peakBytes, RunResult.OK, withWarmup(note.get(), spec.warmupRuns()));
    }

    private static String withWarmup(String note, int warmupRuns) {
        if (warmupRuns == 0) {
            return note;
        }
        String warm = "after " + warmupRuns + " untimed warm-up run" + (warmupRuns == 1 ? "" : "s");
        return note == null || note.isEmpty() ? warm : note + "; " + warm;
    }

    static String gib(long bytes) {
        return String.format("%.1f GiB", bytes / 1073741824.0);
    }
}
