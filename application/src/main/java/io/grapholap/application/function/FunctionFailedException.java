package io.grapholap.application.function;

import io.grapholap.domain.error.DomainException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * User code raised an error (or broke a sandbox rule): the message and, when known, the line of the
 * user's code. Code {@code FUNCTION_ERROR}; the caller answers it as a client error.
 */
public final class FunctionFailedException extends DomainException {

    private final Integer line;

    public FunctionFailedException(String message, Integer line, String errorType) {
        super("FUNCTION_ERROR", message, details(line, errorType));
        this.line = line;
    }

    public Integer line() {
        return line;
    }

    private static Map<String, Object> details(Integer line, String errorType) {
        Map<String, Object> details = new LinkedHashMap<>();
        if (line != null) {
            details.put("line", line);
        }
        if (errorType != null) {
            details.put("error_type", errorType);
        }
        return details;
    }
}
