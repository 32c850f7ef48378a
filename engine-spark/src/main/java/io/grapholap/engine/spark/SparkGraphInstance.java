package io.grapholap.engine.spark;

import io.grapholap.application.graph.AlgorithmCalls;
import io.grapholap.application.graph.AlgorithmResult;
import io.grapholap.application.graph.CancellationToken;
import io.grapholap.application.graph.Column;
import io.grapholap.application.graph.ExecutionContext;
import io.grapholap.application.graph.ProgressListener;
import io.grapholap.application.graph.QueryLimits;
import io.grapholap.application.graph.QueryResult;
import io.grapholap.application.graph.algo.AlgorithmParams;
import io.grapholap.application.graph.algo.BfsParams;
import io.grapholap.application.graph.algo.CdlpParams;
import io.grapholap.application.graph.algo.DegreeParams;
import io.grapholap.application.graph.algo.LccParams;
import io.grapholap.application.graph.algo.PageRankParams;
import io.grapholap.application.graph.algo.SsspParams;
import io.grapholap.application.graph.algo.TriangleCountParams;
import io.grapholap.application.graph.algo.WccParams;
import io.grapholap.domain.error.QueryException;
import io.grapholap.domain.error.UnavailableException;
import io.grapholap.domain.error.ValidationException;
import io.grapholap.graph.csr.ComputePool;
import io.grapholap.graph.csr.CsrGraph;
import io.grapholap.graph.csr.ResultColumns;
import io.grapholap.gremlin.csr.CsrGraphInstance;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A snapshot loaded for the Spark engine: the host graph (identity, node and edge tables, stored
 * properties, the rows of results) and its arcs persisted in the Spark executors, where the algorithms run.
 * Arcs, weights and initial labels go to the driver as big-endian binary files in this instance's work
 * directory, results come back the same way (one 8-byte value per vertex, in dense-id order), so no
 * result passes through the protocol's lines. Gremlin and Cypher answer {@code NOT_SUPPORTED_ON_ENGINE}.
 */
final class SparkGraphInstance extends CsrGraphInstance {

    private final SparkGraphEngine engine;
    private final String id;
    private final Path dir;
    private final AtomicLong runs = new AtomicLong();

    SparkGraphInstance(CsrGraph graph, ComputePool threads, SparkGraphEngine engine, String id, Path dir) {
        super(graph, threads);
        this.engine = engine;
        this.id = id;
        this.dir = dir;
    }

    String id() {
        return id;
    }

    private Path arcsFile() {
        return dir.resolve("arcs.bin");
    }

    String loadCommand() {
        CsrGraph g = graph();
        return String.join("\t", "load", id, arcsFile().toString(), Integer.toString(g.vertexCount()),
                Boolean.toString(g.isDirected()));
    }

    /** Writes the arcs for the driver and has it load them; progress phase {@code spark}. */
    void handOver(ProgressListener progress, CancellationToken cancel) {
        progress.progress("spark", 0.0, "handing the arcs to Spark");
        CsrGraph g = graph();
        try {
            Files.createDirectories(dir);
            int[] off = g.outOffsets();
            int[] targets = g.outTargets();
            try (DataOutputStream out = output(arcsFile())) {
                for (int v = 0; v < g.vertexCount(); v++) {
                    for (int e = off[v]; e < off[v + 1]; e++) {
                        out.writeInt(v);
                        out.writeInt(targets[e]);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the arcs for Spark to " + dir, e);
        }
        Map<String, String> answer = engine.ensureLoaded(this, cancel);
        progress.progress("spark", 1.0, "loaded into Spark " + answer);
    }

    @Override
    public String engine() {
        return SparkGraphEngine.NAME;
    }

    @Override
    public QueryResult gremlin(String query, Map<String, Object> bindings, QueryLimits limits) {
        throw notSupported("Gremlin");
    }

    @Override
    public QueryResult cypher(String query, Map<String, Object> parameters, QueryLimits limits, AlgorithmCalls calls) {
        throw notSupported("Cypher");
    }

    private static QueryException notSupported(String language) {
        return new QueryException("NOT_SUPPORTED_ON_ENGINE", "the spark engine runs algorithms only, no " + language
                + " queries: its graph lives in the Spark executors; load the snapshot on the cpu engine to query it",
                Map.of("engine", SparkGraphEngine.NAME, "field", "language"));
    }

    @Override
    public AlgorithmResult run(AlgorithmParams params, ExecutionContext ctx) {
        String name = params.algorithm();
        if (!SparkGraphEngine.ALGORITHMS.contains(name)) {
            throw new UnavailableException("ALGORITHM_NOT_SUPPORTED_ON_ENGINE", "the spark engine has no job for " + name
                    + "; ask for engine=auto to run it on another engine over this instance's host graph",
                    Map.of("algorithm", name, "engine", SparkGraphEngine.NAME, "supported", SparkGraphEngine.ALGORITHMS));
        }
        ctx.cancel().throwIfCancelled(name);
        CsrGraph g = graph();
        long started = System.nanoTime();
        Path result = dir.resolve("result-" + runs.incrementAndGet() + ".bin");
        List<Path> inputs = new ArrayList<>();
        List<String> command = new ArrayList<>(List.of("run", id, name, result.toString()));
        long[] numericKeys = null;
        try {
            switch (params) {
                case PageRankParams p -> {
                    command.add("damping=" + p.damping());
                    command.add("iterations=" + p.iterations());
                }
                case BfsParams p -> command.add("source=" + ResultColumns.vertex(g, "source", p.source()));
                case SsspParams p -> {
                    command.add("source=" + ResultColumns.vertex(g, "source", p.source()));
                    String property = p.weight() != null ? p.weight()
                            : g.hasWeights() ? g.weightProperty() : "weight";
                    Path weights = dir.resolve("weights-" + runs.get() + ".bin");
                    writeWeights(g, property, weights);
                    inputs.add(weights);
                    command.add("weights=" + weights);
                }
                case CdlpParams p -> {
                    numericKeys = ResultColumns.numericKeys(g);
                    Path labels = dir.resolve("labels-" + runs.get() + ".bin");
                    writeLabels(g, numericKeys, labels);
                    inputs.add(labels);
                    command.add("iterations=" + p.iterations());
                    command.add("labels=" + labels);
                }
                case DegreeParams p -> command.add("direction=" + p.direction().wireName());
                case WccParams p -> { }
                case LccParams p -> { }
                case TriangleCountParams p -> { }
                default -> throw new IllegalStateException("no Spark job for " + name);
            }
            Map<String, String> answer = engine.call(this, String.join("\t", command), ctx.cancel(), name,
                    () -> ctx.progress().progress(name, 0.0, "running on Spark " + engine.settings().master()));
            List<String> names = new ArrayList<>();
            List<Column> columns = new ArrayList<>();
            Map<String, Object> stats = new LinkedHashMap<>();
            switch (name) {
                case PageRankParams.NAME -> perVertex(g, names, columns, "rank", Column.ofDoubles(readDoubles(result, g)));
                case LccParams.NAME -> perVertex(g, names, columns, "lcc", Column.ofDoubles(readDoubles(result, g)));
                case SsspParams.NAME -> perVertex(g, names, columns, "distance", Column.ofDoubles(readDoubles(result, g)));
                case BfsParams.NAME -> perVertex(g, names, columns, "depth", Column.ofLongs(readLongs(result, g)));
                case DegreeParams.NAME -> perVertex(g, names, columns, "degree", Column.ofLongs(readLongs(result, g)));
                case TriangleCountParams.NAME -> perVertex(g, names, columns, "triangles",
                        Column.ofLongs(readLongs(result, g)));
                case WccParams.NAME -> perVertex(g, names, columns, "component",
                        ResultColumns.smallestKeyLabels(g, ints(readLongs(result, g))));
                case CdlpParams.NAME -> {
                    long[] labels = readLongs(result, g);
                    perVertex(g, names, columns, "community", numericKeys != null ? Column.ofLongs(labels)
                            : ResultColumns.gather(g.keyColumn(), ints(labels)));
                }
                default -> throw new IllegalStateException("no result columns for " + name);
            }
            answer.forEach((k, v) -> stats.put(k, number(v)));
            stats.put("master", engine.settings().master());
            stats.put("run_millis", (System.nanoTime() - started) / 1_000_000L);
            ctx.progress().progress(name, 1.0, "done");
            return new AlgorithmResult(name, SparkGraphEngine.NAME, names, columns, stats);
        } catch (IOException e) {
            throw new UncheckedIOException("could not exchange files with the Spark driver in " + dir, e);
        } finally {
            try {
                Files.deleteIfExists(result);
                for (Path p : inputs) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                // left in the work directory, which the engine removes when it closes
            }
        }
    }

    private static void perVertex(CsrGraph g, List<String> names, List<Column> columns, String value, Column values) {
        ResultColumns.perVertex(g, names, columns, value, values);
    }

    /** Numbers as numbers (longs, then doubles), anything else as the text it is. */
    private static Object number(String v) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            try {
                return Double.parseDouble(v);
            } catch (NumberFormatException e2) {
                return v.equals("true") || v.equals("false") ? Boolean.parseBoolean(v) : v;
            }
        }
    }

    private static void writeWeights(CsrGraph g, String property, Path file) throws IOException {
        double[] w = g.outWeights(property, 1.0);
        for (double x : w) {
            if (!(x >= 0)) {
                throw new ValidationException("weight", "edge property '" + property + "' has a negative or undefined "
                        + "weight (" + x + "); shortest paths need non-negative weights");
            }
        }
        int[] off = g.outOffsets();
        int[] targets = g.outTargets();
        try (DataOutputStream out = output(file)) {
            for (int v = 0; v < g.vertexCount(); v++) {
                for (int e = off[v]; e < off[v + 1]; e++) {
                    out.writeInt(v);
                    out.writeInt(targets[e]);
                    out.writeDouble(w[e]);
                }
            }
        }
    }

    /** Initial labels of cdlp: the numeric keys when every label's keys are numeric, else the dense ids. */
    private static void writeLabels(CsrGraph g, long[] numericKeys, Path file) throws IOException {
        try (DataOutputStream out = output(file)) {
            for (int v = 0; v < g.vertexCount(); v++) {
                out.writeInt(v);
                out.writeLong(numericKeys != null ? numericKeys[v] : v);
            }
        }
    }

    private static DataOutputStream output(Path file) throws IOException {
        return new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
    }

    private static long[] readLongs(Path file, CsrGraph g) throws IOException {
        long[] values = new long[g.vertexCount()];
        try (DataInputStream in = input(file, g)) {
            for (int i = 0; i < values.length; i++) {
                values[i] = in.readLong();
            }
        }
        return values;
    }

    private static double[] readDoubles(Path file, CsrGraph g) throws IOException {
        double[] values = new double[g.vertexCount()];
        try (DataInputStream in = input(file, g)) {
            for (int i = 0; i < values.length; i++) {
                values[i] = in.readDouble();
            }
        }
        return values;
    }

    private static DataInputStream input(Path file, CsrGraph g) throws IOException {
        long expected = 8L * g.vertexCount();
        if (Files.size(file) != expected) {
            throw new IllegalStateException("the Spark driver wrote " + Files.size(file) + " bytes to " + file
                    + ", expected " + expected);
        }
        return new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16));
    }

    private static int[] ints(long[] values) {
        int[] a = new int[values.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = (int) values[i];
        }
        return a;
    }

    /** Drops the graph from the executors, then the host graph, then the work files. */
    @Override
    public void close() {
        try {
            engine.drop(this);
        } finally {
            super.close();
            try {
                SparkGraphEngine.deleteTree(dir);
            } catch (UncheckedIOException e) {
                // left for the engine's close, which removes the whole work directory
            }
        }
    }
}
