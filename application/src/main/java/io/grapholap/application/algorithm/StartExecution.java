package io.grapholap.application.algorithm;

import io.grapholap.application.dataplane.DataPlaneSettings;
import io.grapholap.application.graph.AlgorithmResult;
import io.grapholap.application.graph.CancellationToken;
import io.grapholap.application.graph.GraphInstance;
import io.grapholap.application.instance.LiveInstance;
import io.grapholap.application.instance.LiveInstances;
import io.grapholap.application.security.Actor;
import io.grapholap.domain.error.UnavailableException;
import io.grapholap.domain.error.ValidationException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts an algorithm run on a running instance over HTTP: the parameters are checked once against the
 * algorithm and the instance's engine, the memory estimate against the free memory, then the run takes
 * the instance's lock and goes to the executor. The request waits up to
 * {@link DataPlaneSettings#syncWait()} and answers with the finished execution, or else the running one,
 * whose id the caller polls ({@link ReadExecutions}) or cancels ({@link CancelExecution}).
 */
public final class StartExecution {

    private final LiveInstances instances;
    private final InstanceRuns runs;
    private final DataPlaneSettings settings;
    private final Executor executor;

    /**
     * @param executor runs the executions; at most one per running instance is ever queued on it
     */
    public StartExecution(LiveInstances instances, InstanceRuns runs, DataPlaneSettings settings, Executor executor) {
        this.instances = Objects.requireNonNull(instances, "instances");
        this.runs = Objects.requireNonNull(runs, "runs");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /**
     * Starts {@code command} on instance {@code instanceId} and waits up to the sync wait. Returns the
     * finished execution, or the running one. A run that failed within the wait throws its error
     * (400 for a bad vertex key, 408 past its timeout, 409 when cancelled).
     */
    public Execution start(Actor actor, long instanceId, AlgorithmCommand command) {
        Duration timeout = DataPlaneSettings.timeout(command.timeoutMs(), settings.defaultAlgorithmTimeout(),
                settings.maxAlgorithmTimeout());
        LiveInstance instance = instances.use(instanceId, actor);
        GraphInstance graph = instance.graph();
        if (command.engine() != null && !command.allowsFallback() && !command.engine().equals(graph.engine())) {
            throw new ValidationException("engine", "instance " + instanceId + " runs on the " + graph.engine()
                    + " engine, not " + command.engine() + "; ask for " + graph.engine() + " or "
                    + AlgorithmCommand.AUTO);
        }
        if (command.mode() == ExecutionMode.MUTATE) {
            actor.requireOwnerOrAdmin(instance.owner(), "the properties of instance " + instanceId);
        }
        int parallelism = graph.parallelism();
        AlgorithmRunner.Plan plan = runs.runner().plan(graph, command.algorithm(), command.params(),
                command.allowsFallback(), parallelism);
        if (command.mode() == ExecutionMode.MUTATE && !plan.params().definition().rowPerVertexOf(plan.params())) {
            throw new ValidationException("mode", "mode mutate needs one result row per vertex; " + command.algorithm()
                    + " with these parameters returns fewer");
        }
        AlgorithmExecution execution = runs.begin(actor.username(), instance, plan, command.mode(), InstanceRuns.REQUEST,
                CancellationToken.withTimeout(timeout));
        try {
            executor.execute(() -> runs.execute(instance, execution, plan, parallelism, r -> keep(command, instance, plan, r)));
        } catch (RejectedExecutionException e) {
            runs.abandon(instance, execution);
            throw new UnavailableException("SERVICE_UNAVAILABLE", "the server is shutting down; no algorithm can start",
                    Map.of());
        }
        await(execution, settings.syncWait());
        if (execution.thrown() != null) {
            throw execution.thrown();
        }
        return execution.view();
    }

    private ExecutionResult keep(AlgorithmCommand command, LiveInstance instance, AlgorithmRunner.Plan plan,
                                 AlgorithmResult r) {
        GraphInstance graph = instance.graph();
        String valueColumn = plan.params().definition().valueColumn();
        return switch (command.mode()) {
            case STREAM -> ResultSummaries.head(r, settings.maxRows());
            case STATS -> ExecutionResult.figures(r.engine(), r.rowCount(), ResultSummaries.summary(r, valueColumn));
            case MUTATE -> {
                graph.storeVertexProperty(command.mutateProperty(), r, valueColumn);
                instances.propertyStored(instance.id(), command.mutateProperty());
                yield new ExecutionResult(r.engine(), List.of(), List.of(), r.rowCount(), false,
                        r.stats(), command.mutateProperty(), r.rowCount());
            }
        };
    }

    /** Waits up to {@code wait} for {@code execution} to end; returns early when it does. */
    static void await(AlgorithmExecution execution, Duration wait) {
        try {
            execution.done.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // still running: the caller answers with the execution id
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("an execution's completion future never fails", e);
        }
    }
}
