package io.grapholap.domain.mapping;

import io.grapholap.domain.error.ValidationException;
import java.util.Objects;

/** A named, typed column of a node or edge query. */
public record PropertyDefinition(String name, PropertyType type) {

    public PropertyDefinition {
        Objects.requireNonNull(type, "type");
        if (name == null || name.isBlank()) {
            throw new ValidationException("name", "a property needs a name");
        }
    }

    /** Builds a property from wire values, naming {@code field} in errors. */
    public static PropertyDefinition of(String field, String name, String type) {
        if (name == null || name.isBlank()) {
            throw new ValidationException(field + ".name", field + ".name is required");
        }
        return new PropertyDefinition(name.trim(), PropertyType.parse(field + ".type", type));
    }
}
