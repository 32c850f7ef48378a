package io.grapholap.application.graph.snapshot;

import io.grapholap.application.graph.ValueType;
import io.grapholap.domain.error.ValidationException;
import java.util.Objects;

/** Name and type of one snapshot column. LIST cannot be stored. */
public record ColumnSpec(String name, ValueType type) {

    public ColumnSpec {
        if (name == null || name.isBlank()) {
            throw new ValidationException("name", "column name must not be blank");
        }
        Objects.requireNonNull(type, "type");
        if (!type.isScalar()) {
            throw new ValidationException(name, "column " + name + " has type " + type + ", which a snapshot cannot store");
        }
    }

    public static ColumnSpec of(String name, ValueType type) {
        return new ColumnSpec(name, type);
    }
}
