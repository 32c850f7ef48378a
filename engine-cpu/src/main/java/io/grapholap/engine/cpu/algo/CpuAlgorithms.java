package io.grapholap.engine.cpu.algo;

import static io.grapholap.graph.csr.ResultColumns.gather;
import static io.grapholap.graph.csr.ResultColumns.numericKeys;
import static io.grapholap.graph.csr.ResultColumns.perVertex;
import static io.grapholap.graph.csr.ResultColumns.smallestKeyLabels;
import static io.grapholap.graph.csr.ResultColumns.vertex;

import io.grapholap.application.graph.AlgorithmResult;
import io.grapholap.application.graph.Column;
import io.grapholap.application.graph.ExecutionContext;
import io.grapholap.application.graph.ValueType;
import io.grapholap.application.graph.algo.AlgorithmCatalog;
import io.grapholap.application.graph.algo.AlgorithmParams;
import io.grapholap.application.graph.algo.BetweennessParams;
import io.grapholap.application.graph.algo.BfsParams;
import io.grapholap.application.graph.algo.CdlpParams;
import io.grapholap.application.graph.algo.DegreeParams;
import io.grapholap.application.graph.algo.KCoreParams;
import io.grapholap.application.graph.algo.LccParams;
import io.grapholap.application.graph.algo.LouvainParams;
import io.grapholap.application.graph.algo.PageRankParams;
import io.grapholap.application.graph.algo.ShortestPathParams;
import io.grapholap.application.graph.algo.SsspParams;
import io.grapholap.application.graph.algo.TriangleCountParams;
import io.grapholap.application.graph.algo.WccParams;
import io.grapholap.domain.error.ValidationException;
import io.grapholap.graph.csr.CsrGraph;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CPU engine's algorithm entry point: validates the raw parameters against the
 * {@link AlgorithmCatalog}, resolves vertex keys and weights on the graph, runs the kernel with the
 * context's parallelism, termination flag and progress, and returns a columnar result whose first
 * column {@code id} holds the original vertex keys. {@code stats} always has {@code run_millis}.
 */
public final class CpuAlgorithms {

    public static final String ENGINE = "cpu";

    private CpuAlgorithms() {
    }

    public static AlgorithmResult run(CsrGraph graph, String name, Map<String, Object> params, ExecutionContext ctx) {
        AlgorithmParams p = AlgorithmCatalog.parse(name, params);
        Parallel parallel = new Parallel(ctx.parallelism(), () -> ctx.cancel().throwIfCancelled(name));
        Progress progress = throttled(name, ctx);
        parallel.check();
        Topology topology = topology(graph, null);
        long started = System.nanoTime();
        Map<String, Object> stats = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        switch (p) {
            case BfsParams b -> {
                int source = vertex(graph, "source", b.source());
                Bfs.Result r = new Bfs(topology, source, parallel, progress).compute();
                long[] depth = new long[r.depths().length];
                for (int v = 0; v < depth.length; v++) {
                    int d = r.depths()[v];
                    depth[v] = d == Bfs.UNREACHED ? AlgorithmCatalog.BFS_UNREACHABLE : d;
                }
                perVertex(graph, names, columns, "depth", Column.ofLongs(depth));
                stats.put("reached", r.reached());
                stats.put("max_depth", r.levels());
            }
            case PageRankParams pr -> {
                PageRank.Result r = new PageRank(topology, pr, parallel, progress).compute();
                perVertex(graph, names, columns, "rank", Column.ofDoubles(r.ranks()));
                stats.put("iterations", r.iterations());
                stats.put("damping", pr.damping());
            }
            case WccParams ignored -> {
                Wcc.Result r = new Wcc(topology, parallel, progress).compute();
                perVertex(graph, names, columns, "component", smallestKeyLabels(graph, r.components()));
                stats.put("components", r.componentCount());
            }
            case CdlpParams c -> {
                long[] keys = numericKeys(graph);
                Cdlp.Result r = new Cdlp(topology, c, keys, parallel, progress).compute();
                Column labels;
                if (keys != null) {
                    labels = Column.ofLongs(r.labels());
                } else {
                    int[] ids = new int[r.labels().length];
                    for (int v = 0; v < ids.length; v++) {
                        ids[v] = (int) r.labels()[v];
                    }
                    labels = gather(graph.keyColumn(), ids);
                }
                perVertex(graph, names, columns, "label", labels);
                stats.put("iterations", r.iterations());
            }
            case LccParams ignored -> {
                Lcc.Result r = new Lcc(topology, parallel, progress).compute();
                perVertex(graph, names, columns, "lcc", Column.ofDoubles(r.coefficients()));
                stats.put("average", r.average());
                stats.put("directed", graph.isDirected());
            }
            case SsspParams s -> {
                int source = vertex(graph, "source", s.source());
                String property = s.weight() != null ? s.weight()
                        : graph.hasWeights() ? graph.weightProperty() : "weight";
                Topology weighted = weighted(graph, topology, property, parallel);
                Sssp.Result r = new Sssp(weighted, source, parallel, progress).compute();
                perVertex(graph, names, columns, "distance", Column.ofDoubles(r.distances()));
                stats.put("reached", r.reached());
            }
            case LouvainParams l -> {
                Topology t = l.weight() == null ? topology : weighted(graph, topology, l.weight(), parallel);
                Louvain.Result r = new Louvain(t, l, parallel, progress).compute();
                perVertex(graph, names, columns, "community", Column.ofInts(r.communities()));
                stats.put("modularity", r.modularity());
                stats.put("communities", r.communityCount());
                stats.put("levels", r.levels());
            }
            case DegreeParams d -> {
                Degree.Result r = new Degree(topology, d, parallel).compute();
                perVertex(graph, names, columns, "degree", Column.ofLongs(r.degrees()));
                stats.put("direction", d.direction().name().toLowerCase(java.util.Locale.ROOT));
            }
            case TriangleCountParams ignored -> {
                TriangleCount.Result r = new TriangleCount(topology, parallel, progress).compute();
                perVertex(graph, names, columns, "triangles", Column.ofLongs(r.triangles()));
                stats.put("triangles", r.total());
            }
            case BetweennessParams b -> {
                Topology t = b.weight() == null ? topology : weighted(graph, topology, b.weight(), parallel);
                Betweenness.Result r = new Betweenness(t, b, parallel, progress).compute();
                perVertex(graph, names, columns, "betweenness", Column.ofDoubles(r.centrality()));
                stats.put("sources", r.sources());
                stats.put("exact", r.sources() == graph.vertexCount());
            }
            case KCoreParams k -> {
                KCore.Result r = new KCore(topology, parallel, progress).compute();
                stats.put("degeneracy", r.degeneracy());
                if (k.k() == null) {
                    perVertex(graph, names, columns, "core", Column.ofInts(r.cores()));
                } else {
                    int min = k.k();
                    int count = 0;
                    for (int c : r.cores()) {
                        if (c >= min) {
                            count++;
                        }
                    }
                    int[] ids = new int[count];
                    int[] cores = new int[count];
                    int i = 0;
                    for (int v = 0; v < r.cores().length; v++) {
                        if (r.cores()[v] >= min) {
                            ids[i] = v;
                            cores[i++] = r.cores()[v];
                        }
                    }
                    names.add("id");
                    columns.add(gather(graph.keyColumn(), ids));
                    names.add("core");
                    columns.add(Column.ofInts(cores));
                    stats.put("k", min);
                    stats.put("vertices_in_k_core", count);
                }
            }
            case ShortestPathParams s -> {
                int source = vertex(graph, "source", s.source());
                int target = vertex(graph, "target", s.target());
                Topology t = s.weight() == null ? topology : weighted(graph, topology, s.weight(), parallel);
                ShortestPath.Result r = new ShortestPath(t, source, target, s.maxPaths(), parallel).compute();
                int rows = 0;
                for (ShortestPath.Path path : r.paths()) {
                    rows += path.vertices().length;
                }
                int[] ids = new int[rows];
                double[] dist = new double[rows];
                int[] pathIndex = new int[rows];
                int[] step = new int[rows];
                int row = 0;
                for (int pi = 0; pi < r.paths().size(); pi++) {
                    ShortestPath.Path path = r.paths().get(pi);
                    for (int i = 0; i < path.vertices().length; i++) {
                        ids[row] = path.vertices()[i];
                        dist[row] = path.distances()[i];
                        pathIndex[row] = pi;
                        step[row++] = i;
                    }
                }
                names.addAll(List.of("id", "distance", "path", "step"));
                columns.addAll(List.of(gather(graph.keyColumn(), ids), Column.ofDoubles(dist), Column.ofInts(pathIndex),
                        Column.ofInts(step)));
                stats.put("found", !r.paths().isEmpty());
                stats.put("distance", r.distance());
                stats.put("paths", r.paths().size());
            }
        }
        stats.put("run_millis", (System.nanoTime() - started) / 1_000_000L);
        ctx.progress().progress(name, 1.0, "done");
        return new AlgorithmResult(name, ENGINE, names, columns, stats);
    }

    /**
     * Bytes the algorithm allocates on top of the graph for {@code vertices} vertices and
     * {@code arcs} stored arcs, for admission decisions before a run.
     */
    public static long memoryEstimate(String name, long vertices, long arcs, int parallelism) {
        long result = vertices * 16L;
        long work = switch (AlgorithmCatalog.get(name).name()) {
            case AlgorithmCatalog.BFS -> Bfs.memoryEstimate(vertices, arcs);
            case AlgorithmCatalog.PAGERANK -> PageRank.memoryEstimate(vertices, arcs);
            case AlgorithmCatalog.WCC -> Wcc.memoryEstimate(vertices, arcs);
            case AlgorithmCatalog.CDLP -> Cdlp.memoryEstimate(vertices, arcs);
            case AlgorithmCatalog.LCC -> Lcc.memoryEstimate(vertices, arcs, parallelism);
            case AlgorithmCatalog.SSSP -> Sssp.memoryEstimate(vertices, arcs) + arcs * 8L;
            case AlgorithmCatalog.LOUVAIN -> Louvain.memoryEstimate(vertices, arcs);
            case AlgorithmCatalog.DEGREE -> Degree.memoryEstimate(vertices, arcs);
            case AlgorithmCatalog.TRIANGLE_COUNT -> TriangleCount.memoryEstimate(vertices, arcs);
            case AlgorithmCatalog.BETWEENNESS -> Betweenness.memoryEstimate(vertices, arcs, parallelism);
            case AlgorithmCatalog.KCORE -> KCore.memoryEstimate(vertices, arcs);
            case AlgorithmCatalog.SHORTEST_PATH -> ShortestPath.memoryEstimate(vertices, arcs);
            default -> throw new IllegalStateException("no estimate for " + name);
        };
        return result + work;
    }

    /** The graph's arrays as a kernel topology (no copy). */
    public static Topology topology(CsrGraph graph, double[] outWeights) {
        return new Topology(graph.vertexCount(), graph.isDirected(), graph.outOffsets(), graph.outTargets(),
                graph.inOffsets(), graph.inSources(), outWeights);
    }

    private static Topology weighted(CsrGraph graph, Topology topology, String property, Parallel parallel) {
        double[] w = graph.outWeights(property, 1.0);
        Topology t = topology.withWeights(w);
        Sssp.requireNonNegative(t, parallel, property);
        return t;
    }

    /** Forwards kernel progress to the context at most about five times a second. */
    private static Progress throttled(String name, ExecutionContext ctx) {
        long[] last = {0L};
        return (done, total) -> {
            long now = System.nanoTime();
            synchronized (last) {
                if (now - last[0] < 200_000_000L && done < total) {
                    return;
                }
                last[0] = now;
            }
            double fraction = total <= 0 ? 1.0 : Math.min(1.0, (double) done / total);
            ctx.progress().progress(name, fraction, done + "/" + total);
        };
    }
}
