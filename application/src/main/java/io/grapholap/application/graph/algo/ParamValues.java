package io.grapholap.application.graph.algo;

import io.grapholap.domain.error.ValidationException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Raw parameters checked against an {@link AlgorithmSpec}: no unknown names, every required one
 * present, each value of its declared type and inside its range. Defaults are filled in. Every
 * failure is a {@link ValidationException} naming the parameter.
 */
public final class ParamValues {

    private final AlgorithmSpec spec;
    private final Map<String, Object> values;

    private ParamValues(AlgorithmSpec spec, Map<String, Object> values) {
        this.spec = spec;
        this.values = values;
    }

    public static ParamValues check(AlgorithmSpec spec, Map<String, ?> raw) {
        Map<String, ?> given = raw == null ? Map.of() : raw;
        for (String name : given.keySet()) {
            if (name == null || spec.param(name).isEmpty()) {
                throw new ValidationException(String.valueOf(name), "unknown parameter '" + name + "' for algorithm "
                        + spec.name() + "; known parameters: " + knownNames(spec));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (ParamSpec p : spec.params()) {
            Object v = given.get(p.name());
            if (v == null) {
                if (p.required()) {
                    throw new ValidationException(p.name(), "parameter '" + p.name() + "' is required for algorithm "
                            + spec.name());
                }
                if (p.defaultValue() != null) {
                    out.put(p.name(), p.defaultValue());
                }
                continue;
            }
            out.put(p.name(), convert(p, v));
        }
        return new ParamValues(spec, out);
    }

    private static String knownNames(AlgorithmSpec spec) {
        if (spec.params().isEmpty()) {
            return "(none)";
        }
        StringBuilder sb = new StringBuilder();
        for (ParamSpec p : spec.params()) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(p.name());
        }
        return sb.toString();
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
            case VERTEX_KEY -> {
                if (v instanceof Number || v instanceof CharSequence || v instanceof UUID || v instanceof Boolean) {
                    yield v instanceof CharSequence cs ? cs.toString() : v;
                }
                throw typeError(p, v, "a vertex key (number, string or UUID)");
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

    public AlgorithmSpec spec() {
        return spec;
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

    public Object get(String name) {
        return values.get(name);
    }

    /** The checked values with defaults filled in, in declaration order. */
    public Map<String, Object> asMap() {
        return java.util.Collections.unmodifiableMap(values);
    }

    private Object require(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalStateException("parameter " + name + " has no value and no default in " + spec.name());
        }
        return v;
    }
}
