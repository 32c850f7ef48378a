package io.grapholap.engine.spark.job;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * A graph held by the executors: vertices {@code 0..n-1} (dense ids assigned by the server), the arcs as
 * out- and in-adjacency lists keyed by vertex, all hash-partitioned alike so that joins between per-vertex
 * data sets need no shuffle. On an undirected graph the arcs are symmetric (each edge both ways), as the
 * server's host graph stores them.
 */
final class SparkGraph {

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

    private SparkGraph(int n, boolean directed, HashPartitioner partitioner, JavaPairRDD<Integer, Integer> vertices,
                       JavaPairRDD<Integer, int[]> out, JavaPairRDD<Integer, int[]> in, long arcs) {
        this.n = n;
        this.directed = directed;
        this.partitioner = partitioner;
        this.vertices = vertices;
        this.out = out;
        this.in = in;
        this.arcs = arcs;
    }

    static SparkGraph load(JavaSparkContext sc, String arcsFile, int n, boolean directed, int partitions,
                           Runnable checkCancelled) {
        HashPartitioner part = new HashPartitioner(partitions);
        JavaPairRDD<Integer, Integer> arcs = sc.binaryRecords(arcsFile, 8).mapToPair(b -> {
            ByteBuffer buf = ByteBuffer.wrap(b);
            return new Tuple2<>(buf.getInt(), buf.getInt());
        });
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
        if (vertexCount != n) {
            throw new IllegalStateException("expected " + n + " vertices, made " + vertexCount);
        }
        return new SparkGraph(n, directed, part, vertices, out, in, arcCount);
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
