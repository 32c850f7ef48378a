package io.grapholap.cypher.eval;

import io.grapholap.cypher.eval.Values.Node;
import io.grapholap.cypher.eval.Values.Path;
import io.grapholap.cypher.eval.Values.Relationship;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * openCypher's equality ({@code =}, three-valued), comparison ({@code <}, null where the values do not
 * compare), the total order of {@code ORDER BY}, and the equivalence of {@code DISTINCT}, grouping and
 * {@code UNION} (where null equals null and NaN equals NaN).
 */
public final class Semantics {

    private Semantics() {
    }

    /** {@code a = b}: true, false, or null when the answer depends on a null. */
    public static Boolean equal(Object a, Object b) {
        if (a == null || b == null) {
            return null;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return numericCompare(x, y) == 0 && !isNaN(x) && !isNaN(y);
        }
        if (a instanceof List<?> l && b instanceof List<?> m) {
            if (l.size() != m.size()) {
                return false;
            }
            Boolean result = true;
            for (int i = 0; i < l.size(); i++) {
                Boolean e = equal(l.get(i), m.get(i));
                if (Boolean.FALSE.equals(e)) {
                    return false;
                }
                if (e == null) {
                    result = null;
                }
            }
            return result;
        }
        if (a instanceof Map<?, ?> l && b instanceof Map<?, ?> m) {
            if (!l.keySet().equals(m.keySet())) {
                return false;
            }
            Boolean result = true;
            for (Map.Entry<?, ?> e : l.entrySet()) {
                Boolean v = equal(e.getValue(), m.get(e.getKey()));
                if (Boolean.FALSE.equals(v)) {
                    return false;
                }
                if (v == null) {
                    result = null;
                }
            }
            return result;
        }
        return a.getClass() == b.getClass() && a.equals(b);
    }

    /**
     * {@code a < b} as a sign (negative, zero, positive), or null when the two do not compare: different
     * kinds, a null, or NaN.
     */
    public static Integer compare(Object a, Object b) {
        if (a == null || b == null) {
            return null;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return isNaN(x) || isNaN(y) ? null : numericCompare(x, y);
        }
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return Boolean.compare(x, y);
        }
        if (a instanceof List<?> l && b instanceof List<?> m) {
            for (int i = 0; i < Math.min(l.size(), m.size()); i++) {
                Integer c = compare(l.get(i), m.get(i));
                if (c == null) {
                    return null;
                }
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(l.size(), m.size());
        }
        return null;
    }

    /** The order of {@code ORDER BY}: maps, nodes, relationships, lists, paths, strings, booleans, numbers (NaN last), null. */
    public static final Comparator<Object> ORDER = Semantics::order;

    private static int order(Object a, Object b) {
        int ra = rank(a);
        int rb = rank(b);
        if (ra != rb) {
            return Integer.compare(ra, rb);
        }
        return switch (a) {
            case null -> 0;
            case Number x -> {
                Number y = (Number) b;
                if (isNaN(x) || isNaN(y)) {
                    yield Boolean.compare(isNaN(x), isNaN(y));
                }
                yield numericCompare(x, y);
            }
            case String x -> x.compareTo((String) b);
            case Boolean x -> Boolean.compare(x, (Boolean) b);
            case List<?> l -> {
                List<?> m = (List<?>) b;
                for (int i = 0; i < Math.min(l.size(), m.size()); i++) {
                    int c = order(l.get(i), m.get(i));
                    if (c != 0) {
                        yield c;
                    }
                }
                yield Integer.compare(l.size(), m.size());
            }
            case Node n -> Long.compare(n.id(), ((Node) b).id());
            case Relationship r -> Long.compare(r.id(), ((Relationship) b).id());
            case Path p -> java.util.Arrays.compare(p.nodes(), ((Path) b).nodes());
            case Map<?, ?> m -> Integer.compare(m.size(), ((Map<?, ?>) b).size());
            default -> 0;
        };
    }

    private static int rank(Object v) {
        return switch (v) {
            case Map<?, ?> m -> 0;
            case Node n -> 1;
            case Relationship r -> 2;
            case List<?> l -> 3;
            case Path p -> 4;
            case String s -> 5;
            case Boolean b -> 6;
            case Number n -> 7;
            case null -> 9;
            default -> 8;
        };
    }

    /** Whether two values are the same for {@code DISTINCT}, grouping and {@code UNION}. */
    public static boolean equivalent(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return isNaN(x) && isNaN(y) || !isNaN(x) && !isNaN(y) && numericCompare(x, y) == 0;
        }
        if (a instanceof List<?> l && b instanceof List<?> m) {
            if (l.size() != m.size()) {
                return false;
            }
            Iterator<?> i = l.iterator();
            Iterator<?> j = m.iterator();
            while (i.hasNext()) {
                if (!equivalent(i.next(), j.next())) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> l && b instanceof Map<?, ?> m) {
            return l.keySet().equals(m.keySet()) && l.entrySet().stream().allMatch(e -> equivalent(e.getValue(), m.get(e.getKey())));
        }
        return a.getClass() == b.getClass() && a.equals(b);
    }

    /** A hash consistent with {@link #equivalent}: numbers that are equal hash alike whatever their type. */
    public static int equivalenceHash(Object v) {
        return switch (v) {
            case null -> 0;
            case Long l -> Long.hashCode(l);
            case Double d -> d.isNaN() ? 7 : d == Math.rint(d) && Math.abs(d) < 9.2e18 ? Long.hashCode(d.longValue()) : Double.hashCode(d);
            case List<?> l -> {
                int h = 1;
                for (Object e : l) {
                    h = 31 * h + equivalenceHash(e);
                }
                yield h;
            }
            case Map<?, ?> m -> {
                int h = 0;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    h += Objects.hashCode(e.getKey()) ^ equivalenceHash(e.getValue());
                }
                yield h;
            }
            default -> v.hashCode();
        };
    }

    /** A value wrapped so that hash maps and sets group by {@link #equivalent}. */
    public record Key(Object value) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && equivalent(value, k.value);
        }

        @Override
        public int hashCode() {
            return equivalenceHash(value);
        }
    }

    static boolean isNaN(Number n) {
        return n instanceof Double d && d.isNaN();
    }

    static int numericCompare(Number x, Number y) {
        if (x instanceof Long a && y instanceof Long b) {
            return Long.compare(a, b);
        }
        if (x instanceof Long a) {
            return -compareDoubleToLong(y.doubleValue(), a);
        }
        if (y instanceof Long b) {
            return compareDoubleToLong(x.doubleValue(), b);
        }
        return Double.compare(x.doubleValue(), y.doubleValue()) == 0 ? 0 : x.doubleValue() < y.doubleValue() ? -1 : 1;
    }

    /** Exact comparison of a double with a long, without losing the long's low bits. */
    private static int compareDoubleToLong(double d, long l) {
        if (d < -9.223372036854775808E18) {
            return -1;
        }
        if (d >= 9.223372036854775808E18) {
            return 1;
        }
        long whole = (long) d;
        if (whole != l) {
            return Long.compare(whole, l);
        }
        double fraction = d - whole;
        return fraction > 0 ? 1 : fraction < 0 ? -1 : 0;
    }
}
