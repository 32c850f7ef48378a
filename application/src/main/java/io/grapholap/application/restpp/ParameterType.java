package io.grapholap.application.restpp;

import io.grapholap.domain.error.ValidationException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A TigerGraph-style parameter type of the REST++ query routes as a UDF declares it: a scalar, {@code VERTEX} or
 * {@code VERTEX<type>}, {@code SET<T>}, {@code BAG<T>}, {@code LIST<T>} or {@code MAP<K,V>}.
 * Keywords are case-insensitive and blanks are ignored; a vertex type keeps its spelling.
 */
public sealed interface ParameterType {

    /** The scalar types. */
    enum ScalarKind { INT, UINT, FLOAT, DOUBLE, STRING, BOOL, DATETIME }

    /** The collection kinds: a SET drops repeated values, a BAG and a LIST keep them. */
    enum CollectionKind { SET, BAG, LIST }

    record Scalar(ScalarKind kind) implements ParameterType {
        @Override
        public String toString() {
            return kind.name();
        }
    }

    /** A vertex; {@code vertexType} null when the type is not declared (the value then says it). */
    record Vertex(String vertexType) implements ParameterType {
        @Override
        public String toString() {
            return vertexType == null ? "VERTEX" : "VERTEX<" + vertexType + ">";
        }
    }

    record Collection(CollectionKind kind, ParameterType element) implements ParameterType {
        @Override
        public String toString() {
            return kind.name() + "<" + element + ">";
        }
    }

    record MapOf(ParameterType key, ParameterType value) implements ParameterType {
        @Override
        public String toString() {
            return "MAP<" + key + "," + value + ">";
        }
    }

    /** At most this many nested type constructors ({@code LIST<MAP<STRING,SET<INT>>>} has three). */
    int MAX_DEPTH = 4;

    /**
     * Parses a declared type.
     *
     * @throws ValidationException on {@code field} naming the parameter when the type is not one of the above
     */
    static ParameterType parse(String type, String field) {
        if (type == null || type.length() > 200) {
            throw new ValidationException(field, "parameter " + field + " has no usable type");
        }
        return Parser.parse(type.replaceAll("\\s+", ""), field, 0);
    }

    /** The parser behind {@link #parse}. */
    final class Parser {
        private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

        private Parser() {
        }

        static ParameterType parse(String t, String field, int depth) {
            if (depth > MAX_DEPTH) {
                throw unknown(t, field);
            }
            String upper = t.toUpperCase(Locale.ROOT);
            for (ScalarKind kind : ScalarKind.values()) {
                if (upper.equals(kind.name())) {
                    return new Scalar(kind);
                }
            }
            if (upper.equals("VERTEX")) {
                return new Vertex(null);
            }
            if (!t.endsWith(">")) {
                throw unknown(t, field);
            }
            if (upper.startsWith("VERTEX<")) {
                String vertexType = t.substring(7, t.length() - 1);
                if (!IDENTIFIER.matcher(vertexType).matches()) {
                    throw unknown(t, field);
                }
                return new Vertex(vertexType);
            }
            for (CollectionKind kind : CollectionKind.values()) {
                if (upper.startsWith(kind.name() + "<")) {
                    return new Collection(kind, parse(t.substring(kind.name().length() + 1, t.length() - 1), field, depth + 1));
                }
            }
            if (upper.startsWith("MAP<")) {
                String inner = t.substring(4, t.length() - 1);
                int comma = topLevelComma(inner);
                if (comma < 0) {
                    throw unknown(t, field);
                }
                return new MapOf(parse(inner.substring(0, comma), field, depth + 1), parse(inner.substring(comma + 1), field, depth + 1));
            }
            throw unknown(t, field);
        }

        private static int topLevelComma(String s) {
            int nesting = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '<') {
                    nesting++;
                } else if (c == '>') {
                    nesting--;
                } else if (c == ',' && nesting == 0) {
                    return i;
                }
            }
            return -1;
        }

        private static ValidationException unknown(String t, String field) {
            return new ValidationException(field, "parameter " + field + " has an unknown type '" + t
                    + "'; expected INT, UINT, FLOAT, DOUBLE, STRING, BOOL, DATETIME, VERTEX, VERTEX<type>, SET<T>, BAG<T>, LIST<T> or MAP<K,V>");
        }
    }
}
