package io.grapholap.application.graph.algo;

import io.grapholap.domain.error.ValidationException;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A vertex named by its label and its original key, the object form {@code {"label", "key"}} of a
 * vertex reference. {@link #identity()} is the vertex's identity, {@code "<label>:<key>"}, which
 * every result, Gremlin id and UDF value uses to name the vertex (docs/identity.md).
 */
public record VertexRef(String label, Object key) {

    /** The character between label and key in an identity. */
    public static final char SEPARATOR = ':';

    public VertexRef {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(key, "key");
    }

    /** The identity of the vertex with {@code key} in {@code label}. */
    public static String identity(String label, Object key) {
        return label + SEPARATOR + key;
    }

    public String identity() {
        return identity(label, key);
    }

    /**
     * The reference a JSON object {@code {"label": "...", "key": ...}} makes; any other shape is a
     * validation error naming {@code field}.
     */
    public static VertexRef of(String field, Map<?, ?> object) {
        Object label = object.get("label");
        Object key = object.get("key");
        if (!Set.of("label", "key").containsAll(object.keySet()) || !(label instanceof String l) || l.isBlank()
                || !(key instanceof Number || key instanceof String || key instanceof UUID || key instanceof Boolean)) {
            throw new ValidationException(field, "parameter '" + field + "' as an object must be {\"label\": string, "
                    + "\"key\": number or string}, got " + object);
        }
        return new VertexRef(l, key);
    }

    @Override
    public String toString() {
        return identity();
    }
}
