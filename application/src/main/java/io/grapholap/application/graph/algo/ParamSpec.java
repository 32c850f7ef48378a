package io.grapholap.application.graph.algo;

import java.util.List;
import java.util.Objects;

/**
 * One documented algorithm parameter: name, type, default, inclusive numeric bounds (or exclusive
 * where {@code minExclusive}/{@code maxExclusive} say so) and, for strings, the allowed values.
 * A parameter is required when it has no default and {@code required} is true; an optional
 * parameter without a default is simply absent.
 */
public record ParamSpec(
        String name,
        ParamType type,
        Object defaultValue,
        boolean required,
        Double min,
        boolean minExclusive,
        Double max,
        boolean maxExclusive,
        List<String> allowed,
        String description) {

    public ParamSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        allowed = allowed == null ? List.of() : List.copyOf(allowed);
    }

    static ParamSpec required(String name, ParamType type, String description) {
        return new ParamSpec(name, type, null, true, null, false, null, false, List.of(), description);
    }

    static ParamSpec optional(String name, ParamType type, Object defaultValue, String description) {
        return new ParamSpec(name, type, defaultValue, false, null, false, null, false, List.of(), description);
    }

    static ParamSpec ranged(String name, ParamType type, Object defaultValue, Double min, boolean minExclusive,
                            Double max, boolean maxExclusive, String description) {
        return new ParamSpec(name, type, defaultValue, false, min, minExclusive, max, maxExclusive, List.of(),
                description);
    }

    static ParamSpec choice(String name, String defaultValue, List<String> allowed, String description) {
        return new ParamSpec(name, ParamType.STRING, defaultValue, false, null, false, null, false, allowed,
                description);
    }

    /** A readable range such as {@code (0, 1)} or {@code [1, 1000]}, or empty when unbounded. */
    public String rangeText() {
        if (min == null && max == null) {
            return "";
        }
        return (min == null ? "(-inf" : (minExclusive ? "(" : "[") + format(min)) + ", "
                + (max == null ? "+inf)" : format(max) + (maxExclusive ? ")" : "]"));
    }

    private static String format(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
