package io.grapholap.cypher.exec;

import io.grapholap.cypher.ast.Expression;
import io.grapholap.cypher.ast.Expression.Binary;
import io.grapholap.cypher.ast.Expression.BinaryOperator;
import io.grapholap.cypher.ast.Expression.FunctionCall;
import io.grapholap.cypher.ast.Expression.Property;
import io.grapholap.cypher.ast.Expression.Variable;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Equalities in a {@code MATCH}'s {@code WHERE} that name where a pattern may start: {@code id(n) = e}
 * (the graph's identity lookup) and {@code n.key = e} (its property index), where {@code e} reads only
 * variables bound before the {@code MATCH}. A hint only narrows the candidates for {@code n}; the
 * {@code WHERE} is still tested on every match, so a hint can never change an answer.
 */
record StartHints(Map<String, Hint> byVariable) {

    static final StartHints NONE = new StartHints(Map.of());

    /** {@code key} is null for an identity lookup. */
    record Hint(String key, Expression value) {
    }

    static StartHints of(Expression where, Set<String> boundBefore) {
        if (where == null) {
            return NONE;
        }
        Map<String, Hint> hints = new HashMap<>();
        collect(where, boundBefore, hints);
        return hints.isEmpty() ? NONE : new StartHints(Map.copyOf(hints));
    }

    Hint get(String variable) {
        return variable == null ? null : byVariable.get(variable);
    }

    private static void collect(Expression e, Set<String> bound, Map<String, Hint> hints) {
        if (!(e instanceof Binary b)) {
            return;
        }
        if (b.operator() == BinaryOperator.AND) {
            collect(b.left(), bound, hints);
            collect(b.right(), bound, hints);
        } else if (b.operator() == BinaryOperator.EQ) {
            hint(b.left(), b.right(), bound, hints);
            hint(b.right(), b.left(), bound, hints);
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
