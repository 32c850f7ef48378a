package io.grapholap.application.algorithm;

import io.grapholap.application.graph.CancellationToken;
import io.grapholap.application.instance.LiveInstance;
import io.grapholap.domain.error.DomainException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One execution's mutable state: written by the thread that runs it, read through {@link #view()}.
 * {@link #done} completes once the run has ended and the instance's lock is free again.
 */
final class AlgorithmExecution {

    final long instanceId;
    final String algorithm;
    final ExecutionMode mode;
    final String origin;
    final LiveInstance.LockHolder holder;
    final String instanceEngine;
    final CancellationToken token;
    final CompletableFuture<Void> done = new CompletableFuture<>();
    private volatile String phase = "queued";
    private volatile double progress;
    private volatile ExecutionStatus status = ExecutionStatus.RUNNING;
    private volatile ExecutionResult result;
    private volatile RuntimeException thrown;
    private volatile Instant finishedAt;

    AlgorithmExecution(long instanceId, ExecutionMode mode, String origin, LiveInstance.LockHolder holder,
                       String instanceEngine, CancellationToken token) {
        this.instanceId = instanceId;
        this.algorithm = holder.algorithm();
        this.mode = mode;
        this.origin = origin;
        this.holder = holder;
        this.instanceEngine = instanceEngine;
        this.token = token;
    }

    String id() {
        return holder.executionId();
    }

    String user() {
        return holder.user();
    }

    Instant startedAt() {
        return holder.since();
    }

    void progress(String phase, double fraction, String message) {
        this.phase = phase;
        this.progress = Math.max(0, Math.min(1, fraction));
    }

    boolean finished() {
        return finishedAt != null;
    }

    Instant finishedAt() {
        return finishedAt;
    }

    /** The error the run ended with, or {@code null}. */
    RuntimeException thrown() {
        return thrown;
    }

    void finish(ExecutionStatus status, ExecutionResult result, RuntimeException thrown, Instant at) {
        this.result = result;
        this.thrown = thrown;
        this.phase = status.wireName();
        if (status == ExecutionStatus.COMPLETED) {
            this.progress = 1;
        }
        this.status = status;
        this.finishedAt = at;
    }

    Execution view() {
        ExecutionStatus s = status;
        ExecutionResult r = result;
        RuntimeException t = thrown;
        Execution.Failure failure = null;
        if (t instanceof DomainException d) {
            failure = new Execution.Failure(d.code(), d.getMessage(), d.details());
        } else if (t != null) {
            failure = new Execution.Failure("INTERNAL_ERROR", "the algorithm failed: " + t, Map.of());
        }
        return new Execution(id(), instanceId, algorithm, mode, user(), s, startedAt(), finishedAt,
                r == null ? instanceEngine : r.engine(), phase, progress, origin, r, failure);
    }
}
