package io.grapholap.engine.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A Spark standalone cluster for the tests, from the jars the build put under engine-spark/job/target:
 * one master and two workers, each its own JVM (256 MiB heap; each worker offers one core and 768 MiB to
 * executors), on free ports of 127.0.0.1 with web UIs on random ports. Started once per test run
 * ({@link #shared}) and stopped when the run ends (or by {@link #close()}), even when tests fail; the logs
 * stay under target/spark-cluster.
 */
final class SparkCluster implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final List<Process> processes = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Path dir;
    private final String masterUrl;

    /** Stops the cluster when the test JVM exits without closing it (a fork stopped from outside). */
    private final Thread stopAtExit = new Thread(this::stopProcesses, "spark-cluster-stop");

    private SparkCluster(SparkSettings settings, Path dir) {
        this.dir = dir;
        Runtime.getRuntime().addShutdownHook(stopAtExit);
        int port = freePort();
        this.masterUrl = "spark://127.0.0.1:" + port;
        try {
            Path masterLog = dir.resolve("master.log");
            start(settings, masterLog, "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
                    Integer.toString(port), "--webui-port", "0");
            for (int w = 1; w <= 2; w++) {
                Path work = Files.createDirectories(dir.resolve("worker-" + w));
                start(settings, dir.resolve("worker-" + w + ".log"), "org.apache.spark.deploy.worker.Worker",
                        "--host", "127.0.0.1", "--port", "0", "--webui-port", "0", "--cores", "1", "--memory", "768m",
                        "--work-dir", work.toString(), masterUrl);
            }
            awaitWorkers(masterLog, 2);
        } catch (IOException | RuntimeException e) {
            close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /** The cluster of this test run, started by the first caller; skips the caller when Spark is not built. */
    static SparkCluster shared(ExtensionContext context) {
        SparkSettings settings = settings(Path.of("target", "spark-cluster").toAbsolutePath());
        String problem = settings.problem();
        if (problem != null) {
            System.out.println("[spark] skipped: " + problem);
            Assumptions.abort(problem);
        }
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(SparkCluster.class, k -> startIn(settings), SparkCluster.class);
    }

    private static SparkCluster startIn(SparkSettings settings) {
        try {
            Path dir = settings.workDir();
            SparkGraphEngine.deleteTree(dir);
            Files.createDirectories(dir);
            SparkCluster cluster = new SparkCluster(settings, dir);
            System.out.println("[spark] standalone cluster " + cluster.masterUrl + ", logs in " + dir);
            return cluster;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Engine settings for the tests: the build's driver program, small memory, {@code workDir}. */
    static SparkSettings settings(Path workDir) {
        String home = System.getProperty("grapholap.spark.home");
        return new SparkSettings("local[2]", home == null ? SparkSettings.defaultHome() : Path.of(home), "512m", "512m",
                2, workDir, null);
    }

    String masterUrl() {
        return masterUrl;
    }

    private void start(SparkSettings settings, Path log, String main, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(settings.javaHome().resolve("bin").resolve("java").toString());
        cmd.addAll(SparkDriver.MODULE_OPTIONS);
        cmd.add("-Xmx256m");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-cp");
        cmd.add(settings.sparkHome().resolve("jars") + "/*");
        cmd.add(main);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SPARK_HOME", settings.sparkHome().toString());
        pb.environment().put("JAVA_HOME", settings.javaHome().toString());
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        // A worker builds executor class paths from $SPARK_HOME/jars; without this it looks for a Spark source build.
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        processes.add(pb.start());
    }

    private void awaitWorkers(Path masterLog, int workers) throws IOException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (true) {
            long registered = Files.exists(masterLog)
                    ? Files.readAllLines(masterLog).stream().filter(l -> l.contains("Registering worker")).count() : 0;
            if (registered >= workers) {
                return;
            }
            for (Process p : processes) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("a Spark cluster process exited early (exit " + p.exitValue()
                            + "); see the logs in " + dir);
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(registered + " of " + workers + " Spark workers registered within "
                        + START_TIMEOUT.toSeconds() + " s; see " + masterLog);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the Spark cluster started");
            }
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the workers, then the master: a polite stop, then a forced one after 10 s. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException e) {
            // the JVM is exiting: the hook runs this anyway
        }
        stopProcesses();
    }

    private synchronized void stopProcesses() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).destroy();
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
        processes.clear();
    }
}
