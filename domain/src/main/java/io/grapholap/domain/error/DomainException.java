package io.grapholap.domain.error;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Base of every error the domain and the use cases raise on purpose. It carries a stable,
 * machine-readable {@link #code()} and structured {@link #details()}; adapters map the subtype to a
 * transport status, never the message text.
 */
public abstract class DomainException extends RuntimeException {

    private final String code;
    private final Map<String, Object> details;

    protected DomainException(String code, String message, Map<String, ?> details) {
        super(message);
        this.code = code;
        this.details = details == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(details));
    }

    protected DomainException(String code, String message, Map<String, ?> details, Throwable cause) {
        this(code, message, details);
        initCause(cause);
    }

    public String code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }
}
