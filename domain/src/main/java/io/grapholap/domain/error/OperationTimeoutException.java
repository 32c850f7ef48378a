package io.grapholap.domain.error;

import java.time.Duration;
import java.util.Map;

/** Work that ran past its time limit and was cancelled. */
public final class OperationTimeoutException extends DomainException {

    public OperationTimeoutException(String what, Duration limit) {
        super("TIMEOUT", what + " exceeded its time limit of " + limit.toMillis() + " ms",
                Map.of("timeout_ms", limit.toMillis()));
    }
}
