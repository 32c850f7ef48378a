package io.grapholap.domain.udf;

import io.grapholap.domain.error.ValidationException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The engine a UDF loads its graph on: an engine's own name ({@code cpu}, {@code gpu}, whatever
 * engines the server ships) or {@code auto} (an engine with a device when one is usable, else the
 * default; the run says which one ran). The names the UDF API's existing clients use are accepted
 * as aliases: {@code pandas} is the CPU engine, {@code cudf} the GPU engine. {@code name} is the name
 * as the client wrote it (lower case), which answers echo (seed 000); {@link #engineName()} is the
 * engine it stands for. Which names exist is the server's to say, when a function is saved or run.
 */
public record FunctionEngine(String name) {

    /** Declared before {@link #AUTO}, which the constructor checks against it. */
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

    public static final FunctionEngine AUTO = new FunctionEngine("auto");

    /** The dataframe libraries the UDF API's clients name, and the engine each stands for. */
    private static final Map<String, String> ALIASES = Map.of("pandas", "cpu", "cudf", "gpu");

    public FunctionEngine {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not an engine name: '" + name + "'");
        }
    }

    /** The name as the client wrote it: {@code pandas} stays {@code pandas}. */
    public String wireName() {
        return name;
    }

    /** The engine this name stands for: an alias resolved ({@code pandas} is {@code cpu}), else the name. */
    public String engineName() {
        return ALIASES.getOrDefault(name, name);
    }

    public boolean isAuto() {
        return equals(AUTO);
    }

    /** Parses an engine name, {@code auto}, {@code pandas} or {@code cudf}; anything else fails on {@code field}. */
    public static FunctionEngine parse(String value, String field) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        if (!NAME.matcher(v).matches()) {
            throw new ValidationException(field, field + " must be the name of an engine, auto, pandas or cudf; got '"
                    + value + "'");
        }
        return new FunctionEngine(v);
    }
}
