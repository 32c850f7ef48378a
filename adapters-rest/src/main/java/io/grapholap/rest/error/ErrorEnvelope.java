package io.grapholap.rest.error;

import io.micronaut.core.annotation.Introspected;
import java.util.Map;

/** The one error shape every route answers with: {@code {"error": {"code", "message", "details"}}}. */
@Introspected
public record ErrorEnvelope(Body error) {

    public static ErrorEnvelope of(String code, String message, Map<String, ?> details) {
        return new ErrorEnvelope(new Body(code, message, details == null ? Map.of() : Map.copyOf(details)));
    }

    @Introspected
    public record Body(String code, String message, Map<String, Object> details) {
    }
}
