package io.grapholap.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real GraphOLAP server in a child JVM, so that a test can kill it the way an operator's
 * {@code kill -9} or a power cut would: {@link #kill()} sends SIGKILL (no shutdown hook, no bean
 * closed, files and transactions left as they are), and {@link #start()} brings up a new server on
 * the same data directory and metadata database.
 *
 * <p>The child runs {@code io.grapholap.server.GraphOlapServer} (what {@code ./grapholap serve}
 * runs) on this test JVM's class path, with the JVM flags of the root pom (system property
 * {@code grapholap.jvm.flags}, set by the it-tests surefire configuration), a heap of at most 1 GiB,
 * settings as {@code GRAPHOLAP_*} environment variables and a fresh free port on every start. Its
 * output goes to a log file whose tail is shown when it fails to come up. One child at a time.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Duration START_LIMIT = Duration.ofSeconds(240);

    private final Path workDir;
    private final Path dataDir;
    private final String nodeId;
    private final MetadataDatabase.Provisioned database;
    private final Map<String, String> environment;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private Http http;
    private int starts;

    private ServerProcess(Path workDir, MetadataDatabase.Provisioned database, Map<String, String> environment) {
        this(workDir, workDir.resolve("data"), database, environment);
    }

    private ServerProcess(Path workDir, Path dataDir, MetadataDatabase.Provisioned database, Map<String, String> environment) {
        this.workDir = workDir;
        this.dataDir = dataDir;
        this.nodeId = workDir.getFileName().toString().replaceAll("[^A-Za-z0-9._:-]", "_");
        this.database = database;
        this.environment = environment;
    }

    /**
     * A server whose metadata lives in {@code db} (H2: a file in the data directory; PostgreSQL: a
     * fresh schema) and whose other settings come from {@code environment} (GRAPHOLAP_* entries, for
     * example the source database). Nothing runs until {@link #start()}.
     */
    public static ServerProcess create(MetadataDatabase db, Map<String, String> environment) {
        try {
            Path workDir = Files.createTempDirectory("grapholap-crash-");
            MetadataDatabase.Provisioned provisioned = db.provision();
            Map<String, String> env = new HashMap<>();
            env.put("GRAPHOLAP_DATA_DIR", workDir.resolve("data").toString());
            env.put("GRAPHOLAP_ADMIN_PASSWORD", RunningServer.ADMIN_PASSWORD);
            env.putAll(provisioned.environment());
            env.putAll(environment);
            return new ServerProcess(workDir, provisioned, env);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Another server node beside this one: the same metadata database and data directory (as nodes
     * of one cluster share them), its own log and its own {@code environment} entries (for example
     * {@code GRAPHOLAP_NODE_ID}). Closing it stops it and deletes its log only; the database and
     * data belong to this server.
     */
    public ServerProcess sibling(Map<String, String> environment) {
        try {
            Map<String, String> env = new HashMap<>(this.environment);
            env.putAll(environment);
            Path own = Files.createTempDirectory("grapholap-node-");
            return new ServerProcess(own, dataDir, new MetadataDatabase.Provisioned(Map.of(), () -> { }), env);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a child server with no extra system properties; see {@link #start(Map)}. */
    public ServerProcess start() {
        return start(Map.of());
    }

    /**
     * Starts a child server and waits until {@code /health} answers 200; {@code properties} are
     * passed as {@code -D} system properties (Micronaut reads them as settings, e.g.
     * {@code grapholap.export.resume-after-restart}).
     */
    public ServerProcess start(Map<String, String> properties) {
        int port = launch(properties);
        URI base = URI.create("http://127.0.0.1:" + port);
        long began = System.nanoTime();
        awaitHealthy(base);
        System.out.printf("[it-tests] server process %d (start %d) healthy after %d ms%n", process.pid(), starts,
                (System.nanoTime() - began) / 1_000_000);
        http = new Http(base);
        return this;
    }

    /**
     * Starts a child server that is expected not to come up (a bad setting) and returns its exit
     * status once it has ended; fails when it answers {@code /health} or is still running after the
     * start limit.
     */
    public int startExpectingExit(Map<String, String> properties) {
        int port = launch(properties);
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return process.exitValue();
            }
            try {
                if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    throw new IllegalStateException("the server came up although it was expected to stop; log tail:\n" + logTail(20));
                }
            } catch (IOException notListening) {
                // Expected: it never listens.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(100);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the server neither came up nor ended within " + START_LIMIT + "; log tail:\n" + logTail(40));
    }

    /** Starts the child JVM on a fresh port (returned); {@code properties} become {@code -D} options. */
    private int launch(Map<String, String> properties) {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("a server is still running; kill it first");
        }
        int port = freePort();
        starts++;
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags());
        command.add("-Xmx1g");
        command.add("-XX:+UseParallelGC");
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        if (!properties.containsKey("grapholap.node.id")) {
            // One node id for every start of this server, as an operator gives a node: a restart then
            // reloads the instances placed on it at once, whatever became of its killed predecessor.
            command.add("-Dgrapholap.node.id=" + nodeId);
        }
        command.add("-cp");
        command.add(classPath());
        command.add("io.grapholap.server.GraphOlapServer");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
        builder.environment().keySet().removeIf(k -> k.startsWith("GRAPHOLAP_"));
        builder.environment().putAll(environment);
        builder.environment().put("GRAPHOLAP_PORT", Integer.toString(port));
        try {
            Files.writeString(log(), "---- start " + starts + " on port " + port + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the server process " + command, e);
        }
        return port;
    }

    /** SIGKILL: the server gets no chance to clean up; returns once the process is gone. */
    public void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the server process " + process.pid() + " survived SIGKILL for 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        http = null;
    }

    /** The client of the running child; fails when none runs. */
    public Http http() {
        if (http == null) {
            throw new IllegalStateException("no server is running");
        }
        return http;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The running child's process id; fails when none runs. */
    public long pid() {
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException("no server is running");
        }
        return process.pid();
    }

    /** The children's combined output, every start appended. */
    public Path log() {
        return workDir.resolve("server.log");
    }

    /** The last {@code lines} lines of the log, for failure messages. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.exists(log()) ? Files.readAllLines(log(), StandardCharsets.UTF_8) : List.of();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /** The log's lines from the first that contains {@code needle} on, at most {@code lines} of them; empty when none does. */
    public String logFrom(String needle, int lines) {
        try {
            List<String> all = Files.exists(log()) ? Files.readAllLines(log(), StandardCharsets.UTF_8) : List.of();
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).contains(needle)) {
                    return String.join("\n", all.subList(i, Math.min(all.size(), i + lines)));
                }
            }
            return "";
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /** Kills the child, drops its metadata schema and deletes its files. */
    @Override
    public void close() {
        kill();
        database.cleanup().run();
        try (Stream<Path> files = Files.walk(workDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A leftover temp directory is harmless.
        }
    }

    private void awaitHealthy(URI base) {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        HttpRequest health = HttpRequest.newBuilder(base.resolve("/health")).timeout(Duration.ofSeconds(2)).GET().build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server process exited with " + process.exitValue()
                        + " before it was ready; log tail:\n" + logTail(40));
            }
            try {
                if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(100);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the server was not ready within " + START_LIMIT + "; log tail:\n" + logTail(40));
    }

    private static List<String> jvmFlags() {
        String flags = System.getProperty("grapholap.jvm.flags");
        if (flags == null || flags.isBlank()) {
            throw new IllegalStateException("system property grapholap.jvm.flags is not set: run the test through Maven "
                    + "(the it-tests surefire configuration passes the root pom's flags)");
        }
        return Arrays.stream(flags.trim().split("\\s+")).toList();
    }

    /** Surefire runs tests from a manifest-only jar; the real class path is in surefire.test.class.path. */
    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
