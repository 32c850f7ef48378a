package io.grapholap.engine.spark;

import io.grapholap.application.graph.CancellationToken;
import io.grapholap.domain.error.CancelledException;
import io.grapholap.domain.error.SnapshotCorruptException;
import io.grapholap.domain.error.ValidationException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One Spark driver JVM (engine-spark-job's {@code GraphDriver}) started as a child process, and the line
 * protocol to it: a command a line on its stdin, an answer line ({@code @@ok}, {@code @@error},
 * {@code @@cancelled}) on its stdout; its stderr (Spark's log) goes to {@code driver.log} in the work
 * directory. One command at a time. The driver exits when its stdin closes, so it dies with this server;
 * {@link #close()} asks it to stop and kills it when it does not within a few seconds.
 */
final class SparkDriver implements AutoCloseable {

    /**
     * The JVM options Spark's own launcher gives every driver and executor on JDK 17 and later
     * ({@code org.apache.spark.launcher.JavaModuleOptions} of spark-launcher 4.2.0; a test compares them
     * with the jar's). The driver sets the executors' options itself.
     */
    static final List<String> MODULE_OPTIONS = List.of("-XX:+IgnoreUnrecognizedVMOptions",
            "--add-modules=jdk.incubator.vector", "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED", "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED", "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED", "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
            "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
            "--add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED", "-Dio.netty.tryReflectionSetAccessible=true",
            "-Dio.netty.allocator.type=pooled", "-Dio.netty.handler.ssl.defaultEndpointVerificationAlgorithm=NONE",
            "--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED");

    static final String MAIN = "io.grapholap.engine.spark.job.GraphDriver";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    private static final String EOF = "@@eof";

    private final Process process;
    private final Writer stdin;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private final Path log;
    private final Set<String> graphs = new HashSet<>();
    private final Map<String, String> ready;

    private SparkDriver(Process process, Path log) {
        this.process = process;
        this.log = log;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readAnswers, "spark-driver-answers-" + process.pid());
        reader.setDaemon(true);
        reader.start();
        this.ready = awaitReady();
    }

    /** Starts a driver JVM with {@code settings} and waits until its Spark context is up. */
    static SparkDriver start(SparkSettings settings) {
        String problem = settings.problem();
        if (problem != null) {
            throw SparkGraphEngine.unavailable(problem);
        }
        try {
            Files.createDirectories(settings.workDir());
            Path log = settings.workDir().resolve("driver.log");
            ProcessBuilder pb = new ProcessBuilder(command(settings));
            pb.environment().put("SPARK_HOME", settings.sparkHome().toString());
            pb.environment().put("JAVA_HOME", settings.javaHome().toString());
            pb.redirectError(ProcessBuilder.Redirect.to(log.toFile()));
            return new SparkDriver(pb.start(), log);
        } catch (IOException e) {
            throw SparkGraphEngine.unavailable("starting the Spark driver failed: " + e.getMessage());
        }
    }

    static List<String> command(SparkSettings s) {
        List<String> cmd = new ArrayList<>();
        cmd.add(s.javaHome().resolve("bin").resolve("java").toString());
        cmd.addAll(MODULE_OPTIONS);
        cmd.add("-Xmx" + s.driverMemory());
        cmd.add("-XX:+UseParallelGC");
        cmd.add("-Dspark.master=" + s.master());
        cmd.add("-Dspark.app.name=grapholap");
        cmd.add("-Dspark.ui.enabled=false");
        if (s.master().startsWith("local") || s.master().startsWith("spark://127.0.0.1:")
                || s.master().startsWith("spark://localhost:")) {
            // executors on this host reach the driver on the loopback address; elsewhere Spark's default (the host name)
            cmd.add("-Dspark.driver.host=127.0.0.1");
        }
        cmd.add("-Dspark.executor.memory=" + s.executorMemory());
        cmd.add("-Dspark.grapholap.partitions=" + s.partitions());
        cmd.add("-Dspark.default.parallelism=" + s.partitions());
        cmd.add("-Dspark.jars=" + s.jobJar());
        cmd.add("-Dspark.local.dir=" + s.workDir().resolve("spark-local"));
        cmd.add("-cp");
        cmd.add(s.sparkHome().resolve("jars") + "/*" + java.io.File.pathSeparator + s.jobJar());
        cmd.add(MAIN);
        return cmd;
    }

    private void readAnswers() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("@@")) {
                    answers.add(line);
                }
            }
        } catch (IOException e) {
            // the process went away; the EOF below tells the waiting caller
        }
        answers.add(EOF);
    }

    private Map<String, String> awaitReady() {
        try {
            String line = answers.poll(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (line == null || !line.startsWith("@@ready")) {
                process.destroyForcibly();
                throw SparkGraphEngine.unavailable("the Spark driver did not start"
                        + (line == null ? " within " + START_TIMEOUT.toSeconds() + " s" : "") + ": " + logTail());
            }
            return fields(line);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new CancelledException("interrupted while the Spark driver started");
        }
    }

    /** What the driver said when it came up ({@code app}, {@code partitions}). */
    Map<String, String> ready() {
        return ready;
    }

    boolean alive() {
        return process.isAlive();
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    boolean holds(String graph) {
        return graphs.contains(graph);
    }

    void loaded(String graph, boolean held) {
        if (held) {
            graphs.add(graph);
        } else {
            graphs.remove(graph);
        }
    }

    /**
     * Sends {@code command} (tab-separated words), calls {@code sent}, and waits for the answer, asking the
     * driver to cancel when {@code cancel} is set meanwhile.
     *
     * @return the answer's {@code name=value} fields
     * @throws CancelledException    when the command was cancelled
     * @throws IllegalStateException with the driver's message when it failed
     * @throws SnapshotCorruptException a snapshot file the driver found corrupt (SNAPSHOT_INVALID, naming it)
     * @throws ValidationException a parameter value the driver refused (naming the field)
     */
    synchronized Map<String, String> call(String command, CancellationToken cancel, String what) {
        return call(command, cancel, what, () -> { });
    }

    synchronized Map<String, String> call(String command, CancellationToken cancel, String what, Runnable sent) {
        cancel.throwIfCancelled(what);
        try {
            stdin.write(command);
            stdin.write('\n');
            stdin.flush();
            sent.run();
            boolean cancelSent = false;
            while (true) {
                String line = answers.poll(200, TimeUnit.MILLISECONDS);
                if (line == null) {
                    if (!cancelSent && cancel.isCancelled()) {
                        stdin.write("cancel\n");
                        stdin.flush();
                        cancelSent = true;
                    }
                    continue;
                }
                if (line.equals(EOF)) {
                    answers.add(EOF);
                    throw SparkGraphEngine.unavailable("the Spark driver exited: " + logTail());
                }
                if (line.startsWith("@@ok")) {
                    return fields(line);
                }
                if (line.startsWith("@@cancelled")) {
                    throw new CancelledException(what + " was cancelled");
                }
                if (line.startsWith("@@invalid\t")) {
                    throw invalid(line);
                }
                throw new IllegalStateException("Spark job failed: " + line.substring(line.indexOf('\t') + 1));
            }
        } catch (IOException e) {
            throw SparkGraphEngine.unavailable("the Spark driver does not take commands: " + e.getMessage() + "; "
                    + logTail());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException(what + " was interrupted");
        }
    }

    /**
     * The error of an {@code @@invalid <kind> <subject> <message>} answer: kind {@code snapshot} is a
     * snapshot file that cannot be trusted (subject: the file), kind {@code field} a bad parameter value
     * (subject: the field).
     */
    private static RuntimeException invalid(String line) {
        String[] parts = line.split("\t", 4);
        String subject = parts.length > 2 ? parts[2] : "";
        String message = parts.length > 3 ? parts[3] : line;
        return parts[1].equals("snapshot") ? new SnapshotCorruptException(subject, message)
                : new ValidationException(subject, message);
    }

    private static Map<String, String> fields(String line) {
        Map<String, String> m = new LinkedHashMap<>();
        String[] parts = line.split("\t");
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq > 0) {
                m.put(parts[i].substring(0, eq), parts[i].substring(eq + 1));
            }
        }
        return m;
    }

    /** The last lines of the driver's log, for error messages. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            List<String> errors = lines.stream().filter(l -> l.contains("Exception") || l.contains("ERROR")).toList();
            List<String> pick = errors.isEmpty() ? lines : errors;
            return String.join(" | ", pick.subList(Math.max(0, pick.size() - 3), pick.size())) + " (log: " + log + ")";
        } catch (IOException | UncheckedIOException e) {
            return "(no driver log at " + log + ")";
        }
    }

    /** Asks the driver to stop (closing its stdin); kills it when it has not exited within 10 s. */
    @Override
    public void close() {
        try {
            stdin.close();
        } catch (IOException e) {
            // already gone
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
