package io.grapholap.application.udf;

import io.grapholap.application.algorithm.AlgorithmRunner;
import io.grapholap.application.algorithm.InstanceRuns;
import io.grapholap.application.dataset.DatasetCatalog;
import io.grapholap.application.dataset.DatasetRef;
import io.grapholap.application.function.FunctionSession;
import io.grapholap.application.graph.AlgorithmResult;
import io.grapholap.application.graph.CancellationToken;
import io.grapholap.application.graph.ExecutionContext;
import io.grapholap.application.graph.GraphEngine;
import io.grapholap.application.graph.GraphInstance;
import io.grapholap.application.graph.LoadOptions;
import io.grapholap.application.graph.ProgressListener;
import io.grapholap.application.instance.LiveInstance;
import io.grapholap.application.instance.LiveInstances;
import io.grapholap.application.security.Actor;
import io.grapholap.domain.error.ValidationException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The host side of {@code session} for one run, on behalf of the calling user: the datasets and
 * running instances that user may use, datasets loaded on the run's engine (through the shared
 * {@link LoadedDatasets} cache) and small graphs built from lists. Everything it hands out stays its
 * own: {@link #close()} releases the datasets and closes the built graphs when the run ends. At most
 * {@link #MAX_GRAPHS} graphs per run.
 */
final class HostSession implements FunctionSession, AutoCloseable {

    static final int MAX_GRAPHS = 8;
    private static final int MAX_LISTED = 100;

    private final Actor actor;
    private final GraphEngine engine;
    private final String engineName;
    private final DatasetCatalog datasets;
    private final LiveInstances instances;
    private final LoadedDatasets cache;
    private final GraphBuilder builder;
    private final List<LoadedDatasets.Lease> leases = new ArrayList<>();
    private final List<GraphInstance> built = new ArrayList<>();
    private final Map<GraphInstance, LiveInstance> running = new IdentityHashMap<>();
    private final InstanceRuns runs;
    private final AlgorithmRunner runner;

    HostSession(Actor actor, GraphEngine engine, DatasetCatalog datasets, LiveInstances instances, LoadedDatasets cache,
                GraphBuilder builder, InstanceRuns runs, AlgorithmRunner runner) {
        this.actor = actor;
        this.runs = runs;
        this.runner = runner;
        this.engine = engine;
        this.engineName = engine.info().name();
        this.datasets = datasets;
        this.instances = instances;
        this.cache = cache;
        this.builder = builder;
    }

    @Override
    public List<Map<String, Object>> datasets() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (DatasetRef ref : datasets.list(actor, MAX_LISTED)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", ref.id());
            m.put("version", ref.version());
            out.add(m);
        }
        return out;
    }

    @Override
    public List<Map<String, Object>> instances() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (LiveInstance live : instances.list(actor, MAX_LISTED)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", live.id());
            m.put("owner", live.owner());
            m.put("engine", live.engine());
            out.add(m);
        }
        return out;
    }

    @Override
    public synchronized GraphInstance loadDataset(String datasetId) {
        if (datasetId == null || datasetId.isBlank()) {
            throw new ValidationException("dataset_id", "a dataset id is required");
        }
        roomForOneMore();
        DatasetRef ref = datasets.resolve(datasetId, actor);
        LoadedDatasets.Lease lease = cache.acquire(engine, engineName, ref, LoadOptions.defaults());
        leases.add(lease);
        return lease.graph();
    }

    @Override
    public GraphInstance instance(long instanceId) {
        LiveInstance live = instances.use(instanceId, actor);
        synchronized (this) {
            running.put(live.graph(), live);
        }
        return live.graph();
    }

    /**
     * On a running instance through {@link InstanceRuns} (its lock, an execution record); on a graph
     * this run loaded or built, directly. Threads: at most the graph's own, and at most the processors.
     */
    @Override
    public AlgorithmResult runAlgorithm(GraphInstance graph, String algorithm, Map<String, Object> params,
                                        CancellationToken cancel) {
        int parallelism = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), graph.parallelism()));
        LiveInstance live;
        synchronized (this) {
            live = running.get(graph);
        }
        if (live != null) {
            return runs.runFromFunction(actor.username(), live, algorithm, params, cancel, parallelism);
        }
        return runner.run(graph, algorithm, params, false, new ExecutionContext(cancel, ProgressListener.NONE, parallelism));
    }

    @Override
    public synchronized GraphInstance buildGraph(List<Map<String, Object>> nodes, List<Map<String, Object>> edges) {
        roomForOneMore();
        GraphInstance graph = builder.build(engine, nodes, edges);
        built.add(graph);
        return graph;
    }

    private void roomForOneMore() {
        if (leases.size() + built.size() >= MAX_GRAPHS) {
            throw new ValidationException("session", "one run may load or build at most " + MAX_GRAPHS + " graphs");
        }
    }

    @Override
    public synchronized void close() {
        leases.forEach(LoadedDatasets.Lease::close);
        leases.clear();
        built.forEach(GraphInstance::close);
        built.clear();
    }
}
