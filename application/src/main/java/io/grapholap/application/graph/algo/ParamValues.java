package io.grapholap.application.graph.algo;

import io.grapholap.domain.error.ValidationException;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Raw parameters checked against a list of {@link ParamSpec}s (an algorithm's, or an engine's
 * options): no unknown names, every required one present, each value of its declared type and
 * inside its range. Defaults are filled in. Every failure is a {@link ValidationException} naming
 * the parameter.
 */
public final class ParamValues {

    private final String owner;
    private final Map<String, Object> values;

    private ParamValues(String owner, Map<String, Object> values) {
        this.owner = owner;
        this.values = values;
    }

    /**
     * Checks {@code raw} against {@code params}; {@code owner} names what they belong to in messages
     * ("algorithm pagerank").
     */
    public static ParamValues check(String owner, List<ParamSpec> params, Map<String, ?> raw) {
        Map<String, ?> given = raw == null ? Map.of() : raw;
        for (String name : given.keySet()) {
            if (name == null || params.stream().noneMatch(p -> p.name().equals(name))) {
                throw new ValidationException(String.valueOf(name), "unknown parameter '" + name + "' for " + owner
                        + "; known parameters: " + knownNames(params));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (ParamSpec p : params) {
            Object v = given.get(p.name());
            if (v == null && p.required()) {
                throw new ValidationException(p.name(), "parameter '" + p.name() + "' is required for " + owner);
            }
            Object checked = p.check(v);
            if (checked != null) {
                out.put(p.name(), checked);
            }
        }
        return new ParamValues(owner, out);
    }

    private static String knownNames(List<ParamSpec> params) {
        return params.isEmpty() ? "(none)" : params.stream().map(ParamSpec::name).collect(Collectors.joining(", "));
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public int getInt(String name) {
        return (Integer) require(name);
    }

    public long getLong(String name) {
        return (Long) require(name);
    }

    public double getDouble(String name) {
        return (Double) require(name);
    }

    public boolean getBoolean(String name) {
        return (Boolean) require(name);
    }

    public String getString(String name) {
        return (String) values.get(name);
    }

    public Integer getIntOrNull(String name) {
        return (Integer) values.get(name);
    }

    public Object get(String name) {
        return values.get(name);
    }

    /** The checked values with defaults filled in, in declaration order. */
    public Map<String, Object> asMap() {
        return Collections.unmodifiableMap(values);
    }

    private Object require(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalStateException("parameter " + name + " has no value and no default in " + owner);
        }
        return v;
    }
}
