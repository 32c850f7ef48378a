package io.grapholap.bench;

import io.grapholap.application.graph.AlgorithmCalls;
import io.grapholap.application.graph.GraphInstance;
import io.grapholap.application.graph.LoadOptions;
import io.grapholap.application.graph.QueryLimits;
import io.grapholap.application.graph.QueryResult;
import io.grapholap.bench.gen.GeneratedGraph;
import io.grapholap.engine.cpu.CpuGraphEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.tinkerpop.gremlin.language.grammar.GremlinAntlrToJava;
import org.apache.tinkerpop.gremlin.language.grammar.GremlinQueryParser;
import org.apache.tinkerpop.gremlin.language.grammar.VariableResolver;
import org.apache.tinkerpop.gremlin.process.traversal.Traversal;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;
import org.apache.tinkerpop.gremlin.tinkergraph.structure.TinkerGraph;

/**
 * Cypher against Gremlin on the same Kronecker graph (label {@code vertex}; properties {@code name},
 * {@code score}, {@code bucket}, see {@link Snapshots}): five questions, each asked in Cypher and in Gremlin
 * through our instance's query routes (query strings, as the HTTP route takes them, each run on one of the
 * instance's query threads), and in the same Gremlin on TinkerGraph (parsed by the same gremlin-language
 * grammar), once on a worker thread as a server runs it and once on the caller's thread as an embedded
 * library. Every engine's answers are
 * compared; a row's time is the mean of {@value #RUNS} runs after a warm-up of each engine and question
 * (at least {@value #WARMUP} runs and two seconds, so that every engine's code is compiled by the JIT), a
 * run of a per-vertex question being one query for each of its keys.
 *
 * <ul>
 *   <li>{@code cypher-lookup}: a vertex's property by its name;</li>
 *   <li>{@code cypher-2hop}: the two-hop walks from a vertex;</li>
 *   <li>{@code cypher-group}: a filtered aggregation with grouping over all vertices;</li>
 *   <li>{@code cypher-topk}: the ten vertices of highest score;</li>
 *   <li>{@code cypher-reach3}: the distinct vertices within three hops of a vertex.</li>
 * </ul>
 */
final class QueryBench {

    /** Warm-up: at least this many runs, and runs until {@link #WARMUP_NANOS} have passed (at most {@link #WARMUP_MAX}). */
    private static final int WARMUP = 3;
    private static final long WARMUP_NANOS = 2_000_000_000L;
    private static final int WARMUP_MAX = 500;
    private static final int RUNS = 10;

    /** One question: its name, keys per run, the Cypher text and the Gremlin text (both take {@code k}). */
    record Question(String name, int keys, String cypher, String gremlin) {
    }

    static final List<Question> QUESTIONS = List.of(
            new Question("cypher-lookup", 500, "MATCH (v:vertex {name: $k}) RETURN v.score AS score",
                    "g.V().has('vertex', 'name', k).values('score')"),
            new Question("cypher-2hop", 50, "MATCH (:vertex {name: $k})-->()-->(c) RETURN count(c) AS n",
                    "g.V().has('vertex', 'name', k).out().out().count()"),
            new Question("cypher-group", 1, "MATCH (v:vertex) WHERE v.score > 0.5 RETURN v.bucket AS bucket, count(*) AS n",
                    "g.V().hasLabel('vertex').has('score', gt(0.5)).groupCount().by('bucket')"),
            new Question("cypher-topk", 1, "MATCH (v:vertex) RETURN v.name AS name ORDER BY v.score DESC LIMIT 10",
                    "g.V().hasLabel('vertex').order().by('score', desc).limit(10).values('name')"),
            new Question("cypher-reach3", 50, "MATCH (:vertex {name: $k})-[*1..3]->(b) RETURN count(DISTINCT b) AS n",
                    "g.V().has('vertex', 'name', k).repeat(out()).emit().times(3).dedup().count()"));

    private QueryBench() {
    }

    static List<RunResult> run(GeneratedGraph graph, int scale, BenchContext context) throws Exception {
        long vertices = graph.vertexCount();
        long arcs = graph.arcCount();
        List<RunResult> rows = new ArrayList<>();
        double[] cypher = new double[QUESTIONS.size()];
        double[] gremlin = new double[QUESTIONS.size()];
        String[] cypherAnswers = new String[QUESTIONS.size()];
        String[] gremlinAnswers = new String[QUESTIONS.size()];
        double load;
        try (BufferAllocator allocator = new RootAllocator()) {
            Path dir = Snapshots.write(allocator, graph, context.scratch().resolve("queries-" + scale + "-" + context.seed()), true);
            long t0 = System.nanoTime();
            try (GraphInstance instance = new CpuGraphEngine(allocator, context.threads())
                    .load(dir, LoadOptions.defaults().withParallelism(context.threads()).withVerifyChecksums(false), null, null)) {
                load = (System.nanoTime() - t0) / 1e9;
                QueryLimits limits = new QueryLimits(Duration.ofMinutes(10), 100_000, 50_000_000);
                for (int q = 0; q < QUESTIONS.size(); q++) {
                    Question question = QUESTIONS.get(q);
                    String[] keys = keys(question, graph);
                    cypherAnswers[q] = answers(keys, k -> plain(instance.cypher(question.cypher(), Map.of("k", k), limits, AlgorithmCalls.NONE)));
                    cypher[q] = time(keys, k -> instance.cypher(question.cypher(), Map.of("k", k), limits, AlgorithmCalls.NONE));
                    gremlinAnswers[q] = answers(keys, k -> plain(instance.gremlin(question.gremlin(), Map.of("k", k), limits)));
                    gremlin[q] = time(keys, k -> instance.gremlin(question.gremlin(), Map.of("k", k), limits));
                }
            } finally {
                Snapshots.deleteQuietly(dir);
            }
        }
        long t0 = System.nanoTime();
        TinkerGraph tinker = TinkerPopEngine.toTinkerGraph(graph, true);
        double tinkerLoad = (System.nanoTime() - t0) / 1e9;
        GraphTraversalSource g = tinker.traversal();
        java.util.concurrent.ExecutorService worker = java.util.concurrent.Executors.newFixedThreadPool(context.threads());
        for (int q = 0; q < QUESTIONS.size(); q++) {
            Question question = QUESTIONS.get(q);
            String[] keys = keys(question, graph);
            String theirAnswers = answers(keys, k -> tinkerAnswer(g, question.gremlin(), k));
            double inline = time(keys, k -> tinkerAnswer(g, question.gremlin(), k));
            double theirs = time(keys, k -> onWorker(worker, () -> tinkerAnswer(g, question.gremlin(), k)));
            String name = question.name();
            rows.add(new RunResult("cpu-cypher", "kronecker", scale, name, vertices, arcs, load, cypher[q], RUNS, arcs / cypher[q], -1,
                    RunResult.OK, String.format(Locale.ROOT, "%d keys/run; cypher/gremlin %.2f; %s; answers %s gremlin's",
                            question.keys(), cypher[q] / gremlin[q], GremlinBench.ratio(theirs / cypher[q]) + " than tinkergraph",
                            same(cypherAnswers[q], gremlinAnswers[q]))));
            rows.add(new RunResult("cpu", "kronecker", scale, name, vertices, arcs, load, gremlin[q], RUNS, arcs / gremlin[q], -1,
                    RunResult.OK, "the same question in Gremlin through the instance: " + question.gremlin()));
            rows.add(new RunResult("tinkergraph+index", "kronecker", scale, name, vertices, arcs, tinkerLoad, theirs, RUNS, arcs / theirs,
                    -1, RunResult.OK, "Gremlin (gremlin-language) on TinkerGraph with an index on name, each query on a worker "
                            + "thread as a server runs it (ours run on the instance's query threads); answers "
                            + same(theirAnswers, gremlinAnswers[q]) + " ours"));
            rows.add(new RunResult("tinkergraph-inline", "kronecker", scale, name, vertices, arcs, tinkerLoad, inline, RUNS, arcs / inline,
                    -1, RunResult.OK, String.format(Locale.ROOT, "the same on the caller's thread (no hand-over, as an embedded "
                            + "library); cypher %s", GremlinBench.ratio(inline / cypher[q]).replace("cpu is ", ""))));
        }
        worker.shutdownNow();
        tinker.close();
        return rows;
    }

    /** The keys of a run: names of vertices spread over the id range. */
    private static String[] keys(Question question, GeneratedGraph graph) {
        String[] keys = new String[question.keys()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = "v" + (int) ((i * 2654435761L + 12345) % graph.vertexCount());
        }
        return keys;
    }

    private static String answers(String[] keys, Function<String, Object> query) {
        StringBuilder all = new StringBuilder();
        for (String k : keys) {
            all.append(query.apply(k)).append('\n');
        }
        return all.toString();
    }

    private static String same(String a, String b) {
        return Objects.equals(a, b) ? "equal to" : "DIFFERENT from";
    }

    /** A result as text that compares across engines: numbers as doubles, maps sorted by key, rows in order. */
    private static String plain(QueryResult result) {
        List<Object> values = new ArrayList<>();
        for (List<Object> row : result.rows()) {
            values.add(row.size() == 1 ? normal(row.get(0)) : row.stream().map(QueryBench::normal).toList());
        }
        return normalGroups(values).toString();
    }

    private static Object normal(Object v) {
        return switch (v) {
            case Number n -> n.doubleValue();
            case Map<?, ?> m -> {
                Map<String, Object> sorted = new java.util.TreeMap<>();
                m.forEach((k, x) -> sorted.put(String.valueOf(k), normal(x)));
                yield sorted;
            }
            case null, default -> v;
        };
    }

    /** Cypher's group rows [bucket, n] and Gremlin's one groupCount map both become a sorted map. */
    private static Object normalGroups(List<Object> values) {
        if (values.size() == 1 && values.get(0) instanceof Map<?, ?> m) {
            return m;
        }
        if (!values.isEmpty() && values.stream().allMatch(v -> v instanceof List<?> l && l.size() == 2)) {
            Map<String, Object> groups = new java.util.TreeMap<>();
            for (Object v : values) {
                List<?> l = (List<?>) v;
                groups.put(String.valueOf(((Number) l.get(0)).longValue()), l.get(1));
            }
            return groups;
        }
        return values;
    }

    private static Object tinkerAnswer(GraphTraversalSource g, String gremlin, String k) {
        Object parsed = GremlinQueryParser.parse(gremlin, new GremlinAntlrToJava(g, new VariableResolver.DefaultVariableResolver(Map.of("k", k))));
        List<Object> values = new ArrayList<>();
        ((Traversal<?, ?>) parsed).forEachRemaining(v -> values.add(normal(v instanceof Map<?, ?> m ? longKeys(m) : v)));
        return normalGroups(values).toString();
    }

    /** TinkerGraph's groupCount keys are the property values (Long); ours are their text: compare as text. */
    private static Map<String, Object> longKeys(Map<?, ?> m) {
        Map<String, Object> out = new java.util.TreeMap<>();
        m.forEach((key, v) -> out.put(String.valueOf(key), v));
        return out;
    }

    /** Runs {@code query} on {@code worker} and waits for its answer, as a server hands a query to a worker thread. */
    private static Object onWorker(java.util.concurrent.ExecutorService worker, java.util.concurrent.Callable<Object> query) {
        try {
            return worker.submit(query).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static double time(String[] keys, Function<String, Object> query) {
        long warming = System.nanoTime();
        for (int i = 0; i < WARMUP_MAX && (i < WARMUP || System.nanoTime() - warming < WARMUP_NANOS); i++) {
            for (String k : keys) {
                query.apply(k);
            }
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < RUNS; i++) {
            for (String k : keys) {
                query.apply(k);
            }
        }
        return (System.nanoTime() - t0) / 1e9 / RUNS;
    }
}
