package io.grapholap.application.restpp;

import java.util.Objects;

/** A parameter a UDF declares for the REST++ routes: its name and its type as written ({@code SET<INT>}, …). */
public record DeclaredParameter(String name, String type) {

    public DeclaredParameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    /** The parsed type; an unusable declaration is a validation error naming the parameter. */
    public ParameterType parsedType() {
        return ParameterType.parse(type, name);
    }
}
