package io.grapholap.cypher.exec;

import io.grapholap.cypher.ast.Expression;
import io.grapholap.cypher.ast.Projection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What the checker and the executor must agree on about {@code WITH} and {@code RETURN}: the columns a
 * projection makes, how {@code ORDER BY} and {@code WHERE} read an expression that is projected, and
 * where in an expression aggregations may stand.
 */
final class Projections {

    private Projections() {
    }

    /** The columns of {@code p}: for {@code *} the variables in scope in alphabetical order, then the items. */
    static List<String> columns(Projection p, Collection<String> scope) {
        List<String> columns = new ArrayList<>();
        if (p.all()) {
            columns.addAll(new TreeSet<>(scope));
        }
        p.items().forEach(item -> columns.add(item.name()));
        return columns;
    }

    /** The expression of each of {@link #columns}. */
    static List<Expression> expressions(Projection p, Collection<String> scope) {
        List<Expression> expressions = new ArrayList<>();
        if (p.all()) {
            new TreeSet<>(scope).forEach(v -> expressions.add(new Expression.Variable(v, null)));
        }
        p.items().forEach(item -> expressions.add(item.expression()));
        return expressions;
    }

    /**
     * {@code e} (of an {@code ORDER BY} or of the {@code WHERE} of a {@code WITH}) with each part that
     * repeats a projected expression read from its column instead: after {@code WITH DISTINCT a.x AS x},
     * {@code a.x} still means {@code x} though {@code a} is gone; {@code ORDER BY count(*)} reads the
     * projected count.
     */
    static Expression substitute(Expression e, List<String> columns, List<Expression> expressions) {
        return rewrite(e, x -> {
            int column = expressions.indexOf(x);
            if (column < 0) {
                return null;
            }
            // a variable that names a column means the column: only a part that reads no renamed variable is the same as before
            for (String v : FreeVariables.of(x)) {
                int named = columns.indexOf(v);
                if (named >= 0 && !(expressions.get(named) instanceof Expression.Variable same && same.name().equals(v))) {
                    return null;
                }
            }
            return new Expression.Variable(columns.get(column), null);
        });
    }

    static boolean isAggregate(Expression e) {
        return e instanceof Expression.CountStar
                || e instanceof Expression.FunctionCall f && io.grapholap.cypher.eval.Functions.isAggregate(f);
    }

    /** Whether {@code e} has an aggregation where a projection computes them (not inside a comprehension's body). */
    static boolean aggregates(Expression e) {
        if (isAggregate(e)) {
            return true;
        }
        for (Expression child : outer(e)) {
            if (aggregates(child)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The children of {@code e} that are evaluated once per row rather than once per element: all but
     * the bodies of list comprehensions, list predicates and pattern comprehensions (an aggregation may
     * produce the list a comprehension walks, never stand in its body).
     */
    static List<Expression> outer(Expression e) {
        return switch (e) {
            case Expression.ListComprehension l -> List.of(l.list());
            case Expression.Quantified q -> List.of(q.list());
            case Expression.PatternComprehension p -> List.of();
            default -> e.children();
        };
    }

    /**
     * {@code e} with each part for which {@code replacement} gives an expression replaced by it, looked
     * for from the outside in and among the {@link #outer} children only; the rest is rebuilt as it was.
     */
    static Expression rewrite(Expression e, Function<Expression, Expression> replacement) {
        Expression r = replacement.apply(e);
        if (r != null) {
            return r;
        }
        Function<Expression, Expression> f = x -> x == null ? null : rewrite(x, replacement);
        return switch (e) {
            case Expression.ListLiteral l -> new Expression.ListLiteral(l.elements().stream().map(f).toList());
            case Expression.MapLiteral m -> new Expression.MapLiteral(m.keys(), m.values().stream().map(f).toList());
            case Expression.Property p -> new Expression.Property(f.apply(p.subject()), p.key());
            case Expression.HasLabels h -> new Expression.HasLabels(f.apply(h.subject()), h.labels());
            case Expression.Binary b -> new Expression.Binary(b.operator(), f.apply(b.left()), f.apply(b.right()));
            case Expression.Not n -> new Expression.Not(f.apply(n.operand()));
            case Expression.Negate n -> new Expression.Negate(f.apply(n.operand()));
            case Expression.IsNull n -> new Expression.IsNull(f.apply(n.operand()), n.negated());
            case Expression.Subscript s -> new Expression.Subscript(f.apply(s.subject()), f.apply(s.index()));
            case Expression.Slice s -> new Expression.Slice(f.apply(s.subject()), f.apply(s.from()), f.apply(s.to()));
            case Expression.FunctionCall c -> new Expression.FunctionCall(c.name(), c.distinct(), c.arguments().stream().map(f).toList(),
                    c.position());
            case Expression.Case k -> new Expression.Case(f.apply(k.subject()), k.whens().stream().map(f).toList(),
                    k.thens().stream().map(f).toList(), f.apply(k.otherwise()));
            case Expression.ListComprehension l -> new Expression.ListComprehension(l.variable(), f.apply(l.list()), l.where(), l.projection());
            case Expression.Quantified q -> new Expression.Quantified(q.quantifier(), q.variable(), f.apply(q.list()), q.where());
            default -> e;
        };
    }
}
