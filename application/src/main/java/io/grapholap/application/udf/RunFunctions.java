package io.grapholap.application.udf;

import io.grapholap.application.algorithm.AlgorithmRunner;
import io.grapholap.application.algorithm.InstanceRuns;
import io.grapholap.application.dataset.DatasetCatalog;
import io.grapholap.application.function.EntryPoint;
import io.grapholap.application.function.FunctionRuntime;
import io.grapholap.application.function.Invocation;
import io.grapholap.application.function.Language;
import io.grapholap.application.function.LibrarySource;
import io.grapholap.application.function.RunLimits;
import io.grapholap.application.graph.GraphEngine;
import io.grapholap.application.graph.GraphInstance;
import io.grapholap.application.graph.snapshot.SnapshotWriterFactory;
import io.grapholap.application.instance.LiveInstances;
import io.grapholap.application.security.Actor;
import io.grapholap.domain.error.ConflictException;
import io.grapholap.domain.error.NotFoundException;
import io.grapholap.domain.error.OperationTimeoutException;
import io.grapholap.domain.error.PermissionDeniedException;
import io.grapholap.domain.error.ValidationException;
import io.grapholap.domain.udf.FunctionEngine;
import io.grapholap.domain.udf.UserFunction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs saved UDFs. {@link #run} is the run route ({@code /api/v2/o/{org}/run}): the graph comes from the dataset in
 * the URL, else the function's {@code load_dataset}, else its {@code load_data} code
 * ({@code task(load_data_args)} returning a graph or {@code {nodes, edges}} lists); then
 * {@code execute}'s {@code task(g, execute_args)} runs on it and its value is shaped by
 * {@code output_type} and {@code format}. {@link #runEndpoint} runs a function as a custom endpoint
 * ({@code task(request, user, session)}); {@link #find} gives a function's declared parameters to the
 * REST++ routes. Every run: caller in the organisation with the runner (or editor) permission, the
 * function enabled, libraries it imports resolved fresh, a wall-clock timeout (the function's two
 * phases share it) and an output limit, both capped by {@link RunSettings}; the run itself (dataset
 * load and guest code) happens on a guest thread of {@link RunSlots}, never on the caller's. Thread-safe.
 */
public final class RunFunctions implements AutoCloseable {

    private final FunctionRepository functions;
    private final FunctionRuntime runtime;
    private final LibrarySource libraries;
    private final DatasetCatalog datasets;
    private final LiveInstances instances;
    private final FunctionEngines engines;
    private final OrganizationSettingsRepository organizations;
    private final RunSettings settings;
    private final LoadedDatasets cache;
    private final GraphBuilder builder;
    private final OutputShaper shaper;
    private final RunSlots slots;
    private final InstanceRuns runs;
    private final AlgorithmRunner runner;

    /**
     * @param runs   algorithm runs on running instances (their lock, execution records)
     * @param runner algorithm runs on the graphs a function loads or builds
     * @param organizations the organisations' switches: who may run their UDFs
     */
    public RunFunctions(FunctionRepository functions, FunctionRuntime runtime, LibrarySource libraries, DatasetCatalog datasets,
                        LiveInstances instances, FunctionEngines engines, SnapshotWriterFactory writers,
                        Map<io.grapholap.domain.udf.OutputFormat, TableEncoder> encoders, JsonWriter json, RunSettings settings,
                        RunSlots slots, InstanceRuns runs, AlgorithmRunner runner, OrganizationSettingsRepository organizations) {
        this.organizations = organizations;
        this.runs = runs;
        this.runner = runner;
        this.functions = functions;
        this.runtime = runtime;
        this.libraries = libraries;
        this.datasets = datasets;
        this.instances = instances;
        this.engines = engines;
        this.settings = settings;
        this.cache = new LoadedDatasets(settings.cachedDatasets(), settings.memoryBudgetBytes());
        this.builder = new GraphBuilder(writers, settings.workDir(), settings.maxBuiltRows());
        this.shaper = new OutputShaper(encoders, json);
        this.slots = slots;
    }

    /**
     * One run request. {@code datasetId} is the dataset of the URL (or null); {@code engine} overrides
     * the function's engine for this run (null keeps it); {@code timeout} and {@code maxOutputBytes}
     * lower the defaults (null keeps them; above the maximum is a 400).
     */
    public record RunRequest(String organization, String language, String uuidOrAlias, String datasetId,
                             Map<String, Object> loadDataArgs, Map<String, Object> executeArgs, String engine,
                             Duration timeout, Long maxOutputBytes) {
        public RunRequest {
            loadDataArgs = loadDataArgs == null ? Map.of() : loadDataArgs;
            executeArgs = executeArgs == null ? Map.of() : executeArgs;
        }
    }

    public RunResult run(Actor actor, RunRequest request) {
        Language language = Language.parse(request.language(), "language");
        UserFunction f = runnable(actor, request.organization(), request.uuidOrAlias());
        if (!f.type().equals(language.wireName())) {
            throw new NotFoundException("function", request.uuidOrAlias());
        }
        RunLimits limits = limits(request.timeout(), request.maxOutputBytes());
        long deadline = System.nanoTime() + limits.timeout().toNanos();
        return slots.run(actor.username(), f.organization(), deadline, limits.timeout(),
                () -> runHere(actor, request, f, language, limits, deadline));
    }

    private RunResult runHere(Actor actor, RunRequest request, UserFunction f, Language language, RunLimits limits, long deadline) {
        GraphEngine engine = engines.pick(request.engine() == null ? f.engine() : FunctionEngine.parse(request.engine(), "engine"));
        Map<String, String> libs = libraries(language, f);
        String datasetId = request.datasetId() != null ? request.datasetId() : f.loadDataset();
        try (HostSession session = new HostSession(actor, engine, datasets, instances, cache, builder, runs, runner)) {
            GraphInstance graph;
            if (datasetId != null) {
                graph = session.loadDataset(datasetId);
            } else if (f.loadData() != null) {
                Object loaded = runtime.run(new Invocation(language, f.loadData(), EntryPoint.LOAD_DATA,
                        List.of(request.loadDataArgs()), libs, session, remaining(limits, deadline)));
                graph = graphOf(loaded, session);
            } else {
                throw new ValidationException("load_dataset", "function " + f.name()
                        + " has no load_dataset or load_data; run it with a dataset in the URL (/dataset/{dataset_id})");
            }
            Object value = runtime.run(new Invocation(language, f.execute(), EntryPoint.EXECUTE,
                    List.of(graph, request.executeArgs()), libs, session, remaining(limits, deadline)));
            String ran = value instanceof GraphInstance g ? g.engine() : graph.engine();
            return shaper.shape(value, f.outputType(), f.format(), ran, limits.maxOutputBytes());
        }
    }

    /**
     * Runs {@code function} (uuid or alias in {@code organization}, either language) as a custom
     * endpoint: {@code task(request, user, session)} with the session on the function's engine.
     * Returns the plain value {@code task} returned (a returned graph is answered by its shape).
     */
    public Object runEndpoint(Actor actor, String organization, String function, Map<String, Object> request,
                              Map<String, Object> user, Duration timeout) {
        UserFunction f = runnable(actor, organization, function);
        Language language = Language.parse(f.type(), "language");
        RunLimits limits = limits(timeout, null);
        return slots.run(actor.username(), f.organization(), System.nanoTime() + limits.timeout().toNanos(), limits.timeout(),
                () -> runEndpointHere(actor, f, language, limits, request, user));
    }

    private Object runEndpointHere(Actor actor, UserFunction f, Language language, RunLimits limits, Map<String, Object> request,
                                   Map<String, Object> user) {
        GraphEngine engine = engines.pick(f.engine());
        try (HostSession session = new HostSession(actor, engine, datasets, instances, cache, builder, runs, runner)) {
            Object value = runtime.run(new Invocation(language, f.execute(), EntryPoint.ENDPOINT,
                    List.of(request == null ? Map.of() : request, user == null ? Map.of() : user, session),
                    libraries(language, f), session, limits));
            return shaper.shape(value, value instanceof GraphInstance ? io.grapholap.domain.udf.OutputType.SHAPE
                    : io.grapholap.domain.udf.OutputType.JSON, io.grapholap.domain.udf.OutputFormat.JSON, engine.info().name(),
                    limits.maxOutputBytes()).value();
        }
    }

    /**
     * The function {@code uuidOrAlias} of {@code organization} (either language) as the caller may run
     * it: its declared {@code parameters}, language and settings.
     */
    public UserFunction find(Actor actor, String organization, String uuidOrAlias) {
        FunctionAccess.requireMember(actor, organization);
        UserFunction f = functions.find(organization, uuidOrAlias).orElseThrow(() -> new NotFoundException("function", uuidOrAlias));
        FunctionAccess.requireRunner(actor, f);
        return f;
    }

    /** The output formats runs can be answered in (JSON and CSV always; Parquet and Arrow when an encoder is wired). */
    public Set<io.grapholap.domain.udf.OutputFormat> formats() {
        Set<io.grapholap.domain.udf.OutputFormat> out = new LinkedHashSet<>();
        for (io.grapholap.domain.udf.OutputFormat f : io.grapholap.domain.udf.OutputFormat.values()) {
            if (shaper.supports(f)) {
                out.add(f);
            }
        }
        return out;
    }

    /** The settings runs are bounded by (defaults and maxima). */
    public RunSettings settings() {
        return settings;
    }

    private UserFunction runnable(Actor actor, String organization, String uuidOrAlias) {
        UserFunction f = find(actor, organization, uuidOrAlias);
        if (!f.enabled()) {
            throw ConflictException.invalidState("function " + f.name() + " is disabled; an editor enables it with is_enabled",
                    Map.of("function", f.name(), "is_enabled", false));
        }
        String refusal = organizations.find(f.organization()).executionRefusal(f.type(), actor.username());
        if (refusal != null) {
            throw new PermissionDeniedException(refusal);
        }
        return f;
    }

    private RunLimits limits(Duration timeout, Long maxOutputBytes) {
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new ValidationException("timeout", "the timeout must be positive, got " + timeout.toMillis() + " ms");
        }
        if (timeout != null && timeout.compareTo(settings.maxTimeout()) > 0) {
            throw new ValidationException("timeout", "the timeout may be at most " + settings.maxTimeout().toMillis() + " ms, got "
                    + timeout.toMillis());
        }
        if (maxOutputBytes != null && (maxOutputBytes < 1 || maxOutputBytes > settings.maxOutputBytes())) {
            throw new ValidationException("output_limit", "the output limit must be between 1 and " + settings.maxOutputBytes()
                    + " bytes, got " + maxOutputBytes);
        }
        return new RunLimits(timeout == null ? settings.defaultTimeout() : timeout,
                maxOutputBytes == null ? settings.defaultOutputBytes() : maxOutputBytes);
    }

    private static RunLimits remaining(RunLimits limits, long deadline) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new OperationTimeoutException("the function run", limits.timeout());
        }
        return new RunLimits(Duration.ofNanos(left), limits.maxOutputBytes());
    }

    /** Sources of the libraries the code imports (found when it was saved), read fresh at each run. */
    private Map<String, String> libraries(Language language, UserFunction f) {
        Set<String> names = functions.imports(f.uuid());
        return names.isEmpty() ? Map.of() : libraries.sources(language, f.organization(), names);
    }

    @SuppressWarnings("unchecked")
    private static GraphInstance graphOf(Object loaded, HostSession session) {
        if (loaded instanceof GraphInstance graph) {
            return graph;
        }
        if (loaded instanceof Map<?, ?> m && (m.containsKey("nodes") || m.containsKey("edges"))) {
            return session.buildGraph(records(m.get("nodes"), "nodes"), records(m.get("edges"), "edges"));
        }
        throw new ValidationException("load_data", "load_data's task must return a graph or {nodes: [...], edges: [...]}");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> records(Object value, String field) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new ValidationException("load_data", field + " must be a list of objects");
        }
        List<Map<String, Object>> out = new ArrayList<>(list.size());
        for (Object e : list) {
            if (!(e instanceof Map<?, ?> m)) {
                throw new ValidationException("load_data", field + " must be a list of objects");
            }
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put(String.valueOf(k), v));
            out.add(copy);
        }
        return out;
    }

    /** Closes the kept datasets. */
    @Override
    public void close() {
        cache.close();
    }
}
