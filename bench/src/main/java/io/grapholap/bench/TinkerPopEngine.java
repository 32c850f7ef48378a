package io.grapholap.bench;

import io.grapholap.bench.gen.GeneratedGraph;
import org.apache.tinkerpop.gremlin.process.computer.ComputerResult;
import org.apache.tinkerpop.gremlin.process.computer.ranking.pagerank.PageRankVertexProgram;
import org.apache.tinkerpop.gremlin.structure.T;
import org.apache.tinkerpop.gremlin.structure.Vertex;
import org.apache.tinkerpop.gremlin.tinkergraph.structure.TinkerGraph;

/**
 * TinkerPop 3.7.5 as a peer: the graph copied into a TinkerGraph and PageRank run as
 * {@link PageRankVertexProgram} on TinkerGraphComputer (the OLAP path TinkerPop offers). Only pagerank
 * is compared; TinkerGraph holds every vertex and edge as objects with property maps, so it is only
 * loaded where an estimate says it fits the heap and the scale is at most {@code --tinkerpop-max-scale}.
 */
final class TinkerPopEngine implements EngineUnderTest {

    static final long BYTES_PER_ARC = 420;
    static final long BYTES_PER_VERTEX = 600;

    private final int maxScale;
    private final int workers;
    private TinkerGraph graph;

    TinkerPopEngine(int maxScale, int workers) {
        this.maxScale = maxScale;
        this.workers = workers;
    }

    @Override
    public String name() {
        return "tinkerpop";
    }

    @Override
    public String unsupported(String algorithm) {
        return "pagerank".equals(algorithm) ? null : "only PageRankVertexProgram is compared on TinkerPop";
    }

    @Override
    public String refuse(GeneratedGraph generated, int scale, long maxHeapBytes) {
        if (scale > maxScale) {
            return "above --tinkerpop-max-scale " + maxScale;
        }
        long estimate = BYTES_PER_ARC * generated.arcCount() + BYTES_PER_VERTEX * generated.vertexCount();
        if (estimate > maxHeapBytes * 7 / 10) {
            return String.format("TinkerGraph needs about %.1f GiB, heap is %.1f GiB", estimate / 1073741824.0, maxHeapBytes / 1073741824.0);
        }
        return null;
    }

    @Override
    public String load(GeneratedGraph generated, BenchContext context) {
        graph = toTinkerGraph(generated, false);
        return null;
    }

    /**
     * The generated graph as a TinkerGraph: label {@code vertex}, properties {@code name = "v<id>"}, {@code score} and
     * {@code bucket} as in {@link Snapshots}, edge label {@code link}.
     */
    static TinkerGraph toTinkerGraph(GeneratedGraph generated, boolean indexNames) {
        TinkerGraph g = TinkerGraph.open();
        if (indexNames) {
            g.createIndex("name", Vertex.class);
        }
        int n = generated.vertexCount();
        Vertex[] vertices = new Vertex[n];
        for (int v = 0; v < n; v++) {
            vertices[v] = g.addVertex(T.id, (long) v, T.label, "vertex", "name", "v" + v, "score", Snapshots.score(v),
                    "bucket", (long) Snapshots.bucket(v));
        }
        int[] offsets = generated.offsets();
        int[] targets = generated.targets();
        for (int v = 0; v < n; v++) {
            for (int p = offsets[v]; p < offsets[v + 1]; p++) {
                vertices[v].addEdge("link", vertices[targets[p]]);
            }
        }
        return g;
    }

    @Override
    public String run(String algorithm, int source, Workload workload) throws Exception {
        if (!"pagerank".equals(algorithm)) {
            throw new IllegalArgumentException("unsupported: " + algorithm);
        }
        PageRankVertexProgram program = PageRankVertexProgram.build()
                .iterations(workload.pagerankIterations())
                .alpha(workload.damping())
                .epsilon(0.0)
                .create(graph);
        ComputerResult result = graph.compute().workers(workers).program(program).submit().get();
        double sum = result.graph().traversal().V().values(PageRankVertexProgram.PAGE_RANK).sum().next().doubleValue();
        return String.format("sum=%.6f", sum);
    }

    @Override
    public void close() {
        if (graph != null) {
            graph.close();
            graph = null;
        }
    }
}
