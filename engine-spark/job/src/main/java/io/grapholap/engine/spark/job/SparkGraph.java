package io.grapholap.engine.spark.job;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * A graph held by the executors, read from its snapshot by them ({@link Snapshot}): vertices
 * {@code 0..n-1} (the server's dense ids), the arcs as out- and in-adjacency lists keyed by vertex, all
 * hash-partitioned alike so that joins between per-vertex data sets need no shuffle. On an undirected
 * graph the arcs are symmetric (each edge both ways, a self-loop once), as the CPU engine stores them.
 */
final class SparkGraph {

    final Snapshot snapshot;
    final int n;
    final boolean directed;
    final HashPartitioner partitioner;
    /** Every vertex, with itself as value. */
    final JavaPairRDD<Integer, Integer> vertices;
    /** Out-arc targets of every vertex with out-arcs, in file order. */
    final JavaPairRDD<Integer, int[]> out;
    /** In-arc sources of every vertex with in-arcs. */
    final JavaPairRDD<Integer, int[]> in;
    private final long arcs;

    private SparkGraph(Snapshot snapshot, int n, boolean directed, HashPartitioner partitioner, JavaPairRDD<Integer, Integer> vertices,
                       JavaPairRDD<Integer, int[]> out, JavaPairRDD<Integer, int[]> in, long arcs) {
        this.snapshot = snapshot;
        this.n = n;
        this.directed = directed;
        this.partitioner = partitioner;
        this.vertices = vertices;
        this.out = out;
        this.in = in;
        this.arcs = arcs;
    }

    static SparkGraph load(JavaSparkContext sc, Snapshot snapshot, int partitions, Runnable checkCancelled) {
        HashPartitioner part = new HashPartitioner(partitions);
        int n = snapshot.vertices;
        boolean directed = snapshot.directed;
        snapshot.verifyEdges(sc);
        checkCancelled.run();
        JavaPairRDD<Integer, Tuple2<Integer, Double>> edges = snapshot.edges(sc, snapshot.unweighted(), partitions,
                checkCancelled);
        JavaPairRDD<Integer, Integer> arcs = arcs(edges, directed).mapValues(Tuple2::_1);
        JavaPairRDD<Integer, Integer> vertices = vertexRange(sc, n, partitions).partitionBy(part)
                .persist(StorageLevel.MEMORY_AND_DISK());
        JavaPairRDD<Integer, int[]> out = arcs.groupByKey(part).mapValues(SparkGraph::ints)
                .persist(StorageLevel.MEMORY_AND_DISK());
        JavaPairRDD<Integer, int[]> in = arcs.mapToPair(Tuple2::swap).groupByKey(part).mapValues(SparkGraph::ints)
                .persist(StorageLevel.MEMORY_AND_DISK());
        checkCancelled.run();
        long vertexCount = vertices.count();
        checkCancelled.run();
        long arcCount = out.values().map(a -> (long) a.length).fold(0L, Long::sum);
        checkCancelled.run();
        in.count();
        edges.unpersist(false);
        if (vertexCount != n) {
            throw new IllegalStateException("expected " + n + " vertices, made " + vertexCount);
        }
        return new SparkGraph(snapshot, n, directed, part, vertices, out, in, arcCount);
    }

    /** Edges as stored arcs: as they are when directed, else both ways (a self-loop once). */
    static <V> JavaPairRDD<Integer, Tuple2<Integer, V>> arcs(JavaPairRDD<Integer, Tuple2<Integer, V>> edges,
                                                             boolean directed) {
        if (directed) {
            return edges;
        }
        return edges.flatMapToPair(e -> {
            List<Tuple2<Integer, Tuple2<Integer, V>>> both = new ArrayList<>(2);
            both.add(e);
            if (!e._1.equals(e._2._1)) {
                both.add(new Tuple2<>(e._2._1, new Tuple2<>(e._1, e._2._2)));
            }
            return both.iterator();
        });
    }

    /** Vertices {@code 0..n-1}, made in the executors from one seed per slice. */
    static JavaPairRDD<Integer, Integer> vertexRange(JavaSparkContext sc, int n, int slices) {
        List<Integer> seeds = new ArrayList<>();
        for (int s = 0; s < slices; s++) {
            seeds.add(s);
        }
        return sc.parallelize(seeds, slices).flatMapToPair(s -> {
            long from = (long) n * s / slices;
            long to = (long) n * (s + 1) / slices;
            List<Tuple2<Integer, Integer>> ids = new ArrayList<>((int) (to - from));
            for (long v = from; v < to; v++) {
                ids.add(new Tuple2<>((int) v, (int) v));
            }
            return ids.iterator();
        });
    }

    private static int[] ints(Iterable<Integer> values) {
        int size = 0;
        for (Integer ignored : values) {
            size++;
        }
        int[] a = new int[size];
        int i = 0;
        for (Integer v : values) {
            a[i++] = v;
        }
        return a;
    }

    long arcCount() {
        return arcs;
    }

    void unpersist() {
        vertices.unpersist(false);
        out.unpersist(false);
        in.unpersist(false);
    }
}
