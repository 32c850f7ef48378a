package io.grapholap.cypher.exec;

import io.grapholap.cypher.ast.Clause;
import io.grapholap.cypher.ast.Expression;
import io.grapholap.cypher.ast.PatternPart;
import io.grapholap.cypher.ast.Projection;
import java.util.List;

/**
 * Counting queries answered without making their rows: {@code MATCH <pattern> RETURN count(*)} (or
 * {@code count(v)} of a pattern variable, never null in a match) counts the matches
 * ({@link Matcher#count}), and {@code MATCH (a)-[:T*..k]->(b) RETURN count(DISTINCT b)} over a directed
 * variable-length relationship from at most one hop counts the nodes reached
 * ({@link Matcher#countDistinctReachable}). Any other query, or any of these with a {@code WHERE},
 * {@code OPTIONAL}, ordering or paging, goes the general way; both ways give the same answer.
 */
final class Counts {

    private Counts() {
    }

    /** The answer of {@code clauses} when they are one of the counting shapes; else {@code null}. */
    static CypherExecutor.Result answer(List<Clause> clauses, Matcher matcher) {
        if (clauses.size() != 2 || !(clauses.get(0) instanceof Clause.Match m) || m.optional() || m.where() != null
                || !(clauses.get(1) instanceof Clause.Return r)) {
            return null;
        }
        Projection p = r.projection();
        if (p.all() || p.distinct() || !p.orderBy().isEmpty() || p.skip() != null || p.limit() != null || p.items().size() != 1) {
            return null;
        }
        Projection.ProjectionItem item = p.items().get(0);
        Expression e = item.expression();
        if (e instanceof Expression.CountStar) {
            return new CypherExecutor.Result(List.of(item.name()), List.of(List.of(matcher.count(m.pattern(), StartHints.NONE))));
        }
        if (!(e instanceof Expression.FunctionCall f) || f.name().size() != 1 || !f.name().get(0).equalsIgnoreCase("count")
                || f.arguments().size() != 1 || !(f.arguments().get(0) instanceof Expression.Variable v)) {
            return null;
        }
        boolean inPattern = m.pattern().stream().anyMatch(part -> FreeVariables.patternVariables(part).contains(v.name())
                && !v.name().equals(part.variable()));
        if (!inPattern) {
            return null;
        }
        if (!f.distinct()) {
            return new CypherExecutor.Result(List.of(item.name()), List.of(List.of(matcher.count(m.pattern(), StartHints.NONE))));
        }
        if (m.pattern().size() != 1) {
            return null;
        }
        PatternPart part = m.pattern().get(0);
        if (part.variable() != null || part.steps().size() != 1) {
            return null;
        }
        PatternPart.Step step = part.steps().get(0);
        PatternPart.RelationshipPattern rel = step.relationship();
        boolean reach = rel.length() != null && rel.variable() == null && rel.properties() == null
                && rel.direction() != PatternPart.Direction.EITHER
                && (rel.length().min() == null || rel.length().min() <= 1)
                && v.name().equals(step.node().variable()) && !v.name().equals(part.start().variable());
        return reach ? new CypherExecutor.Result(List.of(item.name()), List.of(List.of(matcher.countDistinctReachable(part, StartHints.NONE))))
                : null;
    }
}
