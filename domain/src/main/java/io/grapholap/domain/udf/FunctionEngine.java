package io.grapholap.domain.udf;

import io.grapholap.domain.error.ValidationException;
import java.util.Locale;

/**
 * The engine a UDF loads its graph on. The names the UDF API's existing clients use are accepted
 * as aliases: {@code cudf} is the GPU engine, {@code pandas} the CPU engine. {@code auto} runs on the GPU when it is usable and
 * on the CPU otherwise (the run says which one ran).
 */
public enum FunctionEngine {
    CPU, GPU, AUTO;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code cpu}, {@code gpu}, {@code auto}, {@code pandas} or {@code cudf}; anything else fails on {@code field}. */
    public static FunctionEngine parse(String value, String field) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "cpu", "pandas" -> CPU;
            case "gpu", "cudf" -> GPU;
            case "auto" -> AUTO;
            default -> throw new ValidationException(field, field + " must be cpu, gpu, auto, pandas or cudf; got '" + value + "'");
        };
    }
}
