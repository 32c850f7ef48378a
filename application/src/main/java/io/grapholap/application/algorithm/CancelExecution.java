package io.grapholap.application.algorithm;

import io.grapholap.application.security.Actor;
import java.time.Duration;
import java.util.Objects;

/** Asks a running execution to stop (its starter or an admin) and waits briefly for it to notice. */
public final class CancelExecution {

    /** How long a cancel waits for the run to notice before answering. */
    private static final Duration CANCEL_WAIT = Duration.ofSeconds(2);

    private final Executions executions;

    public CancelExecution(Executions executions) {
        this.executions = Objects.requireNonNull(executions, "executions");
    }

    public Execution cancel(Actor actor, long instanceId, String executionId) {
        AlgorithmExecution execution = executions.find(actor, instanceId, executionId);
        if (execution.view().status() == ExecutionStatus.RUNNING) {
            execution.token.cancel("cancelled by " + actor.username());
            StartExecution.await(execution, CANCEL_WAIT);
        }
        return execution.view();
    }
}
