package io.grapholap.cypher.exec;

import io.grapholap.cypher.ast.Expression;
import io.grapholap.cypher.ast.Expression.Binary;
import io.grapholap.cypher.ast.Expression.BinaryOperator;
import io.grapholap.cypher.ast.Expression.FunctionCall;
import io.grapholap.cypher.ast.Expression.Property;
import io.grapholap.cypher.ast.Expression.Variable;
import io.grapholap.cypher.eval.CypherGraph;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Conditions in a {@code MATCH}'s {@code WHERE} that name where a pattern may start: {@code id(n) = e}
 * (the graph's identity lookup), {@code n.key = e} (its property index) and {@code n.key < e} (and
 * {@code <=}, {@code >}, {@code >=}: a scan of the property column), where {@code e} reads only
 * variables bound before the {@code MATCH}. A hint only narrows the candidates for {@code n}; the
 * {@code WHERE} is still tested on every match, so a hint can never change an answer.
 */
record StartHints(Map<String, Hint> byVariable, Map<String, Range> ranges) {

    static final StartHints NONE = new StartHints(Map.of(), Map.of());

    /** {@code key} is null for an identity lookup. */
    record Hint(String key, Expression value) {
    }

    /** A comparison {@code n.key op value} that a label scan may apply to the property column itself. */
    record Range(String key, CypherGraph.Comparison op, Expression value) {
    }

    static StartHints of(Expression where, Set<String> boundBefore) {
        if (where == null) {
            return NONE;
        }
        Map<String, Hint> hints = new HashMap<>();
        Map<String, Range> ranges = new HashMap<>();
        collect(where, boundBefore, hints, ranges);
        return hints.isEmpty() && ranges.isEmpty() ? NONE : new StartHints(Map.copyOf(hints), Map.copyOf(ranges));
    }

    Hint get(String variable) {
        return variable == null ? null : byVariable.get(variable);
    }

    Range range(String variable) {
        return variable == null ? null : ranges.get(variable);
    }

    private static void collect(Expression e, Set<String> bound, Map<String, Hint> hints, Map<String, Range> ranges) {
        if (!(e instanceof Binary b)) {
            return;
        }
        switch (b.operator()) {
            case AND -> {
                collect(b.left(), bound, hints, ranges);
                collect(b.right(), bound, hints, ranges);
            }
            case EQ -> {
                hint(b.left(), b.right(), bound, hints);
                hint(b.right(), b.left(), bound, hints);
            }
            case LT, LTE, GT, GTE -> {
                range(b.left(), comparison(b.operator(), false), b.right(), bound, ranges);
                range(b.right(), comparison(b.operator(), true), b.left(), bound, ranges);
            }
            default -> {
            }
        }
    }

    /** {@code op}, or its mirror for {@code value op n.key}. */
    private static CypherGraph.Comparison comparison(BinaryOperator op, boolean mirrored) {
        return switch (op) {
            case LT -> mirrored ? CypherGraph.Comparison.GT : CypherGraph.Comparison.LT;
            case LTE -> mirrored ? CypherGraph.Comparison.GTE : CypherGraph.Comparison.LTE;
            case GT -> mirrored ? CypherGraph.Comparison.LT : CypherGraph.Comparison.GT;
            default -> mirrored ? CypherGraph.Comparison.LTE : CypherGraph.Comparison.GTE;
        };
    }

    private static void range(Expression side, CypherGraph.Comparison op, Expression value, Set<String> bound, Map<String, Range> ranges) {
        if (side instanceof Property p && p.subject() instanceof Variable v && !bound.contains(v.name())
                && bound.containsAll(FreeVariables.of(value))) {
            ranges.putIfAbsent(v.name(), new Range(p.key(), op, value));
        }
    }

    private static void hint(Expression side, Expression value, Set<String> bound, Map<String, Hint> hints) {
        if (!bound.containsAll(FreeVariables.of(value))) {
            return;
        }
        if (side instanceof FunctionCall f && f.name().size() == 1 && f.name().get(0).equalsIgnoreCase("id") && !f.distinct()
                && f.arguments().size() == 1 && f.arguments().get(0) instanceof Variable v && !bound.contains(v.name())) {
            hints.put(v.name(), new Hint(null, value));
        } else if (side instanceof Property p && p.subject() instanceof Variable v && !bound.contains(v.name())) {
            hints.putIfAbsent(v.name(), new Hint(p.key(), value));
        }
    }
}
