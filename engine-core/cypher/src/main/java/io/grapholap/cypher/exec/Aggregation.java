package io.grapholap.cypher.exec;

import io.grapholap.cypher.ast.Expression;
import io.grapholap.cypher.ast.Expression.FunctionCall;
import io.grapholap.cypher.eval.CypherRuntimeException;
import io.grapholap.cypher.eval.Evaluator;
import io.grapholap.cypher.eval.Functions;
import io.grapholap.cypher.eval.Semantics;
import io.grapholap.cypher.eval.Values;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Projections that aggregate: the items without an aggregate are the grouping keys (implicit
 * grouping), each aggregate call in the other items is computed per group by hash aggregation, and
 * the items are then evaluated with the aggregates' values in place of the calls. With no input and
 * no grouping key there is one group (so {@code count(*)} of nothing is 0).
 */
final class Aggregation {

    private static final String SLOT = "\u0000aggregate#";

    private Aggregation() {
    }

    static boolean contains(Expression e) {
        return !calls(e, new ArrayList<>()).isEmpty();
    }

    static List<Map<String, Object>> group(Evaluator evaluator, List<String> columns, List<Expression> items,
                                           List<Map<String, Object>> input, RowBudget budget) {
        List<Integer> keys = new ArrayList<>();
        List<Expression> rewritten = new ArrayList<>();
        List<Expression> aggregates = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<Expression> found = calls(items.get(i), new ArrayList<>());
            if (found.isEmpty()) {
                keys.add(i);
                rewritten.add(items.get(i));
            } else {
                for (Expression call : found) {
                    if (call instanceof FunctionCall f && f.arguments().stream().anyMatch(Aggregation::contains)) {
                        throw new CypherRuntimeException("NestedAggregation", "an aggregation cannot contain another: " + f.qualifiedName());
                    }
                }
                rewritten.add(replace(items.get(i), found, aggregates));
            }
        }
        Map<Semantics.Key, Group> groups = new LinkedHashMap<>();
        for (Map<String, Object> row : input) {
            List<Object> keyValues = new ArrayList<>(keys.size());
            for (int k : keys) {
                keyValues.add(evaluator.eval(items.get(k), row));
            }
            Group g = groups.computeIfAbsent(new Semantics.Key(keyValues), x -> {
                budget.hold(groups.size() + 1L);
                return new Group(keyValues, states(aggregates));
            });
            for (int a = 0; a < aggregates.size(); a++) {
                g.states.get(a).add(evaluator, aggregates.get(a), row);
            }
        }
        if (groups.isEmpty() && keys.isEmpty()) {
            groups.put(new Semantics.Key(List.of()), new Group(List.of(), states(aggregates)));
        }
        List<Map<String, Object>> out = new ArrayList<>(groups.size());
        for (Group g : groups.values()) {
            Map<String, Object> scope = new LinkedHashMap<>();
            for (int k = 0; k < keys.size(); k++) {
                scope.put(columns.get(keys.get(k)), g.keyValues.get(k));
                if (items.get(keys.get(k)) instanceof Expression.Variable v) {
                    scope.put(v.name(), g.keyValues.get(k));
                }
            }
            for (int a = 0; a < aggregates.size(); a++) {
                scope.put(SLOT + a, g.states.get(a).result());
            }
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < items.size(); i++) {
                row.put(columns.get(i), keys.contains(i) ? scope.get(columns.get(i)) : evaluator.eval(rewritten.get(i), scope));
            }
            out.add(row);
        }
        return out;
    }

    private record Group(List<Object> keyValues, List<State> states) {
    }

    private static List<State> states(List<Expression> aggregates) {
        List<State> states = new ArrayList<>();
        for (Expression a : aggregates) {
            states.add(new State(a));
        }
        return states;
    }

    /** The aggregate calls in {@code e}, outermost first, not looking inside them. */
    private static List<Expression> calls(Expression e, List<Expression> found) {
        if (e instanceof Expression.CountStar || e instanceof FunctionCall f && Functions.isAggregate(f)) {
            found.add(e);
            return found;
        }
        for (Expression child : children(e)) {
            calls(child, found);
        }
        return found;
    }

    /** Where aggregate calls may stand: an aggregation may produce the list a comprehension walks, not stand inside it. */
    private static List<Expression> children(Expression e) {
        return switch (e) {
            case Expression.ListComprehension l -> List.of(l.list());
            case Expression.Quantified q -> List.of(q.list());
            case Expression.PatternComprehension p -> List.of();
            default -> e.children();
        };
    }

    /** {@code e} with each aggregate call replaced by the variable that will hold its value. */
    private static Expression replace(Expression e, List<Expression> found, List<Expression> aggregates) {
        for (Expression call : found) {
            if (call == e) {
                aggregates.add(call);
                return new Expression.Variable(SLOT + (aggregates.size() - 1), null);
            }
        }
        return switch (e) {
            case Expression.ListLiteral l -> new Expression.ListLiteral(l.elements().stream().map(x -> replace(x, found, aggregates)).toList());
            case Expression.MapLiteral m -> new Expression.MapLiteral(m.keys(), m.values().stream().map(x -> replace(x, found, aggregates)).toList());
            case Expression.Property p -> new Expression.Property(replace(p.subject(), found, aggregates), p.key());
            case Expression.HasLabels h -> new Expression.HasLabels(replace(h.subject(), found, aggregates), h.labels());
            case Expression.Binary b -> new Expression.Binary(b.operator(), replace(b.left(), found, aggregates), replace(b.right(), found, aggregates));
            case Expression.Not n -> new Expression.Not(replace(n.operand(), found, aggregates));
            case Expression.Negate n -> new Expression.Negate(replace(n.operand(), found, aggregates));
            case Expression.IsNull n -> new Expression.IsNull(replace(n.operand(), found, aggregates), n.negated());
            case Expression.Subscript s -> new Expression.Subscript(replace(s.subject(), found, aggregates), replace(s.index(), found, aggregates));
            case Expression.Slice s -> new Expression.Slice(replace(s.subject(), found, aggregates),
                    s.from() == null ? null : replace(s.from(), found, aggregates), s.to() == null ? null : replace(s.to(), found, aggregates));
            case FunctionCall f -> new FunctionCall(f.name(), f.distinct(), f.arguments().stream().map(x -> replace(x, found, aggregates)).toList(),
                    f.position());
            case Expression.Case k -> new Expression.Case(k.subject() == null ? null : replace(k.subject(), found, aggregates),
                    k.whens().stream().map(x -> replace(x, found, aggregates)).toList(),
                    k.thens().stream().map(x -> replace(x, found, aggregates)).toList(),
                    k.otherwise() == null ? null : replace(k.otherwise(), found, aggregates));
            case Expression.ListComprehension l -> new Expression.ListComprehension(l.variable(), replace(l.list(), found, aggregates), l.where(),
                    l.projection());
            case Expression.Quantified q -> new Expression.Quantified(q.quantifier(), q.variable(), replace(q.list(), found, aggregates), q.where());
            default -> e;
        };
    }

    /** The running state of one aggregate call in one group. */
    private static final class State {
        private final String function;
        private final boolean distinct;
        private final Set<Semantics.Key> seen = new HashSet<>();
        private long count;
        private long longSum;
        private double doubleSum;
        private boolean sawDouble;
        private Object best;
        private final List<Object> values = new ArrayList<>();
        private Double percentile;

        State(Expression call) {
            if (call instanceof FunctionCall f) {
                function = f.name().get(0).toLowerCase(Locale.ROOT);
                distinct = f.distinct();
            } else {
                function = "count(*)";
                distinct = false;
            }
        }

        void add(Evaluator evaluator, Expression call, Map<String, Object> row) {
            if (!(call instanceof FunctionCall f)) {
                count++;
                return;
            }
            if (f.arguments().isEmpty()) {
                throw new CypherRuntimeException("InvalidNumberOfArguments", function + "() needs an argument");
            }
            Object v = evaluator.eval(f.arguments().get(0), row);
            if (function.startsWith("percentile")) {
                if (f.arguments().size() != 2) {
                    throw new CypherRuntimeException("InvalidNumberOfArguments", function + "() takes a value and a percentile");
                }
                Object p = evaluator.eval(f.arguments().get(1), row);
                if (!(p instanceof Number n) || n.doubleValue() < 0 || n.doubleValue() > 1) {
                    throw new CypherRuntimeException("NumberOutOfRange", function + "()'s percentile must be a number from 0 to 1, not " + p);
                }
                percentile = n.doubleValue();
            }
            if (v == null || distinct && !seen.add(new Semantics.Key(v))) {
                return;
            }
            count++;
            switch (function) {
                case "sum", "avg", "stdev", "stdevp", "percentilecont", "percentiledisc" -> {
                    if (!(v instanceof Number n)) {
                        throw new CypherRuntimeException("InvalidArgumentType", function + "() needs numbers, not " + Values.typeName(v));
                    }
                    if (n instanceof Long l && !sawDouble) {
                        try {
                            longSum = Math.addExact(longSum, l);
                        } catch (ArithmeticException e) {
                            throw new CypherRuntimeException("NumberOutOfRange", function + "() overflowed the integers");
                        }
                    } else if (!sawDouble) {
                        sawDouble = true;
                        doubleSum = longSum + n.doubleValue();
                    } else {
                        doubleSum += n.doubleValue();
                    }
                    values.add(n);
                }
                case "min" -> best = best == null || Semantics.ORDER.compare(v, best) < 0 ? v : best;
                case "max" -> best = best == null || Semantics.ORDER.compare(v, best) > 0 ? v : best;
                case "collect" -> values.add(v);
                default -> {
                }
            }
        }

        Object result() {
            return switch (function) {
                case "count(*)", "count" -> count;
                case "sum" -> sawDouble ? (Object) doubleSum : longSum;
                case "avg" -> count == 0 ? null : (sawDouble ? doubleSum : (double) longSum) / count;
                case "min", "max" -> best;
                case "collect" -> List.copyOf(values);
                case "stdev", "stdevp" -> deviation(function.equals("stdev"));
                case "percentilecont" -> percentileCont();
                case "percentiledisc" -> percentileDisc();
                default -> throw new IllegalStateException("unknown aggregate " + function);
            };
        }

        private Object deviation(boolean sample) {
            int n = values.size();
            if (n < 2) {
                return 0.0;
            }
            double mean = values.stream().mapToDouble(x -> ((Number) x).doubleValue()).average().orElse(0);
            double squares = values.stream().mapToDouble(x -> Math.pow(((Number) x).doubleValue() - mean, 2)).sum();
            return Math.sqrt(squares / (sample ? n - 1 : n));
        }

        private List<Object> sorted() {
            List<Object> s = new ArrayList<>(values);
            s.sort(Semantics.ORDER);
            return s;
        }

        private Object percentileCont() {
            if (values.isEmpty()) {
                return null;
            }
            List<Object> s = sorted();
            double at = percentile * (s.size() - 1);
            int lo = (int) Math.floor(at);
            int hi = (int) Math.ceil(at);
            double a = ((Number) s.get(lo)).doubleValue();
            double b = ((Number) s.get(hi)).doubleValue();
            return a + (b - a) * (at - lo);
        }

        private Object percentileDisc() {
            if (values.isEmpty()) {
                return null;
            }
            List<Object> s = sorted();
            int index = percentile == 1.0 ? s.size() - 1 : (int) Math.max(0, Math.ceil(percentile * s.size()) - 1);
            return s.get(index);
        }
    }
}
