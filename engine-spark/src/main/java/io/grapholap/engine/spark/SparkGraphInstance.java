package io.grapholap.engine.spark;

import io.grapholap.application.graph.AlgorithmCalls;
import io.grapholap.application.graph.AlgorithmResult;
import io.grapholap.application.graph.CancellationToken;
import io.grapholap.application.graph.Column;
import io.grapholap.application.graph.ExecutionContext;
import io.grapholap.application.graph.GraphInstance;
import io.grapholap.application.graph.GraphSchema;
import io.grapholap.application.graph.GraphStatistics;
import io.grapholap.application.graph.LoadOptions;
import io.grapholap.application.graph.ProgressListener;
import io.grapholap.application.graph.QueryLimits;
import io.grapholap.application.graph.QueryResult;
import io.grapholap.application.graph.Table;
import io.grapholap.application.graph.ValueType;
import io.grapholap.application.graph.algo.AlgorithmDefinition;
import io.grapholap.application.graph.algo.AlgorithmParams;
import io.grapholap.application.graph.algo.BfsParams;
import io.grapholap.application.graph.algo.CdlpParams;
import io.grapholap.application.graph.algo.DegreeParams;
import io.grapholap.application.graph.algo.LccParams;
import io.grapholap.application.graph.algo.PageRankParams;
import io.grapholap.application.graph.algo.SsspParams;
import io.grapholap.application.graph.algo.TriangleCountParams;
import io.grapholap.application.graph.algo.WccParams;
import io.grapholap.domain.error.ConflictException;
import io.grapholap.domain.error.QueryException;
import io.grapholap.domain.error.UnavailableException;
import io.grapholap.domain.error.ValidationException;
import io.grapholap.graph.csr.CsrGraph;
import io.grapholap.graph.csr.EdgeType;
import io.grapholap.graph.csr.ResultColumns;
import io.grapholap.graph.csr.VertexLabel;
import io.grapholap.graph.csr.load.CsrLoader;
import io.grapholap.gremlin.csr.CsrGraphInstance;
import io.grapholap.snapshot.arrow.SnapshotManifest;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * A snapshot loaded for the Spark engine. The Spark executors hold the graph: they read the snapshot's
 * Arrow files themselves ({@code snapshot.tsv} in this instance's work directory tells the driver the
 * directory and what the manifest says of each file) and keep the arcs persisted. This side keeps only
 * the vertex identity ({@link CsrLoader#loadIdentity}: label and key per dense id, numbered as the CPU
 * engine numbers them), to resolve sources and to name result rows, and the manifest. Results come back
 * as one 8-byte value per vertex in dense-id order, in a file of the work directory. Node and edge
 * tables are read from the snapshot's files when asked for (held by the caller only); stored algorithm
 * properties are kept here, a column each. Gremlin and Cypher answer {@code NOT_SUPPORTED_ON_ENGINE} (400).
 */
final class SparkGraphInstance implements GraphInstance {

    private static final Pattern PROPERTY_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    private final CsrGraph identity;
    private final SnapshotManifest manifest;
    private final Path snapshotDir;
    private final LoadOptions options;
    private final SparkGraphEngine engine;
    private final String id;
    private final Path dir;
    private final AtomicLong runs = new AtomicLong();
    /** Algorithm results stored as vertex properties, a column over all vertices each, in dense-id order. */
    private final Map<String, Column> stored = new LinkedHashMap<>();
    private volatile int parallelism;
    private volatile boolean closed;

    SparkGraphInstance(CsrGraph identity, SnapshotManifest manifest, Path snapshotDir, LoadOptions options,
                       SparkGraphEngine engine, String id, Path dir) {
        this.identity = identity;
        this.manifest = manifest;
        this.snapshotDir = snapshotDir;
        this.options = options;
        this.engine = engine;
        this.id = id;
        this.dir = dir;
        this.parallelism = options.parallelism();
    }

    String id() {
        return id;
    }

    private Path specFile() {
        return dir.resolve("snapshot.tsv");
    }

    String loadCommand() {
        return String.join("\t", "load", id, specFile().toString());
    }

    /**
     * Writes what the driver needs to read the snapshot (its directory, and per file its name, rows,
     * bytes, SHA-256 and, for node files, the first dense id, for edge files the endpoint labels' indexes)
     * and has it load; progress phase {@code spark}.
     */
    void handOver(ProgressListener progress, CancellationToken cancel) {
        progress.progress("edges", 0.2, "the Spark executors read the edge files");
        List<String> lines = new ArrayList<>();
        lines.add(String.join("\t", "snapshot", snapshotDir.toAbsolutePath().toString(),
                Boolean.toString(options.directed()), Boolean.toString(options.verifyChecksums()),
                Integer.toString(identity.vertexCount())));
        List<String> labels = new ArrayList<>();
        for (SnapshotManifest.NodeTable t : manifest.nodes()) {
            labels.add(t.label());
            lines.add(String.join("\t", "node", t.file().file(), Long.toString(t.file().rows()),
                    Long.toString(t.file().bytes()), t.file().sha256(), Integer.toString(identity.label(t.label()).start())));
        }
        for (SnapshotManifest.EdgeTable t : manifest.edges()) {
            lines.add(String.join("\t", "edge", t.file().file(), Long.toString(t.file().rows()),
                    Long.toString(t.file().bytes()), t.file().sha256(), Integer.toString(labels.indexOf(t.fromLabel())),
                    Integer.toString(labels.indexOf(t.toLabel()))));
        }
        try {
            Files.createDirectories(dir);
            Files.write(specFile(), lines);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the snapshot's description for Spark to " + dir, e);
        }
        Map<String, String> answer = engine.ensureLoaded(this, cancel);
        progress.progress("spark", 1.0, "loaded into Spark " + answer);
    }

    @Override
    public String engine() {
        return SparkGraphEngine.NAME;
    }

    @Override
    public GraphStatistics statistics() {
        return graph().statistics();
    }

    /** From the manifest: labels and edge types with their counts, key types and property names and types. */
    @Override
    public GraphSchema schema() {
        graph();
        List<GraphSchema.Label> labels = new ArrayList<>();
        List<GraphSchema.Property> stored = storedProperties().entrySet().stream()
                .map(e -> new GraphSchema.Property(e.getKey(), e.getValue().type())).toList();
        for (SnapshotManifest.NodeTable t : manifest.nodes()) {
            List<GraphSchema.Property> props = new ArrayList<>(properties(t.properties()));
            props.addAll(stored);
            labels.add(new GraphSchema.Label(t.label(), t.file().rows(), t.key().type(), props));
        }
        List<GraphSchema.EdgeType> types = new ArrayList<>();
        for (SnapshotManifest.EdgeTable t : manifest.edges()) {
            types.add(new GraphSchema.EdgeType(t.type(), t.fromLabel(), t.toLabel(), t.file().rows(),
                    properties(t.properties())));
        }
        return new GraphSchema(labels, types);
    }

    private static List<GraphSchema.Property> properties(List<SnapshotManifest.ColumnMeta> columns) {
        return columns.stream().map(c -> new GraphSchema.Property(c.name(), c.type())).toList();
    }

    private CsrGraph graph() {
        if (closed) {
            throw ConflictException.invalidState("graph instance is closed", Map.of());
        }
        return identity;
    }

    @Override
    public QueryResult gremlin(String query, Map<String, Object> bindings, QueryLimits limits) {
        throw notSupported("Gremlin queries", "language");
    }

    @Override
    public QueryResult cypher(String query, Map<String, Object> parameters, QueryLimits limits, AlgorithmCalls calls) {
        throw notSupported("Cypher queries", "language");
    }

    /** Read from the label's node file at the call (the server keeps no snapshot properties), then the stored ones. */
    @Override
    public Table nodes(String label) {
        Table read = tables().nodeTable(snapshotDir, manifest, graph(), label);
        Map<String, Column> stored = storedProperties();
        if (stored.isEmpty()) {
            return read;
        }
        VertexLabel l = graph().label(label);
        Map<String, Column> columns = new LinkedHashMap<>(read.asMap());
        stored.forEach((name, values) -> columns.put(name, CsrGraphInstance.slice(values, l.start(), l.count())));
        return Table.of(label, columns);
    }

    /** Read from the type's edge file at the call, its keys resolved through the identity. */
    @Override
    public Table edges(String type) {
        return tables().edgeTable(snapshotDir, manifest, graph(), type);
    }

    private CsrLoader tables() {
        return new CsrLoader(engine.allocator(), null, null);
    }

    /**
     * Keeps the result column in the server (one value a vertex, at most
     * {@link CsrGraphInstance#MAX_STORED_PROPERTIES} of them), for {@link #nodes} and {@link #schema}; the
     * Spark side never needs them (no Gremlin here).
     */
    @Override
    public synchronized void storeVertexProperty(String property, AlgorithmResult result, String column) {
        if (property == null || !PROPERTY_NAME.matcher(property).matches()
                || AlgorithmDefinition.VERTEX_COLUMNS.contains(property)) {
            throw new ValidationException("mutate_property", "property name must be a letter or '_' followed by up to 63 "
                    + "letters, digits or '_' (not id, label or key), got '" + property + "'");
        }
        if (manifest.nodes().stream().anyMatch(t -> t.properties().stream().anyMatch(c -> c.name().equals(property)))) {
            throw new ValidationException("mutate_property", "'" + property + "' is a vertex property of the snapshot; "
                    + "choose another name");
        }
        if (!stored.containsKey(property) && stored.size() >= CsrGraphInstance.MAX_STORED_PROPERTIES) {
            throw new ValidationException("mutate_property", "this instance already stores "
                    + CsrGraphInstance.MAX_STORED_PROPERTIES + " algorithm properties " + stored.keySet()
                    + "; overwrite one of them");
        }
        CsrGraph g = graph();
        if (!result.columns().contains(column) || AlgorithmDefinition.VERTEX_COLUMNS.contains(column)) {
            throw new ValidationException("mode", "result of " + result.algorithm() + " has no value column '" + column + "'");
        }
        if (result.rowCount() != g.vertexCount() || !result.columns().getFirst().equals("id")) {
            throw new ValidationException("mode", "result of " + result.algorithm() + " has " + result.rowCount()
                    + " rows for " + g.vertexCount() + " vertices: only a result with one row per vertex can be stored");
        }
        stored.put(property, result.column(column));
    }

    private synchronized Map<String, Column> storedProperties() {
        return new LinkedHashMap<>(stored);
    }

    private static QueryException notSupported(String what, String field) {
        return new QueryException("NOT_SUPPORTED_ON_ENGINE", "the spark engine runs algorithms only, no " + what
                + ": its graph lives in the Spark executors and the server holds only the vertex identity; load the"
                + " snapshot on the cpu engine for them", Map.of("engine", SparkGraphEngine.NAME, "field", field));
    }

    @Override
    public void setParallelism(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + threads);
        }
        parallelism = threads;
    }

    @Override
    public int parallelism() {
        return parallelism;
    }

    @Override
    public AlgorithmResult run(AlgorithmParams params, ExecutionContext ctx) {
        String name = params.algorithm();
        if (!SparkGraphEngine.ALGORITHMS.contains(name)) {
            throw new UnavailableException("ALGORITHM_NOT_SUPPORTED_ON_ENGINE", "the spark engine has no job for " + name
                    + "; load the snapshot on the cpu engine to run it (this instance holds no host graph)",
                    Map.of("algorithm", name, "engine", SparkGraphEngine.NAME, "supported", SparkGraphEngine.ALGORITHMS));
        }
        ctx.cancel().throwIfCancelled(name);
        CsrGraph g = graph();
        long started = System.nanoTime();
        Path result = dir.resolve("result-" + runs.incrementAndGet() + ".bin");
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
                            : options.weightProperty() != null ? options.weightProperty() : "weight";
                    command.add("weights=" + weightColumns(manifest, property));
                    command.add("property=" + property);
                }
                case CdlpParams p -> {
                    numericKeys = ResultColumns.numericKeys(g);
                    command.add("iterations=" + p.iterations());
                    command.add("labels=" + (numericKeys != null ? "keys" : "ids"));
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

    /**
     * Each edge file's column holding {@code property} (comma-separated, -1 where the type lacks it: weight
     * 1.0), checked as the CPU engine checks it: some type must have it, and it must be numeric.
     */
    static String weightColumns(SnapshotManifest manifest, String property) {
        List<String> columns = new ArrayList<>();
        boolean any = false;
        for (SnapshotManifest.EdgeTable t : manifest.edges()) {
            int column = -1;
            for (int c = 0; c < t.properties().size(); c++) {
                SnapshotManifest.ColumnMeta meta = t.properties().get(c);
                if (meta.name().equals(property)) {
                    ValueType type = meta.type();
                    if (!(type == ValueType.DOUBLE || type == ValueType.FLOAT || type == ValueType.INT64
                            || type == ValueType.INT32)) {
                        throw new ValidationException("weight", "edge property '" + property + "' of type " + t.type()
                                + " is " + type + ", not numeric");
                    }
                    column = c + 2;
                    any = true;
                }
            }
            columns.add(Integer.toString(column));
        }
        if (!any) {
            throw new ValidationException("weight", "no edge property named '" + property + "'");
        }
        return String.join(",", columns);
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

    /** Drops the graph from the executors, then the work files. */
    @Override
    public void close() {
        closed = true;
        try {
            engine.drop(this);
        } finally {
            try {
                SparkGraphEngine.deleteTree(dir);
            } catch (UncheckedIOException e) {
                // left for the engine's close, which removes the whole work directory
            }
        }
    }
}
