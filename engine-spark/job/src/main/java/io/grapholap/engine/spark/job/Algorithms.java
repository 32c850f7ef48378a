package io.grapholap.engine.spark.job;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.Optional;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * The Graphalytics kernels as Spark RDD jobs over a {@link SparkGraph}, with the semantics of the CPU
 * engine (which defines them for GraphOLAP): pagerank with dangling redistribution, wcc over arcs in
 * either direction labelled with the smallest dense id, cdlp (most frequent neighbour label, the smallest
 * on a tie, in- and out-neighbours counted on a directed graph), bfs depths along out-arcs, sssp over
 * non-negative arc weights, degree, lcc and triangle counts over the simple undirected graph. Iterative
 * kernels keep their per-vertex state partitioned like the graph and truncate the lineage every few rounds.
 */
final class Algorithms {

    static final long UNREACHED = Long.MAX_VALUE;
    private static final int CHECKPOINT_EVERY = 8;

    /** One value per vertex (longs or doubles) and the run's figures. */
    record Output(long[] longs, double[] doubles, Map<String, Object> stats) {
        void write(Path file) throws IOException {
            try (DataOutputStream o = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
                if (longs != null) {
                    for (long v : longs) {
                        o.writeLong(v);
                    }
                } else {
                    for (double v : doubles) {
                        o.writeDouble(v);
                    }
                }
            }
        }
    }

    private final JavaSparkContext sc;
    private final SparkGraph g;
    private final int partitions;
    private final Runnable checkCancelled;

    Algorithms(JavaSparkContext sc, SparkGraph g, int partitions, Runnable checkCancelled) {
        this.sc = sc;
        this.g = g;
        this.partitions = partitions;
        this.checkCancelled = checkCancelled;
    }

    Output run(String algorithm, Map<String, String> p) {
        return switch (algorithm) {
            case "pagerank" -> pagerank(Double.parseDouble(p.get("damping")), Integer.parseInt(p.get("iterations")));
            case "wcc" -> wcc();
            case "bfs" -> bfs(Integer.parseInt(p.get("source")));
            case "sssp" -> sssp(Integer.parseInt(p.get("source")), p.get("weights"), p.get("property"));
            case "cdlp" -> cdlp(Integer.parseInt(p.get("iterations")), p.get("labels").equals("keys"));
            case "degree" -> degree(p.get("direction"));
            case "lcc" -> lccAndTriangles(true);
            case "triangle_count" -> lccAndTriangles(false);
            default -> throw new IllegalArgumentException("no Spark job for algorithm " + algorithm);
        };
    }

    // ---- pagerank ----

    /**
     * One Spark job a round: the ranks carry whether their vertex is dangling, and the job that
     * materialises a round's ranks is the sum of their dangling mass, which the next round needs.
     */
    private Output pagerank(double d, int iterations) {
        final int n = g.n;
        JavaPairRDD<Integer, Tuple2<Double, Boolean>> ranks = g.vertices.leftOuterJoin(g.out)
                .mapValues(t -> new Tuple2<>(1.0 / n, !t._2.isPresent())).persist(StorageLevel.MEMORY_AND_DISK());
        double dangling = danglingMass(ranks);
        for (int it = 0; it < iterations; it++) {
            checkCancelled.run();
            final double base = (1.0 - d) / n + d * dangling / n;
            JavaPairRDD<Integer, Double> sums = ranks.join(g.out).flatMapToPair(t -> {
                int[] targets = t._2._2;
                double share = t._2._1._1 / targets.length;
                List<Tuple2<Integer, Double>> c = new ArrayList<>(targets.length);
                for (int w : targets) {
                    c.add(new Tuple2<>(w, share));
                }
                return c.iterator();
            }).reduceByKey(g.partitioner, Double::sum);
            JavaPairRDD<Integer, Tuple2<Double, Boolean>> next = ranks.leftOuterJoin(sums)
                    .mapValues(t -> new Tuple2<>(base + d * t._2.orElse(0.0), t._1._2))
                    .persist(StorageLevel.MEMORY_AND_DISK());
            if (it % CHECKPOINT_EVERY == CHECKPOINT_EVERY - 1) {
                next.rdd().localCheckpoint();
            }
            dangling = danglingMass(next);
            ranks.unpersist(false);
            ranks = next;
        }
        double[] values = new double[n];
        for (Tuple2<Integer, Tuple2<Double, Boolean>> t : ranks.collect()) {
            values[t._1] = t._2._1;
        }
        ranks.unpersist(false);
        return new Output(null, values, stats("iterations", iterations, "damping", d));
    }

    /** The rank held by dangling vertices (no out-arcs); computing it materialises {@code ranks}. */
    private static double danglingMass(JavaPairRDD<Integer, Tuple2<Double, Boolean>> ranks) {
        return ranks.values().filter(Tuple2::_2).mapToDouble(Tuple2::_1).sum();
    }

    // ---- wcc ----

    private Output wcc() {
        JavaPairRDD<Integer, int[]> neighbours = undirectedNeighbours();
        JavaPairRDD<Integer, Integer> labels = g.vertices.mapValues(v -> v).persist(StorageLevel.MEMORY_AND_DISK());
        JavaPairRDD<Integer, Integer> changed = labels;
        int rounds = 0;
        while (true) {
            checkCancelled.run();
            JavaPairRDD<Integer, Integer> offers = changed.join(neighbours).flatMapToPair(t -> {
                List<Tuple2<Integer, Integer>> m = new ArrayList<>(t._2._2.length);
                for (int w : t._2._2) {
                    m.add(new Tuple2<>(w, t._2._1));
                }
                return m.iterator();
            }).reduceByKey(g.partitioner, Math::min);
            JavaPairRDD<Integer, Integer> improved = labels.join(offers).filter(t -> t._2._2 < t._2._1)
                    .mapValues(t -> t._2).persist(StorageLevel.MEMORY_AND_DISK());
            long count = improved.count();
            rounds++;
            if (count == 0) {
                improved.unpersist(false);
                break;
            }
            JavaPairRDD<Integer, Integer> next = labels.leftOuterJoin(improved).mapValues(t -> t._2.orElse(t._1));
            if (changed != labels) {
                changed.unpersist(false);
            }
            labels = keep(next, labels, rounds);
            changed = improved;
        }
        long[] values = new long[g.n];
        for (Tuple2<Integer, Integer> t : labels.collect()) {
            values[t._1] = t._2;
        }
        neighbours.unpersist(false);
        long roots = 0;
        for (int v = 0; v < values.length; v++) {
            if (values[v] == v) {
                roots++;
            }
        }
        return new Output(values, null, stats("components", roots, "rounds", rounds));
    }

    // ---- bfs ----

    private Output bfs(int source) {
        JavaPairRDD<Integer, Long> depth = g.vertices.mapValues(v -> v == source ? 0L : UNREACHED)
                .persist(StorageLevel.MEMORY_AND_DISK());
        JavaPairRDD<Integer, Long> frontier = depth.filter(t -> t._2 == 0L);
        long level = 0;
        long reached = 1;
        while (true) {
            checkCancelled.run();
            final long nextLevel = level + 1;
            JavaPairRDD<Integer, Long> offers = frontier.join(g.out).flatMapToPair(t -> {
                List<Tuple2<Integer, Long>> m = new ArrayList<>(t._2._2.length);
                for (int w : t._2._2) {
                    m.add(new Tuple2<>(w, nextLevel));
                }
                return m.iterator();
            }).reduceByKey(g.partitioner, Math::min);
            JavaPairRDD<Integer, Long> newly = depth.join(offers).filter(t -> t._2._1 == UNREACHED)
                    .mapValues(t -> t._2).persist(StorageLevel.MEMORY_AND_DISK());
            long count = newly.count();
            if (count == 0) {
                newly.unpersist(false);
                break;
            }
            level = nextLevel;
            reached += count;
            JavaPairRDD<Integer, Long> next = depth.leftOuterJoin(newly).mapValues(t -> t._2.orElse(t._1));
            if (level > 1) {
                frontier.unpersist(false);
            }
            depth = keep(next, depth, (int) level);
            frontier = newly;
        }
        long[] values = new long[g.n];
        for (Tuple2<Integer, Long> t : depth.collect()) {
            values[t._1] = t._2;
        }
        depth.unpersist(false);
        return new Output(values, null, stats("reached", reached, "max_depth", level));
    }

    // ---- sssp ----

    /**
     * The weighted arcs, read again from the edge files ({@code columns}: each file's weight column, or
     * -1 for weight 1.0); a negative or undefined weight is refused naming the property.
     */
    private JavaPairRDD<Integer, Tuple2<Integer, Double>> weightedArcs(String columns, String property) {
        String[] parts = columns.isEmpty() ? new String[0] : columns.split(",");
        int[] weightColumns = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            weightColumns[i] = Integer.parseInt(parts[i]);
        }
        JavaPairRDD<Integer, Tuple2<Integer, Double>> edges = g.snapshot.edges(sc, weightColumns, partitions, checkCancelled);
        List<Tuple2<Integer, Tuple2<Integer, Double>>> bad = edges.filter(e -> !(e._2._2 >= 0)).take(1);
        if (!bad.isEmpty()) {
            edges.unpersist(false);
            throw InvalidInput.field("weight", "edge property '" + property + "' has a negative or undefined weight ("
                    + bad.getFirst()._2._2 + "); shortest paths need non-negative weights");
        }
        return SparkGraph.arcs(edges, g.directed);
    }

    private Output sssp(int source, String weightColumns, String property) {
        JavaPairRDD<Integer, Tuple2<Integer, Double>> weighted = weightedArcs(weightColumns, property);
        JavaPairRDD<Integer, Tuple2<int[], double[]>> arcs = weighted.groupByKey(g.partitioner).mapValues(list -> {
            int size = 0;
            for (Tuple2<Integer, Double> ignored : list) {
                size++;
            }
            int[] targets = new int[size];
            double[] weights = new double[size];
            int i = 0;
            for (Tuple2<Integer, Double> a : list) {
                targets[i] = a._1;
                weights[i++] = a._2;
            }
            return new Tuple2<>(targets, weights);
        }).persist(StorageLevel.MEMORY_AND_DISK());
        JavaPairRDD<Integer, Double> dist = g.vertices.mapValues(v -> v == source ? 0.0 : Double.POSITIVE_INFINITY)
                .persist(StorageLevel.MEMORY_AND_DISK());
        JavaPairRDD<Integer, Double> changed = dist.filter(t -> t._2 == 0.0 && t._1 == source);
        int rounds = 0;
        while (true) {
            checkCancelled.run();
            JavaPairRDD<Integer, Double> offers = changed.join(arcs).flatMapToPair(t -> {
                int[] targets = t._2._2._1;
                double[] weights = t._2._2._2;
                List<Tuple2<Integer, Double>> m = new ArrayList<>(targets.length);
                for (int i = 0; i < targets.length; i++) {
                    m.add(new Tuple2<>(targets[i], t._2._1 + weights[i]));
                }
                return m.iterator();
            }).reduceByKey(g.partitioner, Math::min);
            JavaPairRDD<Integer, Double> improved = dist.join(offers).filter(t -> t._2._2 < t._2._1)
                    .mapValues(t -> t._2).persist(StorageLevel.MEMORY_AND_DISK());
            long count = improved.count();
            rounds++;
            if (count == 0) {
                improved.unpersist(false);
                break;
            }
            JavaPairRDD<Integer, Double> next = dist.leftOuterJoin(improved).mapValues(t -> t._2.orElse(t._1));
            if (rounds > 1) {
                changed.unpersist(false);
            }
            dist = keep(next, dist, rounds);
            changed = improved;
        }
        double[] values = new double[g.n];
        long reached = 0;
        for (Tuple2<Integer, Double> t : dist.collect()) {
            values[t._1] = t._2;
            if (t._2 != Double.POSITIVE_INFINITY) {
                reached++;
            }
        }
        dist.unpersist(false);
        arcs.unpersist(false);
        weighted.unpersist(false);
        return new Output(null, values, stats("reached", reached, "rounds", rounds));
    }

    // ---- cdlp ----

    /** Initial labels: the numeric vertex keys ({@code keys}, read from the node files) or the dense ids. */
    private Output cdlp(int iterations, boolean keys) {
        JavaPairRDD<Integer, Long> initial = keys ? g.snapshot.numericKeys(sc) : g.vertices.mapValues(v -> (long) v);
        JavaPairRDD<Integer, Long> labels = initial.partitionBy(g.partitioner).persist(StorageLevel.MEMORY_AND_DISK());
        final boolean directed = g.directed;
        for (int it = 0; it < iterations; it++) {
            checkCancelled.run();
            JavaPairRDD<Integer, Long> offers = spread(labels, g.out);
            if (directed) {
                offers = offers.union(spread(labels, g.in));
            }
            JavaPairRDD<Integer, Long> chosen = offers.aggregateByKey(new LongBag(), g.partitioner, LongBag::add,
                    LongBag::addAll).mapValues(LongBag::mostFrequentSmallest);
            JavaPairRDD<Integer, Long> next = labels.leftOuterJoin(chosen).mapValues(t -> t._2.orElse(t._1));
            labels = keep(next, labels, it);
        }
        long[] values = new long[g.n];
        for (Tuple2<Integer, Long> t : labels.collect()) {
            values[t._1] = t._2;
        }
        labels.unpersist(false);
        return new Output(values, null, stats("iterations", iterations));
    }

    /** Each vertex's label offered to every vertex in its adjacency list. */
    private static JavaPairRDD<Integer, Long> spread(JavaPairRDD<Integer, Long> labels, JavaPairRDD<Integer, int[]> adjacency) {
        return labels.join(adjacency).flatMapToPair(t -> {
            List<Tuple2<Integer, Long>> m = new ArrayList<>(t._2._2.length);
            for (int w : t._2._2) {
                m.add(new Tuple2<>(w, t._2._1));
            }
            return m.iterator();
        });
    }

    // ---- degree ----

    private Output degree(String direction) {
        boolean countOut = !g.directed || !direction.equals("in");
        boolean countIn = g.directed && !direction.equals("out");
        long[] values = new long[g.n];
        if (countOut) {
            for (Tuple2<Integer, Integer> t : g.out.mapValues(a -> a.length).collect()) {
                values[t._1] += t._2;
            }
        }
        if (countIn) {
            for (Tuple2<Integer, Integer> t : g.in.mapValues(a -> a.length).collect()) {
                values[t._1] += t._2;
            }
        }
        return new Output(values, null, stats("direction", direction));
    }

    // ---- lcc and triangle counts ----

    /**
     * Over the simple undirected graph: each vertex pair {@code a < b} joined by an arc gets a code, bit 1
     * for an arc a→b and bit 2 for b→a. Edges are oriented from the lower-ranked end (by degree, then id)
     * to the higher; every triangle is found once, from its oriented edge (x, y) and a common higher-ranked
     * neighbour z. For the triangle count each corner gets 1; for the lcc each corner gets the number of arcs
     * between the other two (1 or 2), and {@code lcc(v) = that sum / (k (k - 1))} with k the number of
     * distinct neighbours, 0 when k < 2.
     */
    private Output lccAndTriangles(boolean lcc) {
        JavaPairRDD<Long, Integer> pairs = g.out.flatMapToPair(t -> {
            List<Tuple2<Long, Integer>> m = new ArrayList<>(t._2.length);
            int s = t._1;
            for (int w : t._2) {
                if (w != s) {
                    int lo = Math.min(s, w);
                    int hi = Math.max(s, w);
                    m.add(new Tuple2<>(((long) lo << 32) | hi, s < w ? 1 : 2));
                }
            }
            return m.iterator();
        }).reduceByKey((a, b) -> a | b).persist(StorageLevel.MEMORY_AND_DISK());
        JavaPairRDD<Integer, Integer> degree = pairs.flatMapToPair(t -> List.of(
                new Tuple2<>((int) (t._1 >>> 32), 1), new Tuple2<>((int) (long) t._1, 1)).iterator())
                .reduceByKey(g.partitioner, Integer::sum).persist(StorageLevel.MEMORY_AND_DISK());
        // each pair with the degrees of both ends, then oriented low rank -> high rank
        JavaPairRDD<Integer, Tuple2<Integer, Integer>> byLo = pairs.mapToPair(t -> new Tuple2<>((int) (t._1 >>> 32),
                new Tuple2<>((int) (long) t._1, t._2)));
        JavaPairRDD<Integer, long[]> higher = byLo.join(degree)
                .mapToPair(t -> new Tuple2<>(t._2._1._1, new long[] {t._1, t._2._1._2, t._2._2}))
                .join(degree)
                .mapToPair(t -> {
                    int a = (int) t._2._1[0];
                    int code = (int) t._2._1[1];
                    long degA = t._2._1[2];
                    int b = t._1;
                    long degB = t._2._2;
                    boolean aFirst = degA < degB || (degA == degB && a < b);
                    // code as seen from the oriented edge's tail: bit 1 = tail->head arc, bit 2 = head->tail
                    int oriented = aFirst ? code : ((code & 1) << 1) | ((code >> 1) & 1);
                    return aFirst ? new Tuple2<>(a, ((long) b << 2) | oriented) : new Tuple2<>(b, ((long) a << 2) | oriented);
                })
                .groupByKey(g.partitioner)
                .mapValues(list -> {
                    int size = 0;
                    for (Long ignored : list) {
                        size++;
                    }
                    long[] a = new long[size];
                    int i = 0;
                    for (Long v : list) {
                        a[i++] = v;
                    }
                    Arrays.sort(a);
                    return a;
                }).persist(StorageLevel.MEMORY_AND_DISK());
        checkCancelled.run();
        // for each oriented edge x->y: (y, (x, code_xy, N+(x))), joined with N+(y)
        JavaPairRDD<Integer, Long> contributions = higher.flatMapToPair(t -> {
            List<Tuple2<Integer, Tuple2<Integer, long[]>>> m = new ArrayList<>(t._2.length);
            for (long e : t._2) {
                m.add(new Tuple2<>((int) (e >>> 2), new Tuple2<>(t._1, t._2)));
            }
            return m.iterator();
        }).join(higher).flatMapToPair(t -> {
            int y = t._1;
            int x = t._2._1._1;
            long[] nx = t._2._1._2;
            long[] ny = t._2._2;
            int codeXy = 0;
            for (long e : nx) {
                if ((int) (e >>> 2) == y) {
                    codeXy = (int) (e & 3);
                    break;
                }
            }
            List<Tuple2<Integer, Long>> m = new ArrayList<>();
            int i = 0;
            int j = 0;
            while (i < nx.length && j < ny.length) {
                long zx = nx[i] >>> 2;
                long zy = ny[j] >>> 2;
                if (zx < zy) {
                    i++;
                } else if (zx > zy) {
                    j++;
                } else {
                    int z = (int) zx;
                    if (lcc) {
                        m.add(new Tuple2<>(x, (long) Integer.bitCount((int) (ny[j] & 3))));
                        m.add(new Tuple2<>(y, (long) Integer.bitCount((int) (nx[i] & 3))));
                        m.add(new Tuple2<>(z, (long) Integer.bitCount(codeXy)));
                    } else {
                        m.add(new Tuple2<>(x, 1L));
                        m.add(new Tuple2<>(y, 1L));
                        m.add(new Tuple2<>(z, 1L));
                    }
                    i++;
                    j++;
                }
            }
            return m.iterator();
        }).reduceByKey(g.partitioner, Long::sum);
        Map<Integer, Long> sums = new HashMap<>(contributions.collectAsMap());
        Map<Integer, Integer> degrees = degree.collectAsMap();
        pairs.unpersist(false);
        degree.unpersist(false);
        higher.unpersist(false);
        if (!lcc) {
            long[] values = new long[g.n];
            long total = 0;
            for (Map.Entry<Integer, Long> e : sums.entrySet()) {
                values[e.getKey()] = e.getValue();
                total += e.getValue();
            }
            return new Output(values, null, stats("triangles", total / 3));
        }
        double[] values = new double[g.n];
        double sum = 0;
        for (Map.Entry<Integer, Integer> e : degrees.entrySet()) {
            long k = e.getValue();
            long arcs = sums.getOrDefault(e.getKey(), 0L);
            double c = k < 2 ? 0.0 : (double) arcs / ((double) k * (k - 1));
            values[e.getKey()] = c;
            sum += c;
        }
        return new Output(null, values, stats("average", g.n == 0 ? 0.0 : sum / g.n, "directed", g.directed));
    }

    // ---- helpers ----

    /** Both directions of every arc, self-loops left out, as distinct neighbour lists. */
    private JavaPairRDD<Integer, int[]> undirectedNeighbours() {
        return g.out.flatMapToPair(t -> {
            List<Tuple2<Integer, Integer>> m = new ArrayList<>(2 * t._2.length);
            for (int w : t._2) {
                if (w != t._1) {
                    m.add(new Tuple2<>(t._1, w));
                    m.add(new Tuple2<>(w, t._1));
                }
            }
            return m.iterator();
        }).distinct().groupByKey(g.partitioner).mapValues(list -> {
            List<Integer> l = new ArrayList<>();
            list.forEach(l::add);
            int[] a = new int[l.size()];
            for (int i = 0; i < a.length; i++) {
                a[i] = l.get(i);
            }
            return a;
        }).persist(StorageLevel.MEMORY_AND_DISK());
    }

    /**
     * Persists {@code next}, materialises it, releases {@code previous}; every few rounds it also cuts the
     * lineage (a local checkpoint) so long iterations do not grow the plan without bound.
     */
    private static <V> JavaPairRDD<Integer, V> keep(JavaPairRDD<Integer, V> next, JavaPairRDD<Integer, V> previous, int round) {
        next.persist(StorageLevel.MEMORY_AND_DISK());
        if (round % CHECKPOINT_EVERY == CHECKPOINT_EVERY - 1) {
            next.rdd().localCheckpoint();
        }
        next.count();
        previous.unpersist(false);
        return next;
    }

    private static Map<String, Object> stats(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
