package io.grapholap.application.algorithm;

import java.time.Instant;
import java.util.Map;

/**
 * One execution as callers see it; {@code result} once completed, {@code error} once failed or
 * cancelled. {@code origin} says who started it: {@code request} (the HTTP API) or {@code function}
 * (UDF code).
 */
public record Execution(String executionId, long instanceId, String algorithm, ExecutionMode mode, String user,
                        ExecutionStatus status, Instant startedAt, Instant finishedAt, String engine, String phase,
                        double progress, String origin, ExecutionResult result, Failure error) {

    /** Why a run did not complete: the error code, message and details it failed with. */
    public record Failure(String code, String message, Map<String, Object> details) {
    }
}
