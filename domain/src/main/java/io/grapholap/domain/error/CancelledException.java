package io.grapholap.domain.error;

import java.util.Map;

/** Work stopped because someone asked it to (a cancel call, a terminated instance, shutdown). */
public final class CancelledException extends DomainException {

    public CancelledException(String message) {
        super("CANCELLED", message, Map.of());
    }
}
