package io.grapholap.bench;

import io.grapholap.bench.gen.GeneratedGraph;
import java.util.Map;
import org.jgrapht.Graph;
import org.jgrapht.alg.clustering.LabelPropagationClustering;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.alg.interfaces.ShortestPathAlgorithm;
import org.jgrapht.alg.scoring.ClusteringCoefficient;
import org.jgrapht.alg.scoring.PageRank;
import org.jgrapht.alg.shortestpath.DijkstraShortestPath;
import org.jgrapht.graph.AsUndirectedGraph;
import org.jgrapht.graph.AsUnweightedGraph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.DirectedWeightedPseudograph;
import org.jgrapht.traverse.BreadthFirstIterator;

/**
 * JGraphT 1.5.2 as a peer: its standard in-memory graph (a directed pseudograph, so adding an arc does
 * not search for an existing one — the generated graphs have no duplicates anyway) with weighted edges,
 * seen through {@link AsUnweightedGraph} by every algorithm except sssp. JGraphT's algorithms are
 * single-threaded. Its label propagation is the asynchronous, randomised variant on the undirected view
 * (not Graphalytics CDLP), so that row compares cost, not answers. JGraphT has no Louvain.
 */
final class JGraphTEngine implements EngineUnderTest {

    /**
     * Heap per arc while building, measured on JDK 25 (compressed oops): about 280 B/arc peak at scale 16
     * (edge object, edge-map entry, two adjacency slots, list growth and garbage). At scale 22 a 16 GiB
     * heap ended in back-to-back full collections, so the estimate errs on the high side.
     */
    static final long BYTES_PER_ARC = 220;
    static final long BYTES_PER_VERTEX = 250;

    private final int maxScale;
    private Graph<Integer, DefaultWeightedEdge> weighted;
    private Graph<Integer, DefaultWeightedEdge> plain;
    private Integer[] ids;

    JGraphTEngine(int maxScale) {
        this.maxScale = maxScale;
    }

    @Override
    public String name() {
        return "jgrapht";
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
        long estimate = BYTES_PER_ARC * graph.arcCount() + BYTES_PER_VERTEX * graph.vertexCount();
        if (estimate > maxHeapBytes * 8 / 10) {
            return String.format("JGraphT graph needs about %.1f GiB, heap is %.1f GiB", estimate / 1073741824.0, maxHeapBytes / 1073741824.0);
        }
        return null;
    }

    @Override
    public String load(GeneratedGraph graph, BenchContext context) {
        DirectedWeightedPseudograph<Integer, DefaultWeightedEdge> g = new DirectedWeightedPseudograph<>(DefaultWeightedEdge.class);
        int n = graph.vertexCount();
        ids = new Integer[n];
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
        weighted = g;
        plain = new AsUnweightedGraph<>(g);
        return null;
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
                BreadthFirstIterator<Integer, DefaultWeightedEdge> it = new BreadthFirstIterator<>(plain, ids[source]);
                long reached = 0;
                while (it.hasNext()) {
                    it.next();
                    reached++;
                }
                yield "reached=" + reached;
            }
            case "wcc" -> "components=" + new ConnectivityInspector<>(plain).connectedSets().size();
            case "sssp" -> {
                ShortestPathAlgorithm.SingleSourcePaths<Integer, DefaultWeightedEdge> paths =
                        new DijkstraShortestPath<>(weighted).getPaths(ids[source]);
                long reached = 0;
                for (Integer v : ids) {
                    if (paths.getWeight(v) < Double.POSITIVE_INFINITY) {
                        reached++;
                    }
                }
                yield "reached=" + reached;
            }
            case "cdlp" -> "communities=" + new LabelPropagationClustering<>(new AsUndirectedGraph<>(plain), workload.cdlpIterations(),
                    new java.util.Random(1)).getClustering().getNumberClusters() + " (async LPA)";
            case "lcc" -> String.format("average=%.6f", new ClusteringCoefficient<>(plain).getAverageClusteringCoefficient());
            default -> throw new IllegalArgumentException("unsupported: " + algorithm);
        };
    }

    @Override
    public void close() {
        weighted = null;
        plain = null;
        ids = null;
    }
}
