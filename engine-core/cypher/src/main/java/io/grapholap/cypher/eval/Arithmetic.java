package io.grapholap.cypher.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * The arithmetic operators: integers stay integers and fail on overflow ({@code NumberOutOfRange})
 * rather than wrap, an integer with a float gives a float, {@code ^} always gives a float, and
 * {@code +} also concatenates strings and lists.
 */
final class Arithmetic {

    private Arithmetic() {
    }

    static Object add(Object l, Object r) {
        if (l == null || r == null) {
            return null;
        }
        if (l instanceof List<?> a) {
            List<Object> out = new ArrayList<>(a);
            if (r instanceof List<?> b) {
                out.addAll(b);
            } else {
                out.add(r);
            }
            return out;
        }
        if (r instanceof List<?> b) {
            List<Object> out = new ArrayList<>();
            out.add(l);
            out.addAll(b);
            return out;
        }
        if (l instanceof String a && (r instanceof String || r instanceof Number || r instanceof Boolean)) {
            return a + Functions.string(r);
        }
        if (r instanceof String b && (l instanceof Number || l instanceof Boolean)) {
            return Functions.string(l) + b;
        }
        if (l instanceof Long a && r instanceof Long b) {
            try {
                return Math.addExact(a, b);
            } catch (ArithmeticException e) {
                throw overflow(a + " + " + b);
            }
        }
        double[] d = doubles(l, r, "+");
        return d[0] + d[1];
    }

    static Object subtract(Object l, Object r) {
        if (l == null || r == null) {
            return null;
        }
        if (l instanceof Long a && r instanceof Long b) {
            try {
                return Math.subtractExact(a, b);
            } catch (ArithmeticException e) {
                throw overflow(a + " - " + b);
            }
        }
        double[] d = doubles(l, r, "-");
        return d[0] - d[1];
    }

    static Object multiply(Object l, Object r) {
        if (l == null || r == null) {
            return null;
        }
        if (l instanceof Long a && r instanceof Long b) {
            try {
                return Math.multiplyExact(a, b);
            } catch (ArithmeticException e) {
                throw overflow(a + " * " + b);
            }
        }
        double[] d = doubles(l, r, "*");
        return d[0] * d[1];
    }

    static Object divide(Object l, Object r) {
        if (l == null || r == null) {
            return null;
        }
        if (l instanceof Long a && r instanceof Long b) {
            if (b == 0) {
                throw new CypherRuntimeException("DivisionByZero", "/ by zero");
            }
            if (a == Long.MIN_VALUE && b == -1) {
                throw overflow(a + " / " + b);
            }
            return a / b;
        }
        double[] d = doubles(l, r, "/");
        return d[0] / d[1];
    }

    static Object modulo(Object l, Object r) {
        if (l == null || r == null) {
            return null;
        }
        if (l instanceof Long a && r instanceof Long b) {
            if (b == 0) {
                throw new CypherRuntimeException("DivisionByZero", "% by zero");
            }
            return b == -1 ? 0L : a % b;
        }
        double[] d = doubles(l, r, "%");
        return d[0] % d[1];
    }

    static Object power(Object l, Object r) {
        if (l == null || r == null) {
            return null;
        }
        double[] d = doubles(l, r, "^");
        return Math.pow(d[0], d[1]);
    }

    static Object negate(Object v) {
        return switch (v) {
            case null -> null;
            case Long l -> {
                if (l == Long.MIN_VALUE) {
                    throw overflow("-(" + l + ")");
                }
                yield -l;
            }
            case Double d -> -d;
            default -> throw new CypherRuntimeException("InvalidArgumentType", "cannot negate " + Values.typeName(v));
        };
    }

    static long integer(Object v, String what) {
        if (v instanceof Long l) {
            return l;
        }
        throw new CypherRuntimeException("InvalidArgumentType", what + " must be an integer, not " + Values.typeName(v));
    }

    private static double[] doubles(Object l, Object r, String op) {
        if (l instanceof Number a && r instanceof Number b) {
            return new double[] {a.doubleValue(), b.doubleValue()};
        }
        throw new CypherRuntimeException("InvalidArgumentType", "cannot apply " + op + " to " + Values.typeName(l) + " and " + Values.typeName(r));
    }

    private static CypherRuntimeException overflow(String what) {
        return new CypherRuntimeException("NumberOutOfRange", "integer overflow in " + what);
    }
}
