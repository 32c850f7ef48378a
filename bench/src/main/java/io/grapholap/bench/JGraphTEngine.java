package io.grapholap.bench;

import io.grapholap.bench.gen.GeneratedGraph;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jgrapht.Graph;
import org.jgrapht.alg.clustering.LabelPropagationClustering;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.alg.interfaces.ShortestPathAlgorithm;
import org.jgrapht.alg.scoring.ClusteringCoefficient;
import org.jgrapht.alg.scoring.PageRank;
import org.jgrapht.alg.shortestpath.DijkstraShortestPath;
import org.jgrapht.alg.util.Triple;
import org.jgrapht.graph.AsUndirectedGraph;
import org.jgrapht.graph.AsUnweightedGraph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.DirectedWeightedPseudograph;
import org.jgrapht.opt.graph.sparse.IncomingEdgesSupport;
import org.jgrapht.opt.graph.sparse.SparseIntDirectedWeightedGraph;
import org.jgrapht.traverse.BreadthFirstIterator;

/**
 * JGraphT 1.5.2 as a peer, in one of two graph representations ({@link #standard} and {@link #sparse}) that
 * run the same JGraphT algorithms: the weighted graph for sssp, the graph seen through
 * {@link AsUnweightedGraph} for everything else. JGraphT's algorithms are single-threaded. Its label
 * propagation is the asynchronous, randomised variant on the undirected view (not Graphalytics CDLP), so
 * that row compares cost, not answers. JGraphT has no Louvain.
 *
 * @param <E> the representation's edge type
 */
final class JGraphTEngine<E> implements EngineUnderTest {

    /**
     * How one peer holds the generated graph: its name in reports, the heap it needs while building
     * (per arc and per vertex, measured; the refusal compares it with the worker's heap), and the build.
     * Vertices are the ints {@code 0..n-1}, boxed.
     */
    record Representation<E>(String name, long bytesPerArc, long bytesPerVertex, Function<GeneratedGraph, Graph<Integer, E>> build) {
    }

    /**
     * Heap per arc while building the sparse graph: 24 B kept, plus the list of boxed pairs JGraphT sorts
     * for each CSR (~66 B), plus the generated arrays. Measured with ParallelGC on JDK 25: scale 20 (16.1M
     * arcs) loads with -Xmx1792m and runs out with -Xmx1536m, scale 18 loads with -Xmx512m and runs out
     * with -Xmx384m, i.e. it needs 90 to 100 B/arc.
     */
    static final long SPARSE_BYTES_PER_ARC = 100;

    /**
     * The standard in-memory graph: a directed pseudograph, so adding an arc does not search for an
     * existing one (the generated graphs have no duplicates anyway). Heap while building, measured on
     * JDK 25 (compressed oops): about 280 B/arc peak at scale 16 (edge object, edge-map entry, two
     * adjacency slots, list growth and garbage). At scale 22 a 16 GiB heap ended in back-to-back full
     * collections, so the estimate errs on the high side.
     */
    static JGraphTEngine<DefaultWeightedEdge> standard(int maxScale) {
        return new JGraphTEngine<>(new Representation<>("jgrapht", 220, 250, JGraphTEngine::pseudograph), maxScale);
    }

    /**
     * jgrapht-opt's compact immutable graph: edges are the ints {@code 0..m-1}, held as source and target
     * arrays, CSR out- and in-incidence (pagerank and the undirected views need the incoming side) and a
     * weight array: 24 B/arc once built. The build streams the arcs (twice), but JGraphT sorts each CSR
     * from a list of boxed pairs, which is the peak: see {@link #SPARSE_BYTES_PER_ARC}.
     */
    static JGraphTEngine<Integer> sparse(int maxScale) {
        return new JGraphTEngine<>(new Representation<>("jgrapht-sparse", SPARSE_BYTES_PER_ARC, 64, JGraphTEngine::sparseGraph), maxScale);
    }

    private final Representation<E> representation;
    private final int maxScale;
    private Graph<Integer, E> weighted;
    private Graph<Integer, E> plain;

    private JGraphTEngine(Representation<E> representation, int maxScale) {
        this.representation = representation;
        this.maxScale = maxScale;
    }

    @Override
    public String name() {
        return representation.name();
    }

    @Override
    public String unsupported(String algorithm) {
        return switch (algorithm) {
            case "pagerank", "bfs", "wcc", "sssp", "cdlp", "lcc" -> null;
            case "louvain" -> "JGraphT 1.5.2 has no Louvain";
            default -> "no JGraphT counterpart";
        };
    }

    @Override
    public String refuse(GeneratedGraph graph, int scale, long maxHeapBytes) {
        if (scale > maxScale) {
            return "above --peer-max-scale " + maxScale;
        }
        long estimate = representation.bytesPerArc() * graph.arcCount() + representation.bytesPerVertex() * graph.vertexCount();
        if (estimate > maxHeapBytes * 8 / 10) {
            return String.format("%s graph needs about %.1f GiB, heap is %.1f GiB", representation.name(), estimate / 1073741824.0,
                    maxHeapBytes / 1073741824.0);
        }
        return null;
    }

    @Override
    public String load(GeneratedGraph graph, BenchContext context) {
        weighted = representation.build().apply(graph);
        plain = new AsUnweightedGraph<>(weighted);
        return null;
    }

    private static Graph<Integer, DefaultWeightedEdge> pseudograph(GeneratedGraph graph) {
        DirectedWeightedPseudograph<Integer, DefaultWeightedEdge> g = new DirectedWeightedPseudograph<>(DefaultWeightedEdge.class);
        int n = graph.vertexCount();
        Integer[] ids = new Integer[n];
        for (int v = 0; v < n; v++) {
            ids[v] = v;
            g.addVertex(ids[v]);
        }
        int[] offsets = graph.offsets();
        int[] targets = graph.targets();
        float[] weights = graph.weights();
        for (int v = 0; v < n; v++) {
            for (int p = offsets[v]; p < offsets[v + 1]; p++) {
                DefaultWeightedEdge e = g.addEdge(ids[v], ids[targets[p]]);
                if (weights != null) {
                    g.setEdgeWeight(e, weights[p]);
                }
            }
        }
        return g;
    }

    private static Graph<Integer, Integer> sparseGraph(GeneratedGraph graph) {
        int[] offsets = graph.offsets();
        int[] targets = graph.targets();
        float[] weights = graph.weights();
        // Edge p of the CSR becomes edge p of the sparse graph: each call streams the arcs in the same order.
        Supplier<Stream<Triple<Integer, Integer, Double>>> arcs = () -> IntStream.range(0, graph.vertexCount()).boxed()
                .flatMap(v -> IntStream.range(offsets[v], offsets[v + 1])
                        .mapToObj(p -> Triple.of(v, targets[p], weights == null ? Graph.DEFAULT_EDGE_WEIGHT : (double) weights[p])));
        return new SparseIntDirectedWeightedGraph(graph.vertexCount(), Math.toIntExact(graph.arcCount()), arcs,
                IncomingEdgesSupport.FULL_INCOMING_EDGES);
    }

    @Override
    public String run(String algorithm, int source, Workload workload) {
        return switch (algorithm) {
            case "pagerank" -> {
                // The smallest positive tolerance, so that it runs exactly the requested iterations like the Graphalytics kernel.
                Map<Integer, Double> scores = new PageRank<>(plain, workload.damping(), workload.pagerankIterations(), Double.MIN_VALUE).getScores();
                yield "sum=" + String.format("%.6f", scores.values().stream().mapToDouble(Double::doubleValue).sum());
            }
            case "bfs" -> {
                BreadthFirstIterator<Integer, E> it = new BreadthFirstIterator<>(plain, source);
                long reached = 0;
                while (it.hasNext()) {
                    it.next();
                    reached++;
                }
                yield "reached=" + reached;
            }
            case "wcc" -> "components=" + new ConnectivityInspector<>(plain).connectedSets().size();
            case "sssp" -> {
                ShortestPathAlgorithm.SingleSourcePaths<Integer, E> paths = new DijkstraShortestPath<>(weighted).getPaths(source);
                long reached = 0;
                for (Integer v : weighted.vertexSet()) {
                    if (paths.getWeight(v) < Double.POSITIVE_INFINITY) {
                        reached++;
                    }
                }
                yield "reached=" + reached;
            }
            case "cdlp" -> "communities=" + new LabelPropagationClustering<>(new AsUndirectedGraph<>(plain), workload.cdlpIterations(),
                    new Random(1)).getClustering().getNumberClusters() + " (async LPA)";
            case "lcc" -> String.format("average=%.6f", new ClusteringCoefficient<>(plain).getAverageClusteringCoefficient());
            default -> throw new IllegalArgumentException("unsupported: " + algorithm);
        };
    }

    @Override
    public void close() {
        weighted = null;
        plain = null;
    }
}
