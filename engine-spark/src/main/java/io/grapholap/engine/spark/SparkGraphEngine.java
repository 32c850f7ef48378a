package io.grapholap.engine.spark;

import io.grapholap.application.graph.CancellationToken;
import io.grapholap.application.graph.EngineInfo;
import io.grapholap.application.graph.GraphEngine;
import io.grapholap.application.graph.GraphInstance;
import io.grapholap.application.graph.LoadOptions;
import io.grapholap.application.graph.MemoryEstimate;
import io.grapholap.application.graph.ProgressListener;
import io.grapholap.application.graph.algo.BfsParams;
import io.grapholap.application.graph.algo.CdlpParams;
import io.grapholap.application.graph.algo.DegreeParams;
import io.grapholap.application.graph.algo.LccParams;
import io.grapholap.application.graph.algo.PageRankParams;
import io.grapholap.application.graph.algo.SsspParams;
import io.grapholap.application.graph.algo.TriangleCountParams;
import io.grapholap.application.graph.algo.WccParams;
import io.grapholap.domain.error.UnavailableException;
import io.grapholap.domain.error.ValidationException;
import io.grapholap.graph.csr.CsrGraph;
import io.grapholap.graph.csr.load.CsrLoader;
import io.grapholap.graph.csr.load.MemoryModel;
import io.grapholap.snapshot.arrow.SnapshotManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The Spark engine: algorithms run as Spark jobs on the configured master ({@link SparkSettings}), by a
 * driver JVM of its own ({@link SparkDriver}, started at the first load and shared by this engine's
 * instances), never inside the server's JVM. A load reads only the node files' keys here (the vertex
 * identity: sources and result rows) and has the driver's executors read and verify the snapshot's files
 * themselves and keep the arcs persisted for every later run. The memory estimate is that identity; the
 * driver's and executors' memory are the settings'. Gremlin and Cypher are not offered.
 * Without a usable driver program the engine reports itself unavailable with the reason.
 */
public final class SparkGraphEngine implements GraphEngine, AutoCloseable {

    public static final String NAME = "spark";

    /** The algorithms with a Spark job, in the registry's names. */
    public static final List<String> ALGORITHMS = List.of(PageRankParams.NAME, WccParams.NAME, CdlpParams.NAME,
            BfsParams.NAME, SsspParams.NAME, DegreeParams.NAME, LccParams.NAME, TriangleCountParams.NAME);

    private final BufferAllocator allocator;
    private final SparkSettings settings;
    private final AtomicLong graphs = new AtomicLong();
    /** Held for a whole driver command (one at a time); {@code this} guards the fields only, briefly. */
    private final Object calls = new Object();
    private SparkDriver driver;
    private String driverError;
    private boolean closed;

    public SparkGraphEngine(BufferAllocator allocator, SparkSettings settings) {
        this.allocator = Objects.requireNonNull(allocator, "allocator");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    BufferAllocator allocator() {
        return allocator;
    }

    public SparkSettings settings() {
        return settings;
    }

    /** Why the engine cannot be used now, or {@code null}. */
    public synchronized String unavailableReason() {
        String problem = settings.problem();
        return problem != null ? problem : driverError;
    }

    @Override
    public EngineInfo info() {
        String reason = unavailableReason();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("master", settings.master());
        details.put("home", settings.home().toString());
        details.put("partitions", settings.partitions());
        details.put("driver_memory", settings.driverMemory());
        details.put("executor_memory", settings.executorMemory());
        details.put("queries", "none: Gremlin and Cypher run on the cpu engine");
        synchronized (this) {
            details.put("driver", driver != null && driver.alive() ? "running, application "
                    + driver.ready().get("app") : "started at the first load");
        }
        return new EngineInfo(NAME, reason == null, reason, settings.partitions(), 0, details, ALGORITHMS, Map.of());
    }

    @Override
    public MemoryEstimate estimate(Path snapshotDir, LoadOptions options) {
        return MemoryModel.identityEstimate(SnapshotManifest.read(snapshotDir));
    }

    @Override
    public GraphInstance load(Path snapshotDir, LoadOptions options, ProgressListener progress, CancellationToken cancel) {
        String reason = settings.problem();
        if (reason != null) {
            throw unavailable(reason);
        }
        String id = "g" + graphs.incrementAndGet();
        Path dir = settings.workDir().resolve(id);
        SnapshotManifest manifest = SnapshotManifest.read(snapshotDir);
        String weight = options.weightProperty();
        if (weight != null && manifest.edges().stream().noneMatch(e -> e.properties().stream()
                .anyMatch(p -> p.name().equals(weight)))) {
            throw new ValidationException("weight", "no edge type has a property named '" + weight + "'");
        }
        if (weight != null) {
            SparkGraphInstance.weightColumns(manifest, weight);
        }
        CsrGraph identity = new CsrLoader(allocator, progress, cancel).loadIdentity(snapshotDir, options);
        SparkGraphInstance instance = new SparkGraphInstance(identity, manifest, snapshotDir, options, this, id, dir);
        try {
            instance.handOver(progress, cancel);
            return instance;
        } catch (RuntimeException e) {
            instance.close();
            throw e;
        }
    }

    /**
     * Sends {@code command} for {@code instance}'s graph to the driver (started, or restarted after it
     * died, on demand), loading the graph there first when the driver does not hold it; {@code sent} runs
     * once the command is on its way.
     */
    Map<String, String> call(SparkGraphInstance instance, String command, CancellationToken cancel, String what,
                             Runnable sent) {
        synchronized (calls) {
            SparkDriver d = driver();
            loadIfNeeded(d, instance, cancel);
            return d.call(command, cancel, what, sent);
        }
    }

    /** Has the driver load {@code instance}'s graph unless it holds it; the driver's answer, or none. */
    Map<String, String> ensureLoaded(SparkGraphInstance instance, CancellationToken cancel) {
        synchronized (calls) {
            return loadIfNeeded(driver(), instance, cancel);
        }
    }

    private static Map<String, String> loadIfNeeded(SparkDriver d, SparkGraphInstance instance, CancellationToken cancel) {
        if (d.holds(instance.id())) {
            return Map.of();
        }
        Map<String, String> answer = d.call(instance.loadCommand(), cancel, "loading the graph into Spark");
        d.loaded(instance.id(), true);
        return answer;
    }

    /** Drops {@code instance}'s graph from the driver, when it holds it. */
    void drop(SparkGraphInstance instance) {
        synchronized (calls) {
            SparkDriver d;
            synchronized (this) {
                d = driver;
            }
            if (d != null && d.alive() && d.holds(instance.id())) {
                d.loaded(instance.id(), false);
                try {
                    d.call("drop\t" + instance.id(), CancellationToken.create(), "dropping a graph");
                } catch (RuntimeException e) {
                    // the driver is going away; its graphs go with it
                }
            }
        }
    }

    /**
     * The running driver, started (again) when there is none; called with {@code calls} held, so at most one
     * start at a time, and without holding {@code this} while the driver starts, so {@link #info()} answers
     * meanwhile.
     */
    private SparkDriver driver() {
        SparkDriver d;
        synchronized (this) {
            if (closed) {
                throw unavailable("the engine is closed");
            }
            d = driver;
            driver = d != null && d.alive() ? d : null;
        }
        if (d != null && d.alive()) {
            return d;
        }
        if (d != null) {
            d.close();
        }
        SparkDriver started;
        try {
            started = SparkDriver.start(settings);
        } catch (UnavailableException e) {
            synchronized (this) {
                driverError = e.getMessage();
            }
            throw e;
        }
        synchronized (this) {
            if (!closed) {
                driver = started;
                driverError = null;
                return started;
            }
        }
        started.close();
        throw unavailable("the engine is closed");
    }

    /** The driver JVM now running, if any. */
    synchronized java.util.Optional<ProcessHandle> driverProcess() {
        return driver != null && driver.alive() ? java.util.Optional.of(driver.handle()) : java.util.Optional.empty();
    }

    static UnavailableException unavailable(String reason) {
        return new UnavailableException("ENGINE_UNAVAILABLE", "Spark engine unavailable: " + reason,
                Map.of("engine", NAME, "reason", reason));
    }

    /**
     * Stops the driver (and with it the Spark application) and removes the graphs' files from the work
     * directory; the driver's log stays there.
     */
    @Override
    public synchronized void close() {
        closed = true;
        if (driver != null) {
            driver.close();
            driver = null;
        }
        for (long g = 1; g <= graphs.get(); g++) {
            deleteTree(settings.workDir().resolve("g" + g));
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove " + dir, e);
        }
    }
}
