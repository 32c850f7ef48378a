package io.grapholap.application.graph.algo;

import io.grapholap.domain.error.ValidationException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

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

    public static ParamSpec required(String name, ParamType type, String description) {
        return new ParamSpec(name, type, null, true, null, false, null, false, List.of(), description);
    }

    public static ParamSpec optional(String name, ParamType type, Object defaultValue, String description) {
        return new ParamSpec(name, type, defaultValue, false, null, false, null, false, List.of(), description);
    }

    public static ParamSpec ranged(String name, ParamType type, Object defaultValue, Double min, boolean minExclusive,
                            Double max, boolean maxExclusive, String description) {
        return new ParamSpec(name, type, defaultValue, false, min, minExclusive, max, maxExclusive, List.of(),
                description);
    }

    public static ParamSpec choice(String name, String defaultValue, List<String> allowed, String description) {
        return new ParamSpec(name, ParamType.STRING, defaultValue, false, null, false, null, false, allowed,
                description);
    }

    /**
     * {@code raw} as this parameter's type, checked against its range and allowed values; a missing
     * value is this parameter's default, or an error when it is required. Every failure is a
     * {@link ValidationException} naming the parameter. Parameter records call this in their
     * compact constructors, so a range is declared once, here, and holds however a record is made.
     */
    public Object check(Object raw) {
        if (raw == null) {
            if (required) {
                throw new ValidationException(name, "parameter '" + name + "' is required");
            }
            return defaultValue;
        }
        return convert(this, raw);
    }

    private static Object convert(ParamSpec p, Object v) {
        return switch (p.type()) {
            case INT -> {
                long l = toLong(p, v);
                if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
                    throw new ValidationException(p.name(), "parameter '" + p.name() + "' must fit a 32-bit integer, got "
                            + v);
                }
                checkRange(p, l);
                yield (int) l;
            }
            case LONG -> {
                long l = toLong(p, v);
                checkRange(p, l);
                yield l;
            }
            case DOUBLE -> {
                double d = toDouble(p, v);
                checkRange(p, d);
                yield d;
            }
            case BOOLEAN -> toBoolean(p, v);
            case STRING -> {
                if (!(v instanceof CharSequence cs)) {
                    throw typeError(p, v, "a string");
                }
                String s = cs.toString();
                if (s.isBlank()) {
                    throw new ValidationException(p.name(), "parameter '" + p.name() + "' must not be blank");
                }
                if (!p.allowed().isEmpty()) {
                    String lower = s.toLowerCase(Locale.ROOT);
                    if (!p.allowed().contains(lower)) {
                        throw new ValidationException(p.name(), "parameter '" + p.name() + "' must be one of "
                                + p.allowed() + ", got '" + s + "'");
                    }
                    yield lower;
                }
                yield s;
            }
            case VERTEX -> {
                if (v instanceof Number || v instanceof CharSequence || v instanceof UUID || v instanceof Boolean) {
                    yield v instanceof CharSequence cs ? cs.toString() : v;
                }
                if (v instanceof VertexRef ref) {
                    yield ref;
                }
                if (v instanceof java.util.Map<?, ?> m) {
                    yield VertexRef.of(p.name(), m);
                }
                throw typeError(p, v, "a vertex: its identity \"Label:key\", {\"label\", \"key\"} or a key");
            }
        };
    }

    private static long toLong(ParamSpec p, Object v) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigInteger bi) {
            if (bi.bitLength() > 63) {
                throw new ValidationException(p.name(), "parameter '" + p.name() + "' is out of range: " + v);
            }
            return bi.longValue();
        }
        if (v instanceof Double || v instanceof Float || v instanceof BigDecimal) {
            double d = ((Number) v).doubleValue();
            if (d == Math.rint(d) && Math.abs(d) <= 9.007199254740992E15) {
                return (long) d;
            }
            throw typeError(p, v, "an integer");
        }
        if (v instanceof CharSequence cs) {
            try {
                return Long.parseLong(cs.toString().trim());
            } catch (NumberFormatException e) {
                throw typeError(p, v, "an integer");
            }
        }
        throw typeError(p, v, "an integer");
    }

    private static double toDouble(ParamSpec p, Object v) {
        double d;
        if (v instanceof Number n) {
            d = n.doubleValue();
        } else if (v instanceof CharSequence cs) {
            try {
                d = Double.parseDouble(cs.toString().trim());
            } catch (NumberFormatException e) {
                throw typeError(p, v, "a number");
            }
        } else {
            throw typeError(p, v, "a number");
        }
        if (!Double.isFinite(d)) {
            throw new ValidationException(p.name(), "parameter '" + p.name() + "' must be a finite number, got " + v);
        }
        return d;
    }

    private static boolean toBoolean(ParamSpec p, Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof CharSequence cs) {
            String s = cs.toString().trim().toLowerCase(Locale.ROOT);
            if (s.equals("true")) {
                return true;
            }
            if (s.equals("false")) {
                return false;
            }
        }
        throw typeError(p, v, "true or false");
    }

    private static void checkRange(ParamSpec p, double d) {
        boolean tooLow = p.min() != null && (p.minExclusive() ? d <= p.min() : d < p.min());
        boolean tooHigh = p.max() != null && (p.maxExclusive() ? d >= p.max() : d > p.max());
        if (tooLow || tooHigh) {
            throw new ValidationException(p.name(), "parameter '" + p.name() + "' must be in " + p.rangeText()
                    + ", got " + (d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d)));
        }
    }

    private static ValidationException typeError(ParamSpec p, Object v, String expected) {
        return new ValidationException(p.name(), "parameter '" + p.name() + "' must be " + expected + ", got "
                + (v instanceof CharSequence ? "'" + v + "'" : String.valueOf(v)) + " (" + v.getClass().getSimpleName()
                + ")");
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
