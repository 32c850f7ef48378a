package io.grapholap.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** The command line of {@code ./grapholap bench}, validated: a bad value is an error naming the option. */
record BenchOptions(
        List<String> graphs,
        List<Integer> scales,
        List<String> algorithms,
        List<String> engines,
        List<String> peers,
        int threads,
        Path out,
        long seed,
        int bfsSources,
        int peerBfsSources,
        int peerMaxScale,
        int tinkerpopMaxScale,
        int gremlinScale,
        int timeoutSeconds,
        int warmupRuns,
        String heap,
        boolean inProcess) {

    static final List<String> ALL_ALGORITHMS = List.of("pagerank", "bfs", "wcc", "sssp", "cdlp", "lcc", "triangle_count", "louvain");
    static final Set<String> ENGINES = Set.of("cpu", "gpu", "spark");
    static final Set<String> PEERS = Set.of("jgrapht", "jgrapht-sparse", "tinkerpop");
    static final Set<String> GRAPHS = Set.of("kronecker", "road");

    static final String HELP = """
            Usage: ./grapholap bench [options]

            Generates Graph500 Kronecker graphs (and optionally road-like grids), runs the LDBC Graphalytics
            kernels plus triangle_count and louvain on our engine and, in the same run, on JGraphT and TinkerPop, and writes a
            table (stdout), results.csv, results.json, chart.png and machine.json under --out.

              --scale LIST            graph scales, 2^scale vertices (default 16,18,20)
              --graphs LIST           kronecker,road (default kronecker)
              --algorithms LIST       pagerank,bfs,wcc,sssp,cdlp,lcc,triangle_count,louvain (default: all)
              --engines LIST          our engines: cpu,gpu,spark (default cpu)
              --spark-master URL      where the spark engine runs its jobs: local[N] or spark://host:port
                                      (default: grapholap.spark.master, else local[2])
              --peers LIST            jgrapht,jgrapht-sparse,tinkerpop or none (default jgrapht,tinkerpop);
                                      jgrapht-sparse is JGraphT's compact immutable graph, the one that fits at scale 22
              --threads N             threads for our engine and the generator (default: all cores)
              --out DIR               output directory (default bench/out)
              --seed N                generator and source seed (default 1)
              --bfs-sources N         bfs sources, averaged (default 64)
              --peer-bfs-sources N    bfs sources for the peers, the first N of the same list (default 4)
              --peer-max-scale N      largest scale both JGraphT peers are given (default 22)
              --tinkerpop-max-scale N largest scale TinkerGraph is given (default 16)
              --gremlin-scale N       scale of the Gremlin comparison with TinkerGraph, 0 to skip (default 14)
              --timeout SECONDS       limit per run; a run over it is reported as a timeout (default 300)
              --warmup N              untimed runs of each algorithm (and of our engines' load) before the timed one,
                                      so the JIT has compiled it (default 0)
              --heap SIZE             -Xmx of each worker JVM (default: 3/4 of physical memory, at most 18g)
              --in-process            run the workers in this JVM (no isolation; for tests and debugging)
              --help                  this text
            """;

    BenchOptions {
        graphs = List.copyOf(graphs);
        scales = List.copyOf(scales);
        algorithms = List.copyOf(algorithms);
        engines = List.copyOf(engines);
        peers = List.copyOf(peers);
    }

    static BenchOptions parse(String[] args) {
        List<String> graphs = List.of("kronecker");
        List<Integer> scales = List.of(16, 18, 20);
        List<String> algorithms = ALL_ALGORITHMS;
        List<String> engines = List.of("cpu");
        List<String> peers = List.of("jgrapht", "tinkerpop");
        int threads = Runtime.getRuntime().availableProcessors();
        Path out = Path.of("bench", "out");
        long seed = 1;
        int bfsSources = 64;
        int peerBfsSources = 4;
        int peerMaxScale = 22;
        int tinkerpopMaxScale = 16;
        int gremlinScale = 14;
        int timeout = 300;
        int warmup = 0;
        String heap = defaultHeap();
        boolean inProcess = false;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--in-process")) {
                inProcess = true;
                continue;
            }
            if (!option.startsWith("--")) {
                throw new UsageException("unexpected argument '" + option + "'");
            }
            if (i + 1 >= args.length) {
                throw new UsageException(option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--scale", "--scales" -> scales = intList(option, value, 1, 26);
                case "--graphs", "--graph" -> graphs = names(option, value, GRAPHS);
                case "--algorithms" -> algorithms = names(option, value, Set.copyOf(ALL_ALGORITHMS));
                case "--engines" -> engines = names(option, value, ENGINES);
                case "--peers" -> peers = value.equals("none") ? List.of() : names(option, value, PEERS);
                case "--threads" -> threads = intValue(option, value, 1, 4096);
                case "--out" -> out = Path.of(value);
                case "--seed" -> seed = longValue(option, value);
                case "--bfs-sources" -> bfsSources = intValue(option, value, 1, 100_000);
                case "--peer-bfs-sources" -> peerBfsSources = intValue(option, value, 1, 100_000);
                case "--peer-max-scale" -> peerMaxScale = intValue(option, value, 0, 26);
                case "--tinkerpop-max-scale" -> tinkerpopMaxScale = intValue(option, value, 0, 26);
                case "--gremlin-scale" -> gremlinScale = intValue(option, value, 0, 22);
                case "--timeout" -> timeout = intValue(option, value, 1, 86_400);
                case "--warmup" -> warmup = intValue(option, value, 0, 100);
                case "--spark-master" -> {
                    if (!value.matches("local(\\[(\\d+|\\*)])?|spark://[^/\\s]+:\\d+")) {
                        throw new UsageException("--spark-master must be local[N] or spark://host:port, was '" + value + "'");
                    }
                    System.setProperty(SparkEngine.MASTER_PROPERTY, value);
                }
                case "--heap" -> {
                    if (!value.matches("\\d+[gGmM]")) {
                        throw new UsageException("--heap must look like 16g or 4096m, was '" + value + "'");
                    }
                    heap = value;
                }
                default -> throw new UsageException("unknown option " + option);
            }
        }
        return new BenchOptions(graphs, scales, algorithms, engines, peers, threads, out, seed, bfsSources,
                Math.min(peerBfsSources, bfsSources), peerMaxScale, tinkerpopMaxScale, gremlinScale, timeout, warmup, heap, inProcess);
    }

    static String defaultHeap() {
        long physical = MachineInfo.physicalMemoryBytes();
        long gib = physical <= 0 ? 4 : Math.max(1, Math.min(18, physical * 3 / 4 / (1L << 30)));
        return gib + "g";
    }

    private static List<String> names(String option, String value, Set<String> allowed) {
        List<String> names = new ArrayList<>();
        for (String name : value.split(",")) {
            String n = name.trim().toLowerCase();
            if (!allowed.contains(n)) {
                throw new UsageException(option + ": unknown value '" + name + "' (allowed: " + String.join(",", allowed.stream().sorted().toList()) + ")");
            }
            if (!names.contains(n)) {
                names.add(n);
            }
        }
        return names;
    }

    private static List<Integer> intList(String option, String value, int min, int max) {
        return Arrays.stream(value.split(",")).map(v -> intValue(option, v.trim(), min, max)).toList();
    }

    private static int intValue(String option, String value, int min, int max) {
        try {
            int v = Integer.parseInt(value);
            if (v < min || v > max) {
                throw new UsageException(option + " must be in " + min + ".." + max + ", was " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " must be an integer, was '" + value + "'");
        }
    }

    private static long longValue(String option, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new UsageException(option + " must be an integer, was '" + value + "'");
        }
    }

    /** A bad command line; the message names the option. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
