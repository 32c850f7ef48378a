package io.grapholap.cypher.eval;

import io.grapholap.cypher.ast.Expression;
import io.grapholap.cypher.ast.Expression.Binary;
import io.grapholap.cypher.eval.Values.Node;
import io.grapholap.cypher.eval.Values.Relationship;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Evaluates expressions over one row's variables, the query's parameters and a graph, with
 * openCypher's semantics: null propagates through operators and functions, {@code AND}/{@code OR}/
 * {@code XOR}/{@code NOT} follow three-valued logic, integer arithmetic fails on overflow instead of
 * wrapping, and a type that an operator does not accept is an {@code InvalidArgumentType} error.
 * Aggregating functions are not evaluated here: the projection computes them and hands their values in
 * as variables.
 */
public final class Evaluator {

    /** Evaluates the patterns of pattern predicates and comprehensions; supplied by the matcher. */
    public interface PatternSource {
        /** Every match of {@code pattern} extending {@code row}, as the rows with the pattern's variables bound. */
        List<Map<String, Object>> matches(io.grapholap.cypher.ast.PatternPart pattern, Map<String, Object> row);

        /** Whether {@code pattern} matches at least once extending {@code row}; a source that can stop at the first match should. */
        default boolean exists(io.grapholap.cypher.ast.PatternPart pattern, Map<String, Object> row) {
            return !matches(pattern, row).isEmpty();
        }
    }

    private final CypherGraph graph;
    private final Map<String, Object> parameters;
    private final PatternSource patterns;

    public Evaluator(CypherGraph graph, Map<String, Object> parameters, PatternSource patterns) {
        this.graph = graph;
        this.parameters = parameters;
        this.patterns = patterns;
    }

    public CypherGraph graph() {
        return graph;
    }

    /** The value of {@code e} where the row binds {@code row}'s variables. */
    public Object eval(Expression e, Map<String, Object> row) {
        return switch (e) {
            case Expression.Literal l -> l.value();
            case Expression.Parameter p -> parameter(p.name());
            case Expression.Variable v -> variable(v, row);
            case Expression.ListLiteral l -> l.elements().stream().map(x -> eval(x, row)).toList();
            case Expression.MapLiteral m -> {
                Map<String, Object> out = new LinkedHashMap<>();
                for (int i = 0; i < m.keys().size(); i++) {
                    out.put(m.keys().get(i), eval(m.values().get(i), row));
                }
                yield out;
            }
            case Expression.Property p -> property(eval(p.subject(), row), p.key());
            case Expression.HasLabels h -> hasLabels(eval(h.subject(), row), h.labels());
            case Expression.Not n -> not(eval(n.operand(), row));
            case Expression.Negate n -> Arithmetic.negate(eval(n.operand(), row));
            case Expression.IsNull n -> (eval(n.operand(), row) == null) != n.negated();
            case Binary b -> binary(b, row);
            case Expression.Subscript s -> subscript(eval(s.subject(), row), eval(s.index(), row));
            case Expression.Slice s -> slice(eval(s.subject(), row), s.from() == null ? null : eval(s.from(), row),
                    s.to() == null ? null : eval(s.to(), row), s.from() == null, s.to() == null);
            case Expression.Case c -> caseOf(c, row);
            case Expression.ListComprehension c -> listComprehension(c, row);
            case Expression.Quantified q -> quantified(q, row);
            case Expression.FunctionCall f when isExistsOfProperty(f) -> {
                Expression.Property p = (Expression.Property) f.arguments().get(0);
                Object subject = eval(p.subject(), row);
                yield subject == null ? null : (Object) (property(subject, p.key()) != null);
            }
            case Expression.FunctionCall f -> Functions.call(this, f, f.arguments().stream().map(a -> eval(a, row)).toList());
            case Expression.CountStar c -> throw new CypherRuntimeException("InvalidAggregation", "count(*) is only allowed in WITH and RETURN");
            case Expression.PatternPredicate p -> patterns.exists(p.pattern(), row);
            case Expression.PatternComprehension c -> patternComprehension(c, row);
        };
    }

    private static boolean isExistsOfProperty(Expression.FunctionCall f) {
        return f.name().size() == 1 && f.name().get(0).equalsIgnoreCase("exists") && f.arguments().size() == 1
                && f.arguments().get(0) instanceof Expression.Property;
    }

    /** The truth of a predicate: null counts as false, a non-boolean is an error. */
    public boolean test(Expression e, Map<String, Object> row) {
        Object v = eval(e, row);
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        throw new CypherRuntimeException("InvalidArgumentType", "a predicate must be a boolean, not " + Values.typeName(v));
    }

    private Object parameter(String name) {
        if (!parameters.containsKey(name)) {
            throw new CypherRuntimeException("MissingParameter", "expected a parameter named $" + name);
        }
        return Values.of(parameters.get(name));
    }

    private static Object variable(Expression.Variable v, Map<String, Object> row) {
        if (!row.containsKey(v.name())) {
            throw new CypherRuntimeException("UndefinedVariable", "variable `" + v.name() + "` not defined (" + v.position() + ")");
        }
        return row.get(v.name());
    }

    Object property(Object subject, String key) {
        return switch (subject) {
            case null -> null;
            case Node n -> Values.of(graph.nodeProperty(n.id(), key));
            case Relationship r -> Values.of(graph.relationshipProperty(r.id(), key));
            case Map<?, ?> m -> m.get(key);
            default -> throw new CypherRuntimeException("PropertyAccessOnNonMap",
                    "type mismatch: expected a map, node or relationship, not " + Values.typeName(subject) + " (property '" + key + "')");
        };
    }

    private Object hasLabels(Object subject, List<String> labels) {
        if (subject == null) {
            return null;
        }
        if (!(subject instanceof Node n)) {
            throw new CypherRuntimeException("InvalidArgumentType", "labels can only be tested on nodes, not " + Values.typeName(subject));
        }
        return graph.labels(n.id()).containsAll(labels);
    }

    private static Object not(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Boolean b) {
            return !b;
        }
        throw new CypherRuntimeException("InvalidArgumentType", "NOT expects a boolean, not " + Values.typeName(v));
    }

    private Object binary(Binary b, Map<String, Object> row) {
        switch (b.operator()) {
            case AND -> {
                Boolean l = bool(eval(b.left(), row), "AND");
                if (Boolean.FALSE.equals(l)) {
                    return false;
                }
                Boolean r = bool(eval(b.right(), row), "AND");
                return Boolean.FALSE.equals(r) ? Boolean.FALSE : l == null || r == null ? null : Boolean.TRUE;
            }
            case OR -> {
                Boolean l = bool(eval(b.left(), row), "OR");
                if (Boolean.TRUE.equals(l)) {
                    return true;
                }
                Boolean r = bool(eval(b.right(), row), "OR");
                return Boolean.TRUE.equals(r) ? Boolean.TRUE : l == null || r == null ? null : Boolean.FALSE;
            }
            case XOR -> {
                Boolean l = bool(eval(b.left(), row), "XOR");
                Boolean r = bool(eval(b.right(), row), "XOR");
                return l == null || r == null ? null : l ^ r;
            }
            default -> {
                return operator(b.operator(), eval(b.left(), row), eval(b.right(), row));
            }
        }
    }

    private static Boolean bool(Object v, String operator) {
        if (v == null || v instanceof Boolean) {
            return (Boolean) v;
        }
        throw new CypherRuntimeException("InvalidArgumentType", operator + " expects booleans, not " + Values.typeName(v));
    }

    static Object operator(Expression.BinaryOperator op, Object l, Object r) {
        return switch (op) {
            case EQ -> Semantics.equal(l, r);
            case NEQ -> {
                Boolean eq = Semantics.equal(l, r);
                yield eq == null ? null : !eq;
            }
            case LT -> sign(Semantics.compare(l, r), c -> c < 0, l, r);
            case GT -> sign(Semantics.compare(l, r), c -> c > 0, l, r);
            case LTE -> sign(Semantics.compare(l, r), c -> c <= 0, l, r);
            case GTE -> sign(Semantics.compare(l, r), c -> c >= 0, l, r);
            case REGEX_MATCH -> l instanceof String s && r instanceof String p ? regex(s, p) : null;
            case STARTS_WITH -> l instanceof String s && r instanceof String p ? (Object) s.startsWith(p) : null;
            case ENDS_WITH -> l instanceof String s && r instanceof String p ? (Object) s.endsWith(p) : null;
            case CONTAINS -> l instanceof String s && r instanceof String p ? (Object) s.contains(p) : null;
            case IN -> in(l, r);
            case ADD -> Arithmetic.add(l, r);
            case SUBTRACT -> Arithmetic.subtract(l, r);
            case MULTIPLY -> Arithmetic.multiply(l, r);
            case DIVIDE -> Arithmetic.divide(l, r);
            case MODULO -> Arithmetic.modulo(l, r);
            case POWER -> Arithmetic.power(l, r);
            default -> throw new IllegalStateException("not a value operator: " + op);
        };
    }

    private static Object sign(Integer c, Function<Integer, Boolean> test, Object l, Object r) {
        if (c == null) {
            // NaN compares false with every number; other mismatches are unknown
            boolean nan = l instanceof Number x && r instanceof Number y && (Semantics.isNaN(x) || Semantics.isNaN(y));
            return nan ? Boolean.FALSE : null;
        }
        return test.apply(c);
    }

    private static Object regex(String s, String pattern) {
        try {
            return Pattern.compile(pattern).matcher(s).matches();
        } catch (PatternSyntaxException e) {
            throw new CypherRuntimeException("InvalidArgumentValue", "invalid regular expression '" + pattern + "': " + e.getDescription());
        }
    }

    /** {@code x IN list}: true when an element equals x, null when none does but some comparison was unknown. */
    private static Object in(Object x, Object list) {
        if (list == null) {
            return null;
        }
        if (!(list instanceof List<?> l)) {
            throw new CypherRuntimeException("InvalidArgumentType", "IN expects a list, not " + Values.typeName(list));
        }
        boolean unknown = false;
        for (Object e : l) {
            Boolean eq = Semantics.equal(x, e);
            if (Boolean.TRUE.equals(eq)) {
                return true;
            }
            unknown |= eq == null;
        }
        return unknown ? null : Boolean.FALSE;
    }

    private Object subscript(Object subject, Object index) {
        if (subject == null || index == null) {
            return null;
        }
        if ((subject instanceof Node || subject instanceof Relationship) && index instanceof String key) {
            return property(subject, key);
        }
        if (subject instanceof List<?> l) {
            if (!(index instanceof Long i)) {
                throw new CypherRuntimeException("ListElementAccessByNonInteger", "a list index must be an integer, not " + Values.typeName(index));
            }
            long at = i < 0 ? l.size() + i : i;
            return at < 0 || at >= l.size() ? null : l.get((int) at);
        }
        if (subject instanceof Map<?, ?> m) {
            if (!(index instanceof String k)) {
                throw new CypherRuntimeException("MapElementAccessByNonString", "a map key must be a string, not " + Values.typeName(index));
            }
            return m.get(k);
        }
        throw new CypherRuntimeException("InvalidElementAccess", "cannot index " + Values.typeName(subject) + " with []");
    }

    private static Object slice(Object subject, Object from, Object to, boolean openFrom, boolean openTo) {
        if (subject == null || (!openFrom && from == null) || (!openTo && to == null)) {
            return null;
        }
        if (!(subject instanceof List<?> l)) {
            throw new CypherRuntimeException("InvalidArgumentType", "cannot slice " + Values.typeName(subject));
        }
        int size = l.size();
        long f = openFrom ? 0 : Arithmetic.integer(from, "a slice bound");
        long t = openTo ? size : Arithmetic.integer(to, "a slice bound");
        f = Math.max(0, Math.min(size, f < 0 ? size + f : f));
        t = Math.max(0, Math.min(size, t < 0 ? size + t : t));
        return f >= t ? List.of() : List.copyOf(l.subList((int) f, (int) t));
    }

    private Object caseOf(Expression.Case c, Map<String, Object> row) {
        Object subject = c.subject() == null ? null : eval(c.subject(), row);
        for (int i = 0; i < c.whens().size(); i++) {
            Object when = eval(c.whens().get(i), row);
            boolean hit = c.subject() == null ? Boolean.TRUE.equals(when) : Boolean.TRUE.equals(Semantics.equal(subject, when));
            if (hit) {
                return eval(c.thens().get(i), row);
            }
        }
        return c.otherwise() == null ? null : eval(c.otherwise(), row);
    }

    private Object listComprehension(Expression.ListComprehension c, Map<String, Object> row) {
        Object list = eval(c.list(), row);
        if (list == null) {
            return null;
        }
        List<Object> out = new ArrayList<>();
        Map<String, Object> scope = new LinkedHashMap<>(row);
        for (Object element : asList(list, "a list comprehension")) {
            scope.put(c.variable(), element);
            if (c.where() == null || test(c.where(), scope)) {
                out.add(c.projection() == null ? element : eval(c.projection(), scope));
            }
        }
        return out;
    }

    private Object quantified(Expression.Quantified q, Map<String, Object> row) {
        Object list = eval(q.list(), row);
        if (list == null) {
            return null;
        }
        Map<String, Object> scope = new LinkedHashMap<>(row);
        int trues = 0;
        int unknowns = 0;
        int total = 0;
        for (Object element : asList(list, q.quantifier().name().toLowerCase(java.util.Locale.ROOT) + "()")) {
            total++;
            scope.put(q.variable(), element);
            Object v = q.where() == null ? Boolean.TRUE : eval(q.where(), scope);
            if (v == null) {
                unknowns++;
            } else if (Boolean.TRUE.equals(bool(v, "a list predicate"))) {
                trues++;
            }
        }
        int falses = total - trues - unknowns;
        return switch (q.quantifier()) {
            case ALL -> falses > 0 ? Boolean.FALSE : unknowns > 0 ? null : Boolean.TRUE;
            case ANY -> trues > 0 ? Boolean.TRUE : unknowns > 0 ? null : Boolean.FALSE;
            case NONE -> trues > 0 ? Boolean.FALSE : unknowns > 0 ? null : Boolean.TRUE;
            case SINGLE -> trues > 1 ? Boolean.FALSE : unknowns > 0 ? null : trues == 1;
        };
    }

    private Object patternComprehension(Expression.PatternComprehension c, Map<String, Object> row) {
        List<Object> out = new ArrayList<>();
        for (Map<String, Object> match : patterns.matches(c.pattern(), row)) {
            if (c.where() == null || test(c.where(), match)) {
                out.add(eval(c.projection(), match));
            }
        }
        return out;
    }

    static List<?> asList(Object v, String where) {
        if (v instanceof List<?> l) {
            return l;
        }
        throw new CypherRuntimeException("InvalidArgumentType", where + " expects a list, not " + Values.typeName(v));
    }
}
