package io.grapholap.application.algorithm;

import io.grapholap.application.graph.AlgorithmCalls;
import io.grapholap.application.graph.AlgorithmResult;
import io.grapholap.application.graph.CancellationToken;
import io.grapholap.application.instance.LiveInstance;
import java.util.Map;
import java.util.Objects;

/**
 * The algorithms a query on a running instance calls, for one user: each call is a run through
 * {@link InstanceRuns} (the catalog's checks, the memory admission, the instance's lock, an execution of
 * origin {@link InstanceRuns#QUERY}) on the query's own thread, with the instance's parallelism.
 */
public final class QueryAlgorithmCalls implements AlgorithmCalls {

    private final InstanceRuns runs;
    private final String user;
    private final LiveInstance instance;

    public QueryAlgorithmCalls(InstanceRuns runs, String user, LiveInstance instance) {
        this.runs = Objects.requireNonNull(runs, "runs");
        this.user = Objects.requireNonNull(user, "user");
        this.instance = Objects.requireNonNull(instance, "instance");
    }

    @Override
    public AlgorithmResult call(String algorithm, Map<String, Object> params, CancellationToken cancel) {
        columns(algorithm);
        return runs.runInline(user, instance, algorithm, params, cancel, instance.graph().parallelism(), InstanceRuns.QUERY);
    }
}
