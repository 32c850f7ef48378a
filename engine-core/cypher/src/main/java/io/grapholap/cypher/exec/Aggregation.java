package io.grapholap.cypher.exec;

import io.grapholap.cypher.ast.Expression;
import io.grapholap.cypher.ast.Expression.FunctionCall;
import io.grapholap.cypher.eval.CypherRuntimeException;
import io.grapholap.cypher.eval.Evaluator;
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
 * A projection that aggregates, fed row by row: the items without an aggregate are the grouping keys
 * (implicit grouping), and so is each part of an aggregating item that reads variables outside any
 * aggregate (in {@code {name: a.name, kids: collect(c)}} the key is {@code a.name}). Each aggregate
 * call is computed per group by hash aggregation, and the items are then evaluated with the
 * aggregates' and keys' values in place. Only the groups (and the values that collect(), percentiles,
 * deviations and DISTINCT keep) are held, not the rows. With no input and no
 * grouping key there is one group (so {@code count(*)} of nothing is 0).
 */
final class Aggregation {

    private static final String SLOT = "\u0000aggregate#";
    private static final String KEY = "\u0000key#";

    private final Evaluator evaluator;
    private final RowBudget budget;
    private final List<String> columns;
    private final List<Expression> items;
    /** The items that are grouping keys, by index. */
    private final List<Integer> keys = new ArrayList<>();
    /** The parts of aggregating items that are grouping keys too. */
    private final List<Expression> implicitKeys = new ArrayList<>();
    /** The aggregating items with their aggregates and implicit keys replaced by slots; null for key items. */
    private final List<Expression> rewritten = new ArrayList<>();
    private final List<Expression> aggregates = new ArrayList<>();
    private final Map<Semantics.Key, Group> groups = new LinkedHashMap<>();
    /** What the groups hold: one per group, one per value kept for collect(), percentiles, deviations and DISTINCT. */
    private long held;

    Aggregation(Evaluator evaluator, List<String> columns, List<Expression> items, RowBudget budget) {
        this.evaluator = evaluator;
        this.budget = budget;
        this.columns = columns;
        this.items = items;
        for (int i = 0; i < items.size(); i++) {
            if (!Projections.aggregates(items.get(i))) {
                keys.add(i);
                rewritten.add(null);
            } else {
                rewritten.add(Projections.rewrite(items.get(i), this::slot));
            }
        }
    }

    /** The slot variable that replaces an aggregate call or a part that is an implicit grouping key; null for other parts. */
    private Expression slot(Expression e) {
        if (Projections.isAggregate(e)) {
            aggregates.add(e);
            return new Expression.Variable(SLOT + (aggregates.size() - 1), null);
        }
        if (!Projections.aggregates(e) && !FreeVariables.of(e).isEmpty()) {
            implicitKeys.add(e);
            return new Expression.Variable(KEY + (implicitKeys.size() - 1), null);
        }
        return null;
    }

    /** Adds one input row to its group. */
    void add(Map<String, Object> row) {
        List<Object> keyValues = new ArrayList<>(keys.size() + implicitKeys.size());
        for (int k : keys) {
            keyValues.add(evaluator.eval(items.get(k), row));
        }
        for (Expression k : implicitKeys) {
            keyValues.add(evaluator.eval(k, row));
        }
        Group g = groups.get(new Semantics.Key(keyValues));
        if (g == null) {
            g = new Group(keyValues, states(aggregates));
            groups.put(new Semantics.Key(keyValues), g);
            held++;
        }
        for (int a = 0; a < aggregates.size(); a++) {
            held += g.states.get(a).add(evaluator, aggregates.get(a), row);
        }
        budget.hold(held);
    }

    /** One row per group, each with the projection's columns. */
    List<Map<String, Object>> result() {
        if (groups.isEmpty() && keys.isEmpty() && implicitKeys.isEmpty()) {
            groups.put(new Semantics.Key(List.of()), new Group(List.of(), states(aggregates)));
        }
        List<Map<String, Object>> out = new ArrayList<>(groups.size());
        for (Group g : groups.values()) {
            Map<String, Object> scope = new LinkedHashMap<>();
            for (int k = 0; k < implicitKeys.size(); k++) {
                scope.put(KEY + k, g.keyValues.get(keys.size() + k));
            }
            for (int a = 0; a < aggregates.size(); a++) {
                scope.put(SLOT + a, g.states.get(a).result());
            }
            Map<String, Object> row = new LinkedHashMap<>();
            int key = 0;
            for (int i = 0; i < items.size(); i++) {
                row.put(columns.get(i), rewritten.get(i) == null ? g.keyValues.get(key++) : evaluator.eval(rewritten.get(i), scope));
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

        /** Adds the row's value; gives how many values it now keeps more (0, 1 or 2). */
        int add(Evaluator evaluator, Expression call, Map<String, Object> row) {
            if (!(call instanceof FunctionCall f)) {
                count++;
                return 0;
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
                return 0;
            }
            int kept = distinct ? 1 : 0;
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
                    if (!function.equals("sum") && !function.equals("avg")) {
                        values.add(n);
                        kept++;
                    }
                }
                case "min" -> best = best == null || Semantics.ORDER.compare(v, best) < 0 ? v : best;
                case "max" -> best = best == null || Semantics.ORDER.compare(v, best) > 0 ? v : best;
                case "collect" -> {
                    values.add(v);
                    kept++;
                }
                default -> {
                }
            }
            return kept;
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
