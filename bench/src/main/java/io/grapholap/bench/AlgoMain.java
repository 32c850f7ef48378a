package io.grapholap.bench;

import com.carrotsearch.hppc.LongIntHashMap;
import io.grapholap.application.graph.algo.AlgorithmParams;
import io.grapholap.application.graph.algo.AlgorithmRegistry;
import io.grapholap.application.graph.AlgorithmResult;
import io.grapholap.application.graph.Column;
import io.grapholap.application.graph.ExecutionContext;
import io.grapholap.application.graph.ValueType;
import io.grapholap.domain.error.DomainException;
import io.grapholap.domain.error.ValidationException;
import io.grapholap.engine.cpu.algo.CpuAlgorithms;
import io.grapholap.graph.csr.Adjacency;
import io.grapholap.graph.csr.CsrGraph;
import io.grapholap.graph.csr.VertexKeys;
import io.grapholap.graph.csr.VertexLabel;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;

/**
 * {@code ./grapholap algo}: runs one algorithm of the CPU engine on a graph in the LDBC Graphalytics
 * text format and writes {@code vertex-id value} per line, in vertex-file order, as Graphalytics
 * drivers do (bfs unreachable = 9223372036854775807, sssp unreachable = Infinity). Parameters go to the
 * same catalog the HTTP API and UDFs use, so their names and checks are the same everywhere.
 */
public final class AlgoMain {

    static final String HELP = """
            Usage: ./grapholap algo --vertices FILE --edges FILE [--directed] [--weighted]
                                    --algorithm NAME [--param k=v ...] --out FILE [--threads N]

            Reads an LDBC Graphalytics graph (FILE.v: one integer vertex id per line; FILE.e: 'src dst' or
            'src dst weight' per line, separated by spaces or tabs), runs one algorithm of the CPU engine
            and writes one 'vertex-id value' line per vertex to --out.

              --vertices FILE   vertex file
              --edges FILE      edge file; without --directed every edge is undirected
              --directed        edges are directed (default: undirected)
              --weighted        the edge file has a third column, the weight (edge property 'weight')
              --algorithm NAME  one of: %s
              --param k=v       an algorithm parameter, repeatable: source=1, damping=0.85, iterations=10,
                                weight=weight, ...
              --out FILE        output file
              --threads N       threads (default: all cores)
              --help            this text
            """.formatted(String.join(", ", AlgorithmRegistry.names()));

    private AlgoMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** A bad command line or input file; the message says which option, file and line. */
    static final class InputException extends RuntimeException {
        InputException(String message) {
            super(message);
        }
    }

    record Options(Path vertices, Path edges, boolean directed, boolean weighted, String algorithm,
                   Map<String, Object> params, Path out, int threads) {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            out.print(HELP);
            return args.length == 0 ? 2 : 0;
        }
        try {
            Options o = parse(args);
            AlgorithmParams params = AlgorithmRegistry.parse(o.algorithm(), o.params());
            long t0 = System.nanoTime();
            CsrGraph graph = read(o);
            long t1 = System.nanoTime();
            AlgorithmResult result = CpuAlgorithms.run(graph, params, ExecutionContext.of(o.threads()));
            long t2 = System.nanoTime();
            write(result, o.out());
            err.printf("algo: %s on %d vertices, %d edges: read %.3f s, run %.3f s; wrote %d lines to %s%n", o.algorithm(),
                    graph.vertexCount(), graph.edgeCount(), (t1 - t0) / 1e9, (t2 - t1) / 1e9, result.rowCount(), o.out());
            return 0;
        } catch (InputException e) {
            err.println("algo: " + e.getMessage());
            return 2;
        } catch (ValidationException e) {
            err.println("algo: " + e.getMessage() + " (field '" + e.field() + "')");
            return 2;
        } catch (DomainException e) {
            err.println("algo: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("algo: " + e.getMessage());
            return 1;
        }
    }

    static Options parse(String[] args) {
        Path vertices = null;
        Path edges = null;
        Path outFile = null;
        boolean directed = false;
        boolean weighted = false;
        String algorithm = null;
        int threads = Runtime.getRuntime().availableProcessors();
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--directed" -> directed = true;
                case "--weighted" -> weighted = true;
                case "--vertices", "--edges", "--algorithm", "--param", "--out", "--threads" -> {
                    if (i + 1 >= args.length) {
                        throw new InputException(a + " needs a value");
                    }
                    String v = args[++i];
                    switch (a) {
                        case "--vertices" -> vertices = Path.of(v);
                        case "--edges" -> edges = Path.of(v);
                        case "--algorithm" -> algorithm = v.trim().toLowerCase(java.util.Locale.ROOT);
                        case "--out" -> outFile = Path.of(v);
                        case "--threads" -> {
                            try {
                                threads = Integer.parseInt(v);
                            } catch (NumberFormatException e) {
                                throw new InputException("--threads must be an integer, was '" + v + "'");
                            }
                            if (threads < 1) {
                                throw new InputException("--threads must be at least 1, was " + threads);
                            }
                        }
                        default -> {
                            int eq = v.indexOf('=');
                            if (eq <= 0) {
                                throw new InputException("--param must look like name=value, was '" + v + "'");
                            }
                            params.put(v.substring(0, eq).trim(), v.substring(eq + 1).trim());
                        }
                    }
                }
                default -> throw new InputException("unknown option '" + a + "' (see --help)");
            }
        }
        if (vertices == null) {
            throw new InputException("--vertices FILE is required");
        }
        if (edges == null) {
            throw new InputException("--edges FILE is required");
        }
        if (algorithm == null) {
            throw new InputException("--algorithm NAME is required");
        }
        if (outFile == null) {
            throw new InputException("--out FILE is required");
        }
        return new Options(vertices, edges, directed, weighted, algorithm, params, outFile, threads);
    }

    static CsrGraph read(Options o) throws IOException {
        long[] keys = new long[1024];
        int[] lines = new int[1024];
        int n = 0;
        try (BufferedReader r = open(o.vertices())) {
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                String s = line.strip();
                if (s.isEmpty()) {
                    continue;
                }
                if (n == keys.length) {
                    keys = Arrays.copyOf(keys, n * 2);
                    lines = Arrays.copyOf(lines, n * 2);
                }
                lines[n] = lineNo;
                keys[n++] = parseLong(s, o.vertices(), lineNo, "vertex id");
            }
        }
        keys = Arrays.copyOf(keys, n);
        LongIntHashMap index = new LongIntHashMap(Math.max(1, n));
        for (int i = 0; i < n; i++) {
            int slot = index.indexOf(keys[i]);
            if (slot >= 0) {
                throw new InputException(o.vertices() + ":" + lines[i] + ": vertex id " + keys[i] + " appears twice");
            }
            index.indexInsert(slot, keys[i], i);
        }

        int[] src = new int[1024];
        int[] dst = new int[1024];
        double[] weight = o.weighted() ? new double[1024] : null;
        int m = 0;
        try (BufferedReader r = open(o.edges())) {
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                String s = line.strip();
                if (s.isEmpty()) {
                    continue;
                }
                String[] f = s.split("[ \\t]+");
                if (f.length < 2 || f.length > 3) {
                    throw new InputException(o.edges() + ":" + lineNo + ": expected 'src dst' or 'src dst weight', found '" + s + "'");
                }
                if (o.weighted() && f.length != 3) {
                    throw new InputException(o.edges() + ":" + lineNo + ": --weighted needs a weight in the third column, found '" + s + "'");
                }
                int u = vertex(index, parseLong(f[0], o.edges(), lineNo, "source vertex id"), o, lineNo);
                int v = vertex(index, parseLong(f[1], o.edges(), lineNo, "target vertex id"), o, lineNo);
                if (m == src.length) {
                    src = Arrays.copyOf(src, m * 2);
                    dst = Arrays.copyOf(dst, m * 2);
                    if (weight != null) {
                        weight = Arrays.copyOf(weight, m * 2);
                    }
                }
                src[m] = u;
                dst[m] = v;
                if (weight != null) {
                    try {
                        weight[m] = Double.parseDouble(f[2]);
                    } catch (NumberFormatException e) {
                        throw new InputException(o.edges() + ":" + lineNo + ": weight '" + f[2] + "' is not a number");
                    }
                    if (Double.isNaN(weight[m])) {
                        throw new InputException(o.edges() + ":" + lineNo + ": weight is NaN");
                    }
                }
                m++;
            }
        }
        src = Arrays.copyOf(src, m);
        dst = Arrays.copyOf(dst, m);

        Adjacency.FromEdges adj = Adjacency.fromEdges(n, src, dst, !o.directed());
        double[] arcWeights = null;
        if (weight != null) {
            arcWeights = new double[adj.targets().length];
            for (int i = 0; i < arcWeights.length; i++) {
                arcWeights[i] = weight[adj.edgeIndex()[i]];
            }
        }
        sortLists(n, adj.offsets(), adj.targets(), arcWeights);
        ForkJoinPool pool = new ForkJoinPool(o.threads());
        try {
            CsrGraph.Builder b = CsrGraph.builder(n, o.directed())
                    .outAdjacency(adj.offsets(), adj.targets())
                    .labels(List.of(new VertexLabel(0, CsrGraph.DEFAULT_LABEL, 0, n, VertexKeys.ofLongs(ValueType.INT64, keys), Map.of())))
                    .edgeCount(m)
                    .pool(pool);
            if (arcWeights != null) {
                b.weights("weight", arcWeights);
            }
            return b.build();
        } finally {
            pool.shutdown();
        }
    }

    /** Sorts each out-list by target (weights alongside), the order the kernels expect. */
    private static void sortLists(int n, int[] offsets, int[] targets, double[] weights) {
        for (int v = 0; v < n; v++) {
            int s = offsets[v];
            int e = offsets[v + 1];
            boolean sorted = true;
            for (int p = s + 1; p < e && sorted; p++) {
                sorted = targets[p - 1] <= targets[p];
            }
            if (sorted) {
                continue;
            }
            if (weights == null) {
                Arrays.sort(targets, s, e);
                continue;
            }
            long[] packed = new long[e - s];
            for (int p = s; p < e; p++) {
                packed[p - s] = ((long) targets[p] << 32) | (p - s);
            }
            Arrays.sort(packed);
            double[] w = Arrays.copyOfRange(weights, s, e);
            for (int i = 0; i < packed.length; i++) {
                targets[s + i] = (int) (packed[i] >>> 32);
                weights[s + i] = w[(int) packed[i]];
            }
        }
    }

    private static int vertex(LongIntHashMap index, long id, Options o, int lineNo) {
        int v = index.getOrDefault(id, -1);
        if (v < 0) {
            throw new InputException(o.edges() + ":" + lineNo + ": vertex " + id + " is not in " + o.vertices());
        }
        return v;
    }

    private static long parseLong(String s, Path file, int lineNo, String what) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            throw new InputException(file + ":" + lineNo + ": " + what + " '" + s + "' is not an integer");
        }
    }

    private static BufferedReader open(Path file) throws IOException {
        try {
            return Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputException(file + ": no such file");
        }
    }

    /**
     * One line per row in the Graphalytics output format: the original key, then the values (the
     * identity and label columns are left out; a graph read from edge files has one label).
     */
    static void write(AlgorithmResult result, Path file) throws IOException {
        int first = Math.max(0, result.columns().indexOf("key"));
        List<Column> columns = result.data().subList(first, result.data().size());
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder sb = new StringBuilder();
            for (int row = 0; row < result.rowCount(); row++) {
                sb.setLength(0);
                for (int c = 0; c < columns.size(); c++) {
                    if (c > 0) {
                        sb.append(' ');
                    }
                    sb.append(value(columns.get(c), row));
                }
                sb.append('\n');
                w.write(sb.toString());
            }
        }
    }

    private static String value(Column column, int row) {
        Object v = column.get(row);
        if (v == null) {
            return "null";
        }
        if (v instanceof Double d) {
            return Double.toString(d);
        }
        if (v instanceof List<?> list) {
            return String.join(",", list.stream().map(String::valueOf).toList());
        }
        return v.toString();
    }
}
