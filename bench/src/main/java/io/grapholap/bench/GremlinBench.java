package io.grapholap.bench;

import io.grapholap.application.graph.GraphInstance;
import io.grapholap.application.graph.LoadOptions;
import io.grapholap.application.graph.QueryLimits;
import io.grapholap.application.graph.QueryResult;
import io.grapholap.bench.gen.GeneratedGraph;
import io.grapholap.engine.cpu.CpuGraphEngine;
import io.grapholap.engine.cpu.CpuGraphInstance;
import io.grapholap.gremlin.csr.CsrGremlinGraph;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;
import org.apache.tinkerpop.gremlin.tinkergraph.structure.TinkerGraph;

/**
 * Gremlin on our engine against TinkerGraph on the same Kronecker graph: the two-hop count
 * {@code g.V().out().out().count()} and a label/property lookup {@code g.V().has('vertex','name','v<k>').count()}.
 * Ours runs the query string through the instance's Gremlin endpoint (parsed with gremlin-language);
 * TinkerGraph runs the same traversal built with the Java API, once as is and once with an index on
 * {@code name} as a TinkerGraph user would create for lookups. Each query is warmed up, then timed as the mean of several runs
 * (a lookup run is a batch of {@value #LOOKUPS} lookups).
 */
final class GremlinBench {

    private static final int WARMUP = 3;
    private static final int RUNS = 10;
    /** Keys per lookup batch; a batch is one "run". */
    private static final int LOOKUPS = 500;
    /**
     * Warm-up runs of our lookups (10,000 lookups). A lookup costs mostly TinkerPop's strategy code,
     * slow until the JIT has compiled it; ours are timed first, and TinkerGraph's after them on a
     * TinkerPop that is compiled by then, so ours need the longer warm-up to reach the same steady state.
     */
    private static final int OURS_LOOKUP_WARMUP = 20;

    private GremlinBench() {
    }

    static List<RunResult> run(GeneratedGraph graph, int scale, BenchContext context) throws Exception {
        List<RunResult> rows = new ArrayList<>();
        long vertices = graph.vertexCount();
        long arcs = graph.arcCount();
        int[] keys = new int[LOOKUPS];
        for (int i = 0; i < LOOKUPS; i++) {
            keys[i] = (int) ((i * 2654435761L) % graph.vertexCount());
        }

        double oursLoad;
        double[] ours;
        double[] oursJava;
        long[] oursCounts;
        try (BufferAllocator allocator = new RootAllocator()) {
            Path dir = Snapshots.write(allocator, graph, context.scratch().resolve("gremlin-" + scale + "-" + context.seed()), true);
            long t0 = System.nanoTime();
            try (GraphInstance instance = new CpuGraphEngine(allocator, context.threads())
                    .load(dir, LoadOptions.defaults().withParallelism(context.threads()).withVerifyChecksums(false), null, null)) {
                oursLoad = (System.nanoTime() - t0) / 1e9;
                QueryLimits limits = new QueryLimits(Duration.ofMinutes(10), 1000);
                oursCounts = new long[2];
                ours = new double[] {
                    time(() -> oursCounts[0] = count(instance.gremlin("g.V().out().out().count()", Map.of(), limits))),
                    time(OURS_LOOKUP_WARMUP, () -> {
                        long found = 0;
                        for (int k : keys) {
                            found += count(instance.gremlin("g.V().has('vertex','name','v" + k + "').count()", Map.of(), limits));
                        }
                        oursCounts[1] = found;
                        return found;
                    }) / LOOKUPS
                };
                // The same traversals through the Java API, as TinkerGraph is timed below: no query string to parse.
                GraphTraversalSource direct = new CsrGremlinGraph(((CpuGraphInstance) instance).graph()).traversal();
                oursJava = new double[] {
                    time(() -> direct.V().out().out().count().next()),
                    time(OURS_LOOKUP_WARMUP, () -> {
                        long found = 0;
                        for (int k : keys) {
                            found += direct.V().has("vertex", "name", "v" + k).count().next();
                        }
                        return found;
                    }) / LOOKUPS
                };
            } finally {
                Snapshots.deleteQuietly(dir);
            }
        }

        String[] names = {"gremlin-2hop", "gremlin-lookup"};
        for (int q = 0; q < 2; q++) {
            rows.add(new RunResult("cpu", "kronecker", scale, names[q], vertices, arcs, oursLoad, ours[q], RUNS, arcs / ours[q], -1,
                    RunResult.OK, "count=" + oursCounts[q] + "; query string through the instance's Gremlin endpoint"));
            rows.add(new RunResult("cpu-java-api", "kronecker", scale, names[q], vertices, arcs, oursLoad, oursJava[q], RUNS,
                    arcs / oursJava[q], -1, RunResult.OK, "same traversal through the Java API, like the TinkerGraph rows"));
        }
        for (boolean indexed : new boolean[] {false, true}) {
            String engine = indexed ? "tinkergraph+index" : "tinkergraph";
            long t0 = System.nanoTime();
            TinkerGraph tinker = TinkerPopEngine.toTinkerGraph(graph, indexed);
            double tinkerLoad = (System.nanoTime() - t0) / 1e9;
            GraphTraversalSource g = tinker.traversal();
            long[] tinkerCounts = new long[2];
            double[] theirs = {
                time(() -> tinkerCounts[0] = g.V().out().out().count().next()),
                time(() -> {
                    long found = 0;
                    for (int k : keys) {
                        found += g.V().has("vertex", "name", "v" + k).count().next();
                    }
                    tinkerCounts[1] = found;
                    return found;
                }) / LOOKUPS
            };
            tinker.close();
            for (int q = 0; q < 2; q++) {
                String agreement = oursCounts[q] == tinkerCounts[q] ? "same count" : "COUNTS DIFFER: " + tinkerCounts[q];
                rows.add(new RunResult(engine, "kronecker", scale, names[q], vertices, arcs, tinkerLoad, theirs[q], RUNS, arcs / theirs[q], -1,
                        RunResult.OK, String.format(Locale.ROOT, "count=%d; %s; Java API to Java API: %s; %s", tinkerCounts[q],
                                ratio(theirs[q] / ours[q]), ratio(theirs[q] / oursJava[q]), agreement)));
            }
        }
        return rows;
    }

    /** "cpu is 3.0x faster" or "cpu is 2.0x SLOWER" for a ratio of their time to ours. */
    static String ratio(double theirsOverOurs) {
        return theirsOverOurs >= 1
                ? String.format(Locale.ROOT, "cpu is %.1fx faster", theirsOverOurs)
                : String.format(Locale.ROOT, "cpu is %.1fx SLOWER", 1 / theirsOverOurs);
    }

    private static long count(QueryResult result) {
        return ((Number) result.rows().get(0).get(0)).longValue();
    }

    private static double time(Supplier<Long> query) {
        return time(WARMUP, query);
    }

    private static double time(int warmupRuns, Supplier<Long> query) {
        for (int i = 0; i < warmupRuns; i++) {
            query.get();
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < RUNS; i++) {
            query.get();
        }
        return (System.nanoTime() - t0) / 1e9 / RUNS;
    }
}
