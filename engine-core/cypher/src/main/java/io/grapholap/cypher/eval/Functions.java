package io.grapholap.cypher.eval;

import io.grapholap.cypher.ast.Expression.FunctionCall;
import io.grapholap.cypher.eval.Values.Node;
import io.grapholap.cypher.eval.Values.Path;
import io.grapholap.cypher.eval.Values.Relationship;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The scalar, string, list, math and graph functions of openCypher. Names are case-insensitive; a
 * null argument gives null unless the function says otherwise ({@code coalesce}, {@code exists}).
 */
public final class Functions {

    /** The aggregating functions, computed by projections rather than here. */
    public static final Set<String> AGGREGATES = Set.of("count", "sum", "avg", "min", "max", "collect", "stdev", "stdevp",
            "percentilecont", "percentiledisc");

    private Functions() {
    }

    public static boolean isAggregate(FunctionCall f) {
        return f.name().size() == 1 && AGGREGATES.contains(f.name().get(0).toLowerCase(Locale.ROOT));
    }

    /** Whether {@code f} names a function this evaluator knows (aggregations included). */
    public static boolean isKnown(FunctionCall f) {
        String name = f.qualifiedName().toLowerCase(Locale.ROOT);
        return AGGREGATES.contains(name) || SPECIAL.contains(name) || KNOWN.contains(name);
    }

    /** The functions whose null arguments do not simply give null, or that take none. */
    private static final Set<String> SPECIAL = Set.of("coalesce", "exists", "timestamp", "rand", "pi", "e", "range");

    static Object call(Evaluator ev, FunctionCall f, List<Object> args) {
        String name = f.qualifiedName().toLowerCase(Locale.ROOT);
        if (AGGREGATES.contains(name)) {
            throw new CypherRuntimeException("InvalidAggregation", name + "() is an aggregation: only WITH and RETURN may use it");
        }
        CypherGraph g = ev.graph();
        return switch (name) {
            case "coalesce" -> args.stream().filter(a -> a != null).findFirst().orElse(null);
            case "exists" -> {
                arity(name, args, 1);
                yield args.get(0) != null;
            }
            case "timestamp" -> System.currentTimeMillis();
            case "rand" -> ThreadLocalRandom.current().nextDouble();
            case "pi" -> Math.PI;
            case "e" -> Math.E;
            case "range" -> range(args);
            default -> {
                if (args.stream().anyMatch(a -> a == null) && !name.equals("properties")) {
                    yield nullOrArity(name, args);
                }
                yield nonNull(g, name, args);
            }
        };
    }

    /** A null argument gives null, once the call is known to have a sensible number of arguments. */
    private static Object nullOrArity(String name, List<Object> args) {
        if (!KNOWN.contains(name)) {
            throw new CypherRuntimeException("UnknownFunction", "unknown function '" + name + "'");
        }
        return null;
    }

    private static final Set<String> KNOWN = Set.of("id", "labels", "type", "properties", "keys", "size", "length", "nodes",
            "relationships", "startnode", "endnode", "head", "last", "tail", "tointeger", "tofloat", "tostring", "toboolean", "abs",
            "ceil", "floor", "round", "sign", "sqrt", "exp", "log", "log10", "sin", "cos", "tan", "cot", "asin", "acos", "atan",
            "atan2", "degrees", "radians", "haversin", "left", "right", "substring", "trim", "ltrim", "rtrim", "toupper", "tolower",
            "upper", "lower", "replace", "split", "reverse");

    private static Object nonNull(CypherGraph g, String name, List<Object> args) {
        Object a = args.isEmpty() ? null : args.get(0);
        return switch (name) {
            case "id" -> switch (one(name, args)) {
                case Node n -> g.nodeIdentity(n.id());
                case Relationship r -> g.relationshipIdentity(r.id());
                default -> throw type(name, a, "a node or relationship");
            };
            case "labels" -> one(name, args) instanceof Node n ? List.copyOf(g.labels(n.id())) : throwKind(name, a, "a node");
            case "type" -> one(name, args) instanceof Relationship r ? g.type(r.id()) : throwKind(name, a, "a relationship");
            case "properties" -> {
                Object x = one(name, args);
                yield switch (x) {
                    case null -> null;
                    case Node n -> values(g.nodeProperties(n.id()));
                    case Relationship r -> values(g.relationshipProperties(r.id()));
                    case Map<?, ?> m -> m;
                    default -> throw type(name, x, "a node, relationship or map");
                };
            }
            case "keys" -> switch (one(name, args)) {
                case Node n -> List.copyOf(g.nodeProperties(n.id()).keySet());
                case Relationship r -> List.copyOf(g.relationshipProperties(r.id()).keySet());
                case Map<?, ?> m -> m.keySet().stream().map(String::valueOf).toList();
                default -> throw type(name, a, "a node, relationship or map");
            };
            case "size" -> switch (one(name, args)) {
                case List<?> l -> (long) l.size();
                case String s -> (long) s.codePointCount(0, s.length());
                default -> throw type(name, a, "a list or string");
            };
            case "length" -> switch (one(name, args)) {
                case Path p -> (long) p.relationships().length;
                case List<?> l -> (long) l.size();
                case String s -> (long) s.codePointCount(0, s.length());
                default -> throw type(name, a, "a path");
            };
            case "nodes" -> one(name, args) instanceof Path p ? Arrays.stream(p.nodes()).mapToObj(Node::new).map(Object.class::cast).toList()
                    : throwType(name, a, "a path");
            case "relationships" -> one(name, args) instanceof Path p
                    ? Arrays.stream(p.relationships()).mapToObj(Relationship::new).map(Object.class::cast).toList()
                    : throwType(name, a, "a path");
            case "startnode" -> one(name, args) instanceof Relationship r ? new Node(g.startNode(r.id())) : throwType(name, a, "a relationship");
            case "endnode" -> one(name, args) instanceof Relationship r ? new Node(g.endNode(r.id())) : throwType(name, a, "a relationship");
            case "head" -> {
                List<?> l = list(name, one(name, args));
                yield l.isEmpty() ? null : l.get(0);
            }
            case "last" -> {
                List<?> l = list(name, one(name, args));
                yield l.isEmpty() ? null : l.get(l.size() - 1);
            }
            case "tail" -> {
                List<?> l = list(name, one(name, args));
                yield l.isEmpty() ? List.of() : List.copyOf(l.subList(1, l.size()));
            }
            case "tointeger" -> toInteger(one(name, args));
            case "tofloat" -> toFloat(one(name, args));
            case "tostring" -> {
                Object x = one(name, args);
                if (x instanceof String || x instanceof Number || x instanceof Boolean) {
                    yield string(x);
                }
                throw value(name, x, "a string, number or boolean");
            }
            case "toboolean" -> switch (one(name, args)) {
                case Boolean b -> b;
                case String s -> s.trim().equalsIgnoreCase("true") ? Boolean.TRUE : s.trim().equalsIgnoreCase("false") ? Boolean.FALSE : null;
                default -> throw value(name, a, "a string or boolean");
            };
            case "abs" -> one(name, args) instanceof Long l ? (Object) Math.abs(l) : Math.abs(number(name, a));
            case "ceil" -> Math.ceil(number(name, one(name, args)));
            case "floor" -> Math.floor(number(name, one(name, args)));
            case "round" -> (double) Math.round(number(name, one(name, args)));
            case "sign" -> one(name, args) instanceof Long l ? (Object) (long) Long.signum(l) : (long) Math.signum(number(name, a));
            case "sqrt" -> Math.sqrt(number(name, one(name, args)));
            case "exp" -> Math.exp(number(name, one(name, args)));
            case "log" -> Math.log(number(name, one(name, args)));
            case "log10" -> Math.log10(number(name, one(name, args)));
            case "sin" -> Math.sin(number(name, one(name, args)));
            case "cos" -> Math.cos(number(name, one(name, args)));
            case "tan" -> Math.tan(number(name, one(name, args)));
            case "cot" -> 1.0 / Math.tan(number(name, one(name, args)));
            case "asin" -> Math.asin(number(name, one(name, args)));
            case "acos" -> Math.acos(number(name, one(name, args)));
            case "atan" -> Math.atan(number(name, one(name, args)));
            case "atan2" -> {
                arity(name, args, 2);
                yield Math.atan2(number(name, args.get(0)), number(name, args.get(1)));
            }
            case "degrees" -> Math.toDegrees(number(name, one(name, args)));
            case "radians" -> Math.toRadians(number(name, one(name, args)));
            case "haversin" -> (1 - Math.cos(number(name, one(name, args)))) / 2;
            case "left" -> {
                arity(name, args, 2);
                String s = text(name, args.get(0));
                yield s.substring(0, (int) Math.min(s.length(), nonNegative(name, args.get(1))));
            }
            case "right" -> {
                arity(name, args, 2);
                String s = text(name, args.get(0));
                yield s.substring(s.length() - (int) Math.min(s.length(), nonNegative(name, args.get(1))));
            }
            case "substring" -> {
                if (args.size() < 2 || args.size() > 3) {
                    throw new CypherRuntimeException("InvalidNumberOfArguments", "substring() takes 2 or 3 arguments");
                }
                String s = text(name, args.get(0));
                int start = (int) Math.min(s.length(), nonNegative(name, args.get(1)));
                int end = args.size() == 3 ? (int) Math.min(s.length(), start + nonNegative(name, args.get(2))) : s.length();
                yield s.substring(start, end);
            }
            case "trim" -> text(name, one(name, args)).strip();
            case "ltrim" -> text(name, one(name, args)).stripLeading();
            case "rtrim" -> text(name, one(name, args)).stripTrailing();
            case "toupper", "upper" -> text(name, one(name, args)).toUpperCase(Locale.ROOT);
            case "tolower", "lower" -> text(name, one(name, args)).toLowerCase(Locale.ROOT);
            case "replace" -> {
                arity(name, args, 3);
                yield text(name, args.get(0)).replace(text(name, args.get(1)), text(name, args.get(2)));
            }
            case "split" -> {
                arity(name, args, 2);
                String s = text(name, args.get(0));
                String sep = text(name, args.get(1));
                yield sep.isEmpty() ? s.codePoints().mapToObj(Character::toString).map(Object.class::cast).toList()
                        : List.of((Object[]) s.split(java.util.regex.Pattern.quote(sep), -1));
            }
            case "reverse" -> switch (one(name, args)) {
                case String s -> new StringBuilder(s).reverse().toString();
                case List<?> l -> {
                    List<Object> r = new ArrayList<>(l);
                    java.util.Collections.reverse(r);
                    yield r;
                }
                default -> throw type(name, a, "a string or list");
            };
            default -> throw new CypherRuntimeException("UnknownFunction", "unknown function '" + name + "'");
        };
    }

    private static Object range(List<Object> args) {
        if (args.size() < 2 || args.size() > 3) {
            throw new CypherRuntimeException("InvalidNumberOfArguments", "range() takes 2 or 3 arguments");
        }
        long start = Arithmetic.integer(args.get(0), "range()'s start");
        long end = Arithmetic.integer(args.get(1), "range()'s end");
        long step = args.size() == 3 ? Arithmetic.integer(args.get(2), "range()'s step") : 1;
        if (step == 0) {
            throw new CypherRuntimeException("NumberOutOfRange", "range()'s step must not be 0");
        }
        List<Object> out = new ArrayList<>();
        for (long i = start; step > 0 ? i <= end : i >= end; i += step) {
            out.add(i);
            if (out.size() > 10_000_000) {
                throw new CypherRuntimeException("NumberOutOfRange", "range() would hold more than 10,000,000 elements");
            }
        }
        return out;
    }

    private static Object toInteger(Object x) {
        return switch (x) {
            case Long l -> l;
            case Double d -> d.isNaN() || d.isInfinite() ? null : (Object) d.longValue();
            case String s -> {
                try {
                    yield Long.parseLong(s.trim());
                } catch (NumberFormatException e) {
                    try {
                        double d = Double.parseDouble(s.trim());
                        yield Double.isFinite(d) ? (Object) (long) d : null;
                    } catch (NumberFormatException f) {
                        yield null;
                    }
                }
            }
            default -> throw value("toInteger", x, "a string or number");
        };
    }

    private static Object toFloat(Object x) {
        return switch (x) {
            case Long l -> l.doubleValue();
            case Double d -> d;
            case String s -> {
                try {
                    yield Double.parseDouble(s.trim());
                } catch (NumberFormatException e) {
                    yield null;
                }
            }
            default -> throw value("toFloat", x, "a string or number");
        };
    }

    /** How {@code toString} and string concatenation write a value. */
    static String string(Object v) {
        return switch (v) {
            case Double d -> d.isInfinite() ? (d > 0 ? "Infinity" : "-Infinity") : d.isNaN() ? "NaN" : doubleText(d);
            default -> String.valueOf(v);
        };
    }

    private static String doubleText(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return String.format(Locale.ROOT, "%.1f", d);
        }
        return Double.toString(d);
    }

    private static Map<String, Object> values(Map<String, Object> properties) {
        Map<String, Object> out = new LinkedHashMap<>();
        properties.forEach((k, v) -> out.put(k, Values.of(v)));
        return out;
    }

    private static Object one(String name, List<Object> args) {
        arity(name, args, 1);
        return args.get(0);
    }

    private static void arity(String name, List<Object> args, int n) {
        if (args.size() != n) {
            throw new CypherRuntimeException("InvalidNumberOfArguments", name + "() takes " + n + " argument" + (n == 1 ? "" : "s")
                    + ", not " + args.size());
        }
    }

    private static List<?> list(String name, Object v) {
        if (v instanceof List<?> l) {
            return l;
        }
        throw type(name, v, "a list");
    }

    private static double number(String name, Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw type(name, v, "a number");
    }

    private static String text(String name, Object v) {
        if (v instanceof String s) {
            return s;
        }
        throw type(name, v, "a string");
    }

    private static long nonNegative(String name, Object v) {
        long n = Arithmetic.integer(v, name + "()'s length");
        if (n < 0) {
            throw new CypherRuntimeException("NegativeIntegerArgument", name + "() needs a length of 0 or more, not " + n);
        }
        return n;
    }

    private static Object throwType(String name, Object v, String expected) {
        throw type(name, v, expected);
    }

    /** A graph element of the wrong kind is a type error; any other value is a bad argument value. */
    private static Object throwKind(String name, Object v, String expected) {
        if (v instanceof Node || v instanceof Relationship || v instanceof Path) {
            throw type(name, v, expected);
        }
        throw value(name, v, expected);
    }

    private static CypherRuntimeException value(String name, Object v, String expected) {
        return new CypherRuntimeException("InvalidArgumentValue", name + "() expects " + expected + ", not " + Values.typeName(v));
    }

    private static CypherRuntimeException type(String name, Object v, String expected) {
        return new CypherRuntimeException("InvalidArgumentType", name + "() expects " + expected + ", not " + Values.typeName(v));
    }
}
