package io.grapholap.application.function;

import java.time.Duration;
import java.util.Objects;

/** Bounds of one run: wall-clock time (enforced by cancelling the run from another thread) and output size. */
public record RunLimits(Duration timeout, long maxOutputBytes) {

    public RunLimits {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero() || maxOutputBytes < 1) {
            throw new IllegalArgumentException("run limits must be positive");
        }
    }
}
