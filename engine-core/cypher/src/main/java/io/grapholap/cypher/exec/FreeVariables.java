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
        if (e != null) {
            collect(e, new HashSet<>(), free);
        }
        return free;
    }

    private static void collect(Expression e, Set<String> bound, Set<String> free) {
        switch (e) {
            case Expression.Variable v -> {
                if (!bound.contains(v.name())) {
                    free.add(v.name());
                }
            }
            case Expression.ListComprehension c -> {
                collect(c.list(), bound, free);
                Set<String> inner = new HashSet<>(bound);
                inner.add(c.variable());
                children(c, c.list(), inner, free);
            }
            case Expression.Quantified q -> {
                collect(q.list(), bound, free);
                Set<String> inner = new HashSet<>(bound);
                inner.add(q.variable());
                children(q, q.list(), inner, free);
            }
            case Expression.PatternComprehension c -> {
                Set<String> inner = new HashSet<>(bound);
                inner.addAll(patternVariables(c.pattern()));
                children(c, null, inner, free);
            }
            default -> e.children().forEach(x -> collect(x, bound, free));
        }
    }

    /** The children of {@code e} but {@code skip}, with {@code bound} variables bound. */
    private static void children(Expression e, Expression skip, Set<String> bound, Set<String> free) {
        for (Expression child : e.children()) {
            if (child != skip) {
                collect(child, bound, free);
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
