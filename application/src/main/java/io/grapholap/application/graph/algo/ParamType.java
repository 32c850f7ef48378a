package io.grapholap.application.graph.algo;

/**
 * The value types an algorithm parameter can take. Values arrive from JSON (HTTP), from
 * {@code key=value} strings (CLI) or from UDF code, so every type also accepts its textual form.
 */
public enum ParamType {
    /** A 32-bit integer; integral doubles such as {@code 3.0} and numeric strings are accepted. */
    INT,
    /** A 64-bit integer; integral doubles and numeric strings are accepted. */
    LONG,
    /** A finite double; any number or numeric string is accepted. */
    DOUBLE,
    /** {@code true}/{@code false}, as a Boolean or a string. */
    BOOLEAN,
    /** A string, one of {@link ParamSpec#allowed()} when that list is not empty. */
    STRING,
    /**
     * A vertex as docs/identity.md names it: its identity {@code "Label:key"}, an object
     * {@code {"label", "key"}} (made a {@link VertexRef}), or a bare key
     * (integer, string, UUID, ...). Checked for shape here; the engine resolves it and reports an
     * unknown or ambiguous vertex naming the parameter.
     */
    VERTEX
}
