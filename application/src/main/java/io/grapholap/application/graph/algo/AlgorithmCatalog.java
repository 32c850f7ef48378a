package io.grapholap.application.graph.algo;

import io.grapholap.domain.error.ValidationException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.grapholap.application.graph.algo.ParamSpec.choice;
import static io.grapholap.application.graph.algo.ParamSpec.optional;
import static io.grapholap.application.graph.algo.ParamSpec.ranged;
import static io.grapholap.application.graph.algo.ParamSpec.required;

/**
 * Every graph algorithm the engines offer, with its parameters and result columns. The HTTP layer,
 * the CLI and UDFs validate and document against this one list, so a parameter has the same name
 * everywhere ({@code source}, {@code target}, {@code damping}, {@code iterations}, {@code weight},
 * {@code direction}, {@code samples}, {@code seed}, {@code k}, ...).
 */
public final class AlgorithmCatalog {

    public static final String BFS = "bfs";
    public static final String PAGERANK = "pagerank";
    public static final String WCC = "wcc";
    public static final String CDLP = "cdlp";
    public static final String LCC = "lcc";
    public static final String SSSP = "sssp";
    public static final String LOUVAIN = "louvain";
    public static final String DEGREE = "degree";
    public static final String TRIANGLE_COUNT = "triangle_count";
    public static final String BETWEENNESS = "betweenness";
    public static final String KCORE = "kcore";
    public static final String SHORTEST_PATH = "shortest_path";

    /** The sentinel depth of a vertex BFS cannot reach, as LDBC Graphalytics writes it. */
    public static final long BFS_UNREACHABLE = Long.MAX_VALUE;

    private static final ParamSpec SOURCE = required("source", ParamType.VERTEX_KEY,
            "key of the start vertex (an unknown key is a validation error)");
    private static final String WEIGHT_DOC = "name of the numeric edge property holding the weight";

    private static final Map<String, AlgorithmSpec> ALL = build();

    private AlgorithmCatalog() {
    }

    private static Map<String, AlgorithmSpec> build() {
        List<AlgorithmSpec> specs = List.of(
                new AlgorithmSpec(BFS, "Breadth-first search (LDBC Graphalytics BFS): the hop depth of every vertex "
                        + "from the source along out-edges; unreachable vertices get " + BFS_UNREACHABLE + ".",
                        List.of(SOURCE), List.of("id", "depth")),
                new AlgorithmSpec(PAGERANK, "PageRank (LDBC Graphalytics PR): a fixed number of iterations starting "
                        + "from 1/|V|; the rank of dangling vertices (no out-edges) is spread uniformly over all "
                        + "vertices.",
                        List.of(ranged("damping", ParamType.DOUBLE, 0.85, 0.0, true, 1.0, true, "damping factor d"),
                                ranged("iterations", ParamType.INT, 20, 1.0, false, 1000.0, false,
                                        "number of iterations")),
                        List.of("id", "rank")),
                new AlgorithmSpec(WCC, "Weakly connected components (LDBC Graphalytics WCC), edge direction ignored. "
                        + "Each vertex is labelled with the smallest vertex key of its component (with "
                        + "non-integer keys: the key of the component's first vertex in load order).",
                        List.of(), List.of("id", "component")),
                new AlgorithmSpec(CDLP, "Community detection by synchronous label propagation (LDBC Graphalytics "
                        + "CDLP): labels start as the vertex keys; each iteration a vertex takes the most frequent "
                        + "label among its in- and out-neighbours, the smallest on a tie (with non-integer "
                        + "keys labels are ordered by load order and reported as keys).",
                        List.of(ranged("iterations", ParamType.INT, 10, 1.0, false, 1000.0, false,
                                "number of iterations")),
                        List.of("id", "label")),
                new AlgorithmSpec(LCC, "Local clustering coefficient (LDBC Graphalytics LCC): the fraction of "
                        + "possible edges present among a vertex's neighbours (in- and out-neighbours on a directed "
                        + "graph, where edges are counted in each direction); 0 below two neighbours.",
                        List.of(), List.of("id", "lcc")),
                new AlgorithmSpec(SSSP, "Single-source shortest paths over non-negative weights (LDBC Graphalytics "
                        + "SSSP) along out-edges; unreachable vertices get Infinity.",
                        List.of(SOURCE, optional("weight", ParamType.STRING, null, WEIGHT_DOC
                                + " (absent: the weights loaded with the graph, else the property 'weight')")),
                        List.of("id", "distance")),
                new AlgorithmSpec(LOUVAIN, "Louvain community detection (edges undirected); the modularity reached is "
                        + "reported in the stats.",
                        List.of(ranged("iterations", ParamType.INT, 10, 1.0, false, 1000.0, false,
                                        "maximum local-moving sweeps per level"),
                                ranged("levels", ParamType.INT, 10, 1.0, false, 100.0, false,
                                        "maximum number of aggregation levels"),
                                ranged("tolerance", ParamType.DOUBLE, 1e-6, 0.0, false, 1.0, false,
                                        "minimum modularity gain for another sweep or level"),
                                optional("weight", ParamType.STRING, null, WEIGHT_DOC + " (absent: every edge 1)")),
                        List.of("id", "community")),
                new AlgorithmSpec(DEGREE, "Number of edges at each vertex in the given direction.",
                        List.of(choice("direction", "out", List.of("in", "out", "both"),
                                "in, out or both (on an undirected graph all three count each edge once)")),
                        List.of("id", "degree")),
                new AlgorithmSpec(TRIANGLE_COUNT, "Triangles through each vertex, edge direction and multiplicity "
                        + "ignored; the total is in the stats.",
                        List.of(), List.of("id", "triangles")),
                new AlgorithmSpec(BETWEENNESS, "Betweenness centrality (Brandes). Exact, or estimated from "
                        + "'samples' source vertices drawn with 'seed' and scaled by |V|/samples.",
                        List.of(ranged("samples", ParamType.INT, null, 1.0, false, null, false,
                                        "number of sampled sources (absent: exact, every vertex is a source)"),
                                optional("seed", ParamType.LONG, 42L, "random seed for the sampled sources"),
                                optional("weight", ParamType.STRING, null, WEIGHT_DOC + " (absent: unweighted)"),
                                optional("normalized", ParamType.BOOLEAN, false,
                                        "divide by the number of vertex pairs ((n-1)(n-2), halved if undirected)")),
                        List.of("id", "betweenness")),
                new AlgorithmSpec(KCORE, "Core number of each vertex (edge direction ignored). With 'k', only the "
                        + "vertices of the k-core are returned.",
                        List.of(ranged("k", ParamType.INT, null, 0.0, false, null, false,
                                "return only vertices whose core number is at least k")),
                        List.of("id", "core")),
                new AlgorithmSpec(SHORTEST_PATH, "Shortest path(s) from 'source' to 'target' along out-edges: one "
                        + "row per vertex on a path, in order, with the cumulative distance. Hop count without "
                        + "'weight'.",
                        List.of(SOURCE, required("target", ParamType.VERTEX_KEY, "key of the end vertex"),
                                optional("weight", ParamType.STRING, null, WEIGHT_DOC + " (absent: hop count)"),
                                ranged("max_paths", ParamType.INT, 1, 1.0, false, 10000.0, false,
                                        "how many equally short paths to return at most")),
                        List.of("id", "distance", "path", "step")));
        Map<String, AlgorithmSpec> m = new LinkedHashMap<>();
        for (AlgorithmSpec s : specs) {
            m.put(s.name(), s);
        }
        return m;
    }

    /** All algorithms, in catalog order. */
    public static List<AlgorithmSpec> all() {
        return List.copyOf(ALL.values());
    }

    public static boolean contains(String name) {
        return name != null && ALL.containsKey(name);
    }

    /** The algorithm called {@code name}; an unknown name is a validation error on field {@code algorithm}. */
    public static AlgorithmSpec get(String name) {
        AlgorithmSpec s = name == null ? null : ALL.get(name);
        if (s == null) {
            throw new ValidationException("algorithm", "unknown algorithm '" + name + "'; known: "
                    + String.join(", ", ALL.keySet()));
        }
        return s;
    }

    /** Validates {@code raw} for {@code algorithm} and returns the typed parameter record. */
    public static AlgorithmParams parse(String algorithm, Map<String, ?> raw) {
        ParamValues v = ParamValues.check(get(algorithm), raw);
        return switch (algorithm) {
            case BFS -> new BfsParams(v.get("source"));
            case PAGERANK -> new PageRankParams(v.getDouble("damping"), v.getInt("iterations"));
            case WCC -> new WccParams();
            case CDLP -> new CdlpParams(v.getInt("iterations"));
            case LCC -> new LccParams();
            case SSSP -> new SsspParams(v.get("source"), v.getString("weight"));
            case LOUVAIN -> new LouvainParams(v.getInt("iterations"), v.getInt("levels"), v.getDouble("tolerance"),
                    v.getString("weight"));
            case DEGREE -> new DegreeParams(DegreeParams.Direction.parse(v.getString("direction")));
            case TRIANGLE_COUNT -> new TriangleCountParams();
            case BETWEENNESS -> new BetweennessParams(v.has("samples") ? v.getInt("samples") : null,
                    v.getLong("seed"), v.getString("weight"), v.getBoolean("normalized"));
            case KCORE -> new KCoreParams(v.has("k") ? v.getInt("k") : null);
            case SHORTEST_PATH -> new ShortestPathParams(v.get("source"), v.get("target"), v.getString("weight"),
                    v.getInt("max_paths"));
            default -> throw new IllegalStateException("catalog entry without a parameter record: " + algorithm);
        };
    }
}
