package io.grapholap.domain.error;

import java.util.Map;

/** Input that breaks a rule. {@link #field()} names the offending field or parameter. */
public final class ValidationException extends DomainException {

    private final String field;

    public ValidationException(String field, String message) {
        super("VALIDATION_FAILED", message, Map.of("field", field));
        this.field = field;
    }

    public ValidationException(String field, String message, Map<String, ?> extraDetails) {
        super("VALIDATION_FAILED", message, merge(field, extraDetails));
        this.field = field;
    }

    public String field() {
        return field;
    }

    private static Map<String, Object> merge(String field, Map<String, ?> extra) {
        var all = new java.util.LinkedHashMap<String, Object>(extra);
        all.put("field", field);
        return all;
    }
}
