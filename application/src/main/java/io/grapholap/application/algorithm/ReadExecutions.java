package io.grapholap.application.algorithm;

import io.grapholap.application.instance.LiveInstance;
import io.grapholap.application.instance.LiveInstances;
import io.grapholap.application.security.Actor;
import io.grapholap.domain.error.ConflictException;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** Reads executions (their starter or an admin) and the algorithm lock of a running instance. */
public final class ReadExecutions {

    /** The algorithm lock of an instance: free, or held by a user's running execution since a time. */
    public record LockStatus(long instanceId, boolean locked, String holderId, String holderName, String algorithm,
                             String executionId, Instant lockedAt) {
    }

    private final LiveInstances instances;
    private final Executions executions;

    public ReadExecutions(LiveInstances instances, Executions executions) {
        this.instances = Objects.requireNonNull(instances, "instances");
        this.executions = Objects.requireNonNull(executions, "executions");
    }

    /** The execution {@code executionId} of instance {@code instanceId}, with its result once completed. */
    public Execution get(Actor actor, long instanceId, String executionId) {
        return executions.find(actor, instanceId, executionId).view();
    }

    /**
     * The result of a completed execution.
     *
     * @throws ConflictException {@code INVALID_STATE} while it runs; a failed or cancelled one throws its error
     */
    public Execution result(Actor actor, long instanceId, String executionId) {
        AlgorithmExecution execution = executions.find(actor, instanceId, executionId);
        Execution view = execution.view();
        if (view.status() == ExecutionStatus.RUNNING) {
            throw ConflictException.invalidState("execution " + executionId + " is still running",
                    Map.of("execution_id", executionId, "status", view.status().wireName()));
        }
        if (execution.thrown() != null) {
            throw execution.thrown();
        }
        return view;
    }

    /** The algorithm lock of a running instance. */
    public LockStatus lock(Actor actor, long instanceId) {
        LiveInstance instance = instances.use(instanceId, actor);
        return instance.lockHolder()
                .map(h -> new LockStatus(instanceId, true, h.user(), h.user(), h.algorithm(), h.executionId(), h.since()))
                .orElse(new LockStatus(instanceId, false, null, null, null, null, null));
    }
}
