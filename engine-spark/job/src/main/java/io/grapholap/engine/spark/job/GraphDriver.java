package io.grapholap.engine.spark.job;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The Spark driver program of GraphOLAP's Spark engine, started by the server as a child process (client
 * mode: this JVM is the driver, the executors run on the configured master). It speaks a line protocol:
 * one command a line on stdin, tab-separated; one answer a line on stdout, prefixed {@code @@} (anything
 * else Spark or a library prints goes to stderr). Commands:
 * <ul>
 *   <li>{@code load <graph> <specFile>}: the executors read the snapshot the spec file describes
 *       ({@link Snapshot}: edge files verified, endpoint keys mapped to the server's dense ids by joins)
 *       and keep the graph persisted;</li>
 *   <li>{@code run <graph> <algorithm> <outFile> [name=value]...}: runs an algorithm and writes one
 *       big-endian 8-byte value per vertex (long or double bits) in dense-id order to {@code outFile};
 *       sssp's {@code weights} name each edge file's weight column, cdlp's {@code labels} are
 *       {@code keys} (the numeric vertex keys) or {@code ids} (the dense ids);</li>
 *   <li>{@code drop <graph>}: unpersists a graph;</li>
 *   <li>{@code cancel}: cancels the command running now (answered by that command, {@code @@cancelled}).</li>
 * </ul>
 * Answers: {@code @@ok [name=value]...}, {@code @@invalid <kind> <subject> <message>} ({@link InvalidInput}),
 * {@code @@error <message>} or {@code @@cancelled}. The driver stops
 * its Spark context and exits when stdin closes, so it never outlives the server that started it.
 */
public final class GraphDriver {

    private final JavaSparkContext sc;
    private final PrintStream out;
    private final Map<String, SparkGraph> graphs = new HashMap<>();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final int partitions;
    private volatile String runningGroup;

    private GraphDriver(JavaSparkContext sc, PrintStream out, int partitions) {
        this.sc = sc;
        this.out = out;
        this.partitions = partitions;
    }

    public static void main(String[] args) throws Exception {
        PrintStream protocol = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        System.setOut(System.err);
        SparkConf conf = new SparkConf().setAppName(System.getProperty("spark.app.name", "grapholap"));
        JavaSparkContext sc = new JavaSparkContext(conf);
        int partitions = conf.getInt("spark.grapholap.partitions", Math.max(2, sc.defaultParallelism()));
        GraphDriver driver = new GraphDriver(sc, protocol, partitions);
        protocol.println("@@ready\tapp=" + sc.sc().applicationId() + "\tpartitions=" + partitions);
        BlockingQueue<String> commands = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> driver.readCommands(commands), "grapholap-stdin");
        reader.setDaemon(true);
        reader.start();
        try {
            while (true) {
                String line = commands.take();
                if (line.equals("quit")) {
                    break;
                }
                driver.answer(line);
            }
        } finally {
            sc.stop();
        }
        System.exit(0);
    }

    /** Queues commands; {@code cancel} acts at once. End of input queues {@code quit}. */
    private void readCommands(BlockingQueue<String> commands) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.equals("cancel")) {
                    cancelled.set(true);
                    String group = runningGroup;
                    if (group != null) {
                        sc.cancelJobGroup(group);
                    }
                } else if (!line.isBlank()) {
                    commands.add(line);
                }
            }
        } catch (java.io.IOException e) {
            System.err.println("grapholap: reading commands failed: " + e);
        }
        commands.add("quit");
    }

    private void answer(String line) {
        String[] parts = line.split("\t");
        cancelled.set(false);
        String group = "grapholap-" + System.nanoTime();
        runningGroup = group;
        sc.setJobGroup(group, parts[0], true);
        try {
            Map<String, Object> stats = switch (parts[0]) {
                case "load" -> load(parts);
                case "run" -> run(parts);
                case "drop" -> drop(parts);
                default -> throw new IllegalArgumentException("unknown command " + parts[0]);
            };
            StringBuilder sb = new StringBuilder("@@ok");
            stats.forEach((k, v) -> sb.append('\t').append(k).append('=').append(v));
            out.println(sb);
        } catch (InvalidInput e) {
            out.println("@@invalid\t" + e.kind + "\t" + e.subject + "\t" + oneLine(e.getMessage()));
        } catch (Throwable e) {
            if (cancelled.get()) {
                out.println("@@cancelled");
            } else {
                e.printStackTrace(System.err);
                out.println("@@error\t" + e.getClass().getSimpleName() + ": " + oneLine(e.getMessage()));
            }
        } finally {
            runningGroup = null;
            sc.clearJobGroup();
        }
    }

    private static String oneLine(String message) {
        return String.valueOf(message).replace('\n', ' ').replace('\t', ' ');
    }

    private Map<String, Object> load(String[] p) throws java.io.IOException {
        long started = System.nanoTime();
        SparkGraph old = graphs.remove(p[1]);
        if (old != null) {
            old.unpersist();
        }
        SparkGraph g = SparkGraph.load(sc, Snapshot.read(Path.of(p[2])), partitions, this::checkCancelled);
        graphs.put(p[1], g);
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("arcs", g.arcCount());
        stats.put("millis", (System.nanoTime() - started) / 1_000_000L);
        return stats;
    }

    private Map<String, Object> run(String[] p) throws java.io.IOException {
        SparkGraph g = graphs.get(p[1]);
        if (g == null) {
            throw new IllegalArgumentException("no graph " + p[1] + " is loaded");
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 4; i < p.length; i++) {
            int eq = p[i].indexOf('=');
            params.put(p[i].substring(0, eq), p[i].substring(eq + 1));
        }
        long started = System.nanoTime();
        Algorithms algorithms = new Algorithms(sc, g, partitions, this::checkCancelled);
        Algorithms.Output result = algorithms.run(p[2], params);
        result.write(Path.of(p[3]));
        Map<String, Object> stats = new LinkedHashMap<>(result.stats());
        stats.put("spark_millis", (System.nanoTime() - started) / 1_000_000L);
        return stats;
    }

    private Map<String, Object> drop(String[] p) {
        SparkGraph g = graphs.remove(p[1]);
        if (g != null) {
            g.unpersist();
        }
        return Map.of();
    }

    private void checkCancelled() {
        if (cancelled.get()) {
            throw new IllegalStateException("cancelled");
        }
    }
}
