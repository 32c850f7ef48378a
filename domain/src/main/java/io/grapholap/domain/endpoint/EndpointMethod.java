package io.grapholap.domain.endpoint;

import io.grapholap.domain.error.ValidationException;
import java.util.Locale;

/** The HTTP methods a custom endpoint can answer; those marked {@link #hasBody()} carry a JSON body. */
public enum EndpointMethod {
    DELETE(true), GET(false), PATCH(true), POST(true), PUT(true);

    private final boolean body;

    EndpointMethod(boolean body) {
        this.body = body;
    }

    public boolean hasBody() {
        return body;
    }

    /** Parses a method name (any case); null or blank means GET, as the endpoint API specifies. */
    public static EndpointMethod parse(String value) {
        if (value == null || value.isBlank()) {
            return GET;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("method", "method must be one of DELETE, GET, PATCH, POST, PUT; got '" + value + "'");
        }
    }
}
