package io.grapholap.cypher.exec;

import io.grapholap.cypher.ast.Expression;
import io.grapholap.cypher.ast.PatternPart;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The variables an expression reads from its row: all variables it uses, less those that a list
 * comprehension, a list predicate or a pattern comprehension binds for itself. Variables in pattern
 * predicates are left to the matcher.
 */
final class FreeVariables {

    private FreeVariables() {
    }

    static Set<String> of(Expression e) {
        Set<String> free = new LinkedHashSet<>();
        collect(e, new HashSet<>(), free);
        return free;
    }

    private static void collect(Expression e, Set<String> bound, Set<String> free) {
        switch (e) {
            case null -> {
            }
            case Expression.Variable v -> {
                if (!bound.contains(v.name())) {
                    free.add(v.name());
                }
            }
            case Expression.ListLiteral l -> l.elements().forEach(x -> collect(x, bound, free));
            case Expression.MapLiteral m -> m.values().forEach(x -> collect(x, bound, free));
            case Expression.Property p -> collect(p.subject(), bound, free);
            case Expression.HasLabels h -> collect(h.subject(), bound, free);
            case Expression.Binary b -> {
                collect(b.left(), bound, free);
                collect(b.right(), bound, free);
            }
            case Expression.Not n -> collect(n.operand(), bound, free);
            case Expression.Negate n -> collect(n.operand(), bound, free);
            case Expression.IsNull n -> collect(n.operand(), bound, free);
            case Expression.Subscript s -> {
                collect(s.subject(), bound, free);
                collect(s.index(), bound, free);
            }
            case Expression.Slice s -> {
                collect(s.subject(), bound, free);
                collect(s.from(), bound, free);
                collect(s.to(), bound, free);
            }
            case Expression.FunctionCall f -> f.arguments().forEach(x -> collect(x, bound, free));
            case Expression.Case c -> {
                collect(c.subject(), bound, free);
                c.whens().forEach(x -> collect(x, bound, free));
                c.thens().forEach(x -> collect(x, bound, free));
                collect(c.otherwise(), bound, free);
            }
            case Expression.ListComprehension c -> {
                collect(c.list(), bound, free);
                Set<String> inner = new HashSet<>(bound);
                inner.add(c.variable());
                collect(c.where(), inner, free);
                collect(c.projection(), inner, free);
            }
            case Expression.Quantified q -> {
                collect(q.list(), bound, free);
                Set<String> inner = new HashSet<>(bound);
                inner.add(q.variable());
                collect(q.where(), inner, free);
            }
            case Expression.PatternComprehension c -> {
                Set<String> inner = new HashSet<>(bound);
                inner.addAll(patternVariables(c.pattern()));
                collect(c.where(), inner, free);
                collect(c.projection(), inner, free);
            }
            default -> {
            }
        }
    }

    static Set<String> patternVariables(PatternPart part) {
        Set<String> names = new LinkedHashSet<>();
        if (part.variable() != null) {
            names.add(part.variable());
        }
        if (part.start().variable() != null) {
            names.add(part.start().variable());
        }
        for (PatternPart.Step s : part.steps()) {
            if (s.relationship().variable() != null) {
                names.add(s.relationship().variable());
            }
            if (s.node().variable() != null) {
                names.add(s.node().variable());
            }
        }
        return names;
    }
}
