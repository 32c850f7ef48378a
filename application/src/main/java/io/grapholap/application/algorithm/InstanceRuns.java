package io.grapholap.application.algorithm;

import io.grapholap.application.graph.AlgorithmResult;
import io.grapholap.application.graph.CancellationToken;
import io.grapholap.application.graph.ExecutionContext;
import io.grapholap.application.instance.LiveInstance;
import io.grapholap.domain.error.CancelledException;
import io.grapholap.domain.error.ConflictException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * Algorithm runs on running instances, whoever starts them: each takes the instance's algorithm lock
 * (a second start while one runs is a 409 {@code RESOURCE_LOCKED} whose details name the holder:
 * user, algorithm, execution id, since), is recorded in {@link Executions}, and frees the lock before
 * its record says it ended, so a client may start the next run at once. HTTP starts run on an executor
 * ({@link StartExecution}); UDF code runs on its own guest thread through {@link #runFromFunction}.
 */
public final class InstanceRuns {

    /** The {@link Execution#origin()} of runs started over HTTP. */
    public static final String REQUEST = "request";
    /** The {@link Execution#origin()} of runs started by UDF code. */
    public static final String FUNCTION = "function";

    /** Origin of a run that a query called ({@code CALL grapholap.<algorithm>} in Cypher). */
    public static final String QUERY = "query";

    private final AlgorithmRunner runner;
    private final Executions executions;

    public InstanceRuns(AlgorithmRunner runner, Executions executions) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.executions = Objects.requireNonNull(executions, "executions");
    }

    AlgorithmRunner runner() {
        return runner;
    }

    /**
     * Runs {@code algorithm} with raw {@code params} on a running instance from UDF code, on the
     * calling thread, holding the instance's lock and leaving an execution of origin
     * {@code function} that keeps the algorithm's figures. No fallback to another engine. The result's
     * stats carry the {@code execution_id}.
     */
    public AlgorithmResult runFromFunction(String user, LiveInstance instance, String algorithm, Map<String, ?> params,
                                           CancellationToken cancel, int parallelism) {
        return runInline(user, instance, algorithm, params, cancel, parallelism, FUNCTION);
    }

    /**
     * {@link #runFromFunction}'s run for any caller that runs the algorithm on its own thread, leaving an
     * execution of origin {@code origin} ({@link #FUNCTION}, {@link #QUERY}).
     */
    public AlgorithmResult runInline(String user, LiveInstance instance, String algorithm, Map<String, ?> params,
                                     CancellationToken cancel, int parallelism, String origin) {
        AlgorithmRunner.Plan plan = runner.plan(instance.graph(), algorithm, params, false, parallelism);
        AlgorithmExecution execution = begin(user, instance, plan, ExecutionMode.STATS, origin, cancel);
        AlgorithmResult[] produced = new AlgorithmResult[1];
        execute(instance, execution, plan, parallelism, r -> {
            produced[0] = r;
            return ExecutionResult.figures(r.engine(), r.rowCount(), r.stats());
        });
        if (execution.thrown() != null) {
            throw execution.thrown();
        }
        AlgorithmResult r = produced[0];
        Map<String, Object> stats = new LinkedHashMap<>(r.stats());
        stats.put("execution_id", execution.id());
        return new AlgorithmResult(r.algorithm(), r.engine(), r.columns(), r.data(), stats);
    }

    /** Takes the instance's lock for a new execution of {@code plan} and records it. */
    AlgorithmExecution begin(String user, LiveInstance instance, AlgorithmRunner.Plan plan, ExecutionMode mode,
                             String origin, CancellationToken token) {
        LiveInstance.LockHolder holder = new LiveInstance.LockHolder(user, plan.algorithm(), UUID.randomUUID().toString(),
                executions.now());
        instance.tryLock(holder).ifPresent(other -> {
            throw locked(instance.id(), other);
        });
        AlgorithmExecution execution = new AlgorithmExecution(instance.id(), mode, origin, holder, plan.engine(), token);
        try {
            executions.add(execution);
        } catch (RuntimeException e) {
            instance.unlock(holder);
            throw e;
        }
        return execution;
    }

    /** Undoes {@link #begin} for a run that never started. */
    void abandon(LiveInstance instance, AlgorithmExecution execution) {
        executions.remove(execution);
        instance.unlock(execution.holder);
    }

    /**
     * Runs {@code plan} and ends {@code execution} with what {@code keep} makes of the result, or with
     * the error; never throws a run's exception (it is on the execution).
     */
    void execute(LiveInstance instance, AlgorithmExecution execution, AlgorithmRunner.Plan plan, int parallelism,
                 Function<AlgorithmResult, ExecutionResult> keep) {
        ExecutionResult kept = null;
        RuntimeException thrown = null;
        ExecutionStatus status = ExecutionStatus.FAILED;
        try {
            ExecutionContext ctx = new ExecutionContext(execution.token, execution::progress, parallelism);
            kept = keep.apply(runner.run(instance.graph(), plan, ctx));
            status = ExecutionStatus.COMPLETED;
        } catch (CancelledException e) {
            thrown = e;
            status = ExecutionStatus.CANCELLED;
        } catch (RuntimeException e) {
            thrown = e;
        } catch (Error e) {
            thrown = new IllegalStateException("the algorithm failed: " + e, e);
            throw e;
        } finally {
            instance.unlock(execution.holder);
            execution.finish(status, kept, thrown, executions.now());
            execution.done.complete(null);
        }
    }

    private static ConflictException locked(long instanceId, LiveInstance.LockHolder holder) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("instance_id", instanceId);
        details.put("holder_id", holder.user());
        details.put("holder_name", holder.user());
        details.put("algorithm", holder.algorithm());
        details.put("execution_id", holder.executionId());
        details.put("locked_at", holder.since().toString());
        return new ConflictException("RESOURCE_LOCKED", "instance " + instanceId + " is running " + holder.algorithm()
                + " for " + holder.user() + " (execution " + holder.executionId() + "); one algorithm runs at a time",
                details);
    }
}
