package io.grapholap.application.udf;

/**
 * Out-port: writes plain values (null, Boolean, Number, String, Collection, Map, arrays of them) as
 * JSON text. Map keys become their strings, non-finite numbers {@code null}, and any other object its
 * string. Fails on field {@code output} once the text passes {@code maxChars} characters, and when
 * the value nests deeper than {@link #MAX_DEPTH} levels.
 */
public interface JsonWriter {

    /** How deep maps and lists may nest in a written value. */
    int MAX_DEPTH = 64;

    String write(Object value, long maxChars);
}
