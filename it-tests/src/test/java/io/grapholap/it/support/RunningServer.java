package io.grapholap.it.support;

import io.grapholap.server.GraphOlapServer;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real GraphOLAP server for a test class: started through the same entry point as
 * {@code ./grapholap serve}, on a random port, with its own data directory and metadata database,
 * and reached over real HTTP.
 */
public final class RunningServer implements AutoCloseable {

    public static final String ADMIN_PASSWORD = "admin-secret-for-tests";

    private final EmbeddedServer server;
    private final Path dataDir;
    private final MetadataDatabase.Provisioned database;
    private final Http http;
    private final Map<String, String> environment;
    private final Map<String, Object> properties;

    private RunningServer(EmbeddedServer server, Path dataDir, MetadataDatabase.Provisioned database,
                          Map<String, String> environment, Map<String, Object> properties) {
        this.server = server;
        this.dataDir = dataDir;
        this.database = database;
        this.http = new Http(server.getURI());
        this.environment = environment;
        this.properties = properties;
    }

    public static RunningServer start(MetadataDatabase db) {
        return start(db, Map.of(), Map.of());
    }

    /** Starts a server; {@code environment} adds GRAPHOLAP_* variables, {@code properties} overrides. */
    public static RunningServer start(MetadataDatabase db, Map<String, String> environment, Map<String, Object> properties) {
        try {
            Path dataDir = Files.createTempDirectory("grapholap-it-");
            MetadataDatabase.Provisioned provisioned = db.provision();
            Map<String, String> env = new HashMap<>();
            env.put("GRAPHOLAP_DATA_DIR", dataDir.toString());
            env.put("GRAPHOLAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
            env.putAll(provisioned.environment());
            env.putAll(environment);
            Map<String, Object> props = new HashMap<>();
            props.put("micronaut.server.port", -1);
            // The servers of one test JVM share its JIT: warming each one's UDF runtime only burns CPU.
            props.put("grapholap.udf.runtime.js-warm-up-runs", 0);
            props.put("grapholap.udf.runtime.python-warm-up-runs", 0);
            // A stuck in-process server must fail its test, not halt the test JVM with the other tests in it.
            props.put("grapholap.liveness.exit-after", "PT0S");
            props.putAll(properties);
            EmbeddedServer server = GraphOlapServer.start(env, props);
            return new RunningServer(server, dataDir, provisioned, env, props);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stops this server without cleaning anything up and starts a new one on the same data
     * directory and metadata database, as after a crash and restart; {@code overrides} replace
     * properties for the new one. Close only the returned server.
     */
    public RunningServer restart(Map<String, Object> overrides) {
        server.getApplicationContext().close();
        Map<String, Object> props = new HashMap<>(properties);
        props.putAll(overrides);
        return new RunningServer(GraphOlapServer.start(environment, props), dataDir, database, environment, props);
    }

    public Http http() {
        return http;
    }

    public Path dataDir() {
        return dataDir;
    }

    public <T> T bean(Class<T> type) {
        return server.getApplicationContext().getBean(type);
    }

    /** The bean of {@code type} named {@code name} (an engine by its name, for one). */
    public <T> T bean(Class<T> type, String name) {
        return server.getApplicationContext().getBean(type, Qualifiers.byName(name));
    }

    @Override
    public void close() {
        server.getApplicationContext().close();
        database.cleanup().run();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A leftover temp directory is harmless.
        }
    }
}
