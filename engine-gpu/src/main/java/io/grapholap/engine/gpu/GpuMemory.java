package io.grapholap.engine.gpu;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Device-memory arithmetic, before anything is uploaded. A loaded graph keeps the out-adjacency
 * ({@code 4(n+1)} offsets + {@code 4·arcs} targets), on a directed graph the in-adjacency as well
 * (an undirected graph shares one symmetric adjacency), and {@code 8·arcs} for the weights when the
 * load names a weight property. {@code arcs} is the edge count on a directed graph and twice it on
 * an undirected one (an upper bound: a self-loop is stored once).
 */
public final class GpuMemory {

    /** Working space reserved for the cheapest useful run: PageRank's four fp64 vectors. */
    static final long WORK_VECTORS = 4;

    private GpuMemory() {
    }

    public static long arcs(long edges, boolean directed) {
        return directed ? edges : 2L * edges;
    }

    /** Bytes of one CSR direction: offsets plus targets. */
    public static long adjacencyBytes(long vertices, long arcs) {
        return 4L * (vertices + 1) + 4L * arcs;
    }

    /** Parts of the device graph by name, in bytes. */
    public static Map<String, Long> graphBreakdown(long vertices, long edges, boolean directed, boolean weighted) {
        long arcs = arcs(edges, directed);
        Map<String, Long> parts = new LinkedHashMap<>();
        parts.put("device_out_adjacency", adjacencyBytes(vertices, arcs));
        parts.put("device_in_adjacency", directed ? adjacencyBytes(vertices, arcs) : 0L);
        parts.put("device_weights", weighted ? 8L * arcs : 0L);
        return parts;
    }

    /** Bytes the loaded graph keeps on the device. */
    public static long graphBytes(long vertices, long edges, boolean directed, boolean weighted) {
        return graphBreakdown(vertices, edges, directed, weighted).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Bytes a load needs free: the graph plus room for one run over per-vertex fp64 vectors. */
    public static long loadBytes(long vertices, long edges, boolean directed, boolean weighted) {
        return graphBytes(vertices, edges, directed, weighted) + WORK_VECTORS * 8L * vertices;
    }

    /** Device bytes algorithm {@code name} allocates beyond the graph, for {@code n} vertices and {@code arcs} arcs. */
    public static long workBytes(String name, long n, long arcs, boolean directed) {
        return switch (name) {
            case "pagerank" -> 4L * 8L * n;
            case "bfs" -> 3L * 4L * n + 16L;
            case "wcc" -> 4L * n + 8L;
            case "sssp" -> 8L * n + 2L * 4L * n + 8L * arcs + 8L;
            case "cdlp" -> 2L * 8L * n + 8L * (directed ? 2L * arcs : arcs);
            case "degree" -> 8L * n;
            // the simple undirected graph (up to twice the arcs on a directed graph), its out-view, counts
            case "triangle_count" -> adjacencyBytes(n, directed ? 2L * arcs : arcs) + 8L * n;
            case "lcc" -> adjacencyBytes(n, directed ? 2L * arcs : arcs) + (directed ? adjacencyBytes(n, arcs) : 0L)
                    + 16L * n;
            default -> 0L;
        };
    }
}
