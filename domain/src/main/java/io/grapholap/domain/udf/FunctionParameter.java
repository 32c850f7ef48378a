package io.grapholap.domain.udf;

import io.grapholap.domain.error.ValidationException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A parameter a UDF declares, for the REST++ query routes: its name and a TigerGraph-style
 * type: a scalar ({@code INT}, {@code UINT}, {@code FLOAT}, {@code DOUBLE}, {@code STRING},
 * {@code BOOL}, {@code DATETIME}), {@code VERTEX} or {@code VERTEX<type>}, or a collection
 * {@code SET<T>}, {@code BAG<T>}, {@code LIST<T>}, {@code MAP<K,V>} of those. Types are kept upper-case
 * without spaces.
 */
public record FunctionParameter(String name, String type) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    private static final Pattern VERTEX = Pattern.compile("VERTEX(<[A-Za-z_][A-Za-z0-9_]{0,63}>)?");
    private static final Pattern KEYWORD = Pattern.compile(
            "(?i)(?<![A-Za-z0-9_])(?<!vertex<)(set|bag|list|map|vertex|int|uint|float|double|string|bool|datetime)(?![A-Za-z0-9_])");
    private static final Set<String> SCALARS = Set.of("INT", "UINT", "FLOAT", "DOUBLE", "STRING", "BOOL", "DATETIME");

    public FunctionParameter {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ValidationException("parameters", "parameter names must be 1-64 letters, digits or '_', not starting with a digit; got '"
                    + name + "'");
        }
        if (type == null || type.isBlank() || type.length() > 200) {
            throw new ValidationException("parameters", "parameter " + name + " needs a type of at most 200 characters");
        }
        // Keywords are upper-cased; the vertex type inside VERTEX<…> keeps its own spelling.
        String normal = KEYWORD.matcher(type.replace(" ", "")).replaceAll(m -> m.group().toUpperCase(Locale.ROOT));
        if (!collection(normal, 0)) {
            throw new ValidationException("parameters", "parameter " + name + " has an unknown type '" + type
                    + "'; expected INT, UINT, FLOAT, DOUBLE, STRING, BOOL, DATETIME, VERTEX, VERTEX<type>, SET<T>, BAG<T>, LIST<T> or MAP<K,V>");
        }
        type = normal;
    }

    private static boolean collection(String t, int depth) {
        if (depth > 2) {
            return false;
        }
        for (String kind : new String[] {"SET<", "BAG<", "LIST<"}) {
            if (t.startsWith(kind) && t.endsWith(">")) {
                return element(t.substring(kind.length(), t.length() - 1));
            }
        }
        if (t.startsWith("MAP<") && t.endsWith(">")) {
            String inner = t.substring(4, t.length() - 1);
            int comma = inner.indexOf(',');
            return comma > 0 && element(inner.substring(0, comma)) && (element(inner.substring(comma + 1))
                    || collection(inner.substring(comma + 1), depth + 1));
        }
        return element(t);
    }

    private static boolean element(String t) {
        return SCALARS.contains(t) || VERTEX.matcher(t).matches();
    }
}
