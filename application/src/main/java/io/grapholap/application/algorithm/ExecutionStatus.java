package io.grapholap.application.algorithm;

import java.util.Locale;

/** Where an execution is: running, or ended completed, failed or cancelled. */
public enum ExecutionStatus {
    RUNNING, COMPLETED, FAILED, CANCELLED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
