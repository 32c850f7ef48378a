package io.grapholap.application.udf;

import io.grapholap.domain.error.ValidationException;
import java.util.Collection;
import java.util.Map;

/**
 * Writes plain values (null, Boolean, Number, String, Collection, Map, arrays of them) as JSON text,
 * failing on field {@code output} once the text passes {@code maxChars}; non-finite numbers become
 * {@code null} and any other object its string. Nesting deeper than 64 levels is refused.
 */
final class JsonText {

    private static final int MAX_DEPTH = 64;

    private final StringBuilder out = new StringBuilder();
    private final long maxChars;

    private JsonText(long maxChars) {
        this.maxChars = maxChars;
    }

    static String write(Object value, long maxChars) {
        JsonText json = new JsonText(maxChars);
        json.value(value, 0);
        return json.out.toString();
    }

    private void value(Object v, int depth) {
        if (depth > MAX_DEPTH) {
            throw new ValidationException("output", "the output nests deeper than " + MAX_DEPTH + " levels");
        }
        switch (v) {
            case null -> out.append("null");
            case Boolean b -> out.append(b);
            case Double d when d.isNaN() || d.isInfinite() -> out.append("null");
            case Float f when f.isNaN() || f.isInfinite() -> out.append("null");
            case Number n -> out.append(n);
            case Map<?, ?> m -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    string(String.valueOf(e.getKey()));
                    out.append(':');
                    value(e.getValue(), depth + 1);
                }
                out.append('}');
            }
            case Collection<?> c -> {
                out.append('[');
                boolean first = true;
                for (Object e : c) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    value(e, depth + 1);
                }
                out.append(']');
            }
            case Object[] a -> value(java.util.Arrays.asList(a), depth);
            default -> string(String.valueOf(v));
        }
        check();
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
        check();
    }

    private void check() {
        if (out.length() > maxChars) {
            throw new ValidationException("output", "the output is larger than the limit of " + maxChars + " bytes");
        }
    }
}
