package io.grapholap.cypher.exec;

import io.grapholap.cypher.CypherSyntax;
import io.grapholap.cypher.ast.Clause;
import io.grapholap.cypher.ast.Expression;
import io.grapholap.cypher.ast.PatternPart;
import io.grapholap.cypher.ast.Projection;
import io.grapholap.cypher.ast.SingleQuery;
import io.grapholap.cypher.eval.CypherGraph;
import io.grapholap.cypher.eval.Evaluator;
import io.grapholap.cypher.eval.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * A graph in lists, built by set-up scripts: the test-only loader of the executor's tests and of the
 * TCK scenarios. A script is read clause by clause over a list of rows like a query, with the
 * executor's own matcher, evaluator and aggregation for {@code MATCH}, {@code UNWIND} and
 * {@code WITH}, and {@code CREATE} and {@code DELETE} (of relationships) applied here; each clause sees
 * the graph as the clause before left it. Identities are {@code "n<id>"} and {@code "r<id>"}. A node's
 * relationships are walked newest first, the order of the database the TCK's expected lists were
 * taken from.
 */
public final class MemoryGraph implements CypherGraph {

    private final List<List<String>> labels = new ArrayList<>();
    private final List<Map<String, Object>> nodeProperties = new ArrayList<>();
    /** Per node, its relationships (outgoing and incoming) in the order they were made. */
    private final List<List<Integer>> adjacency = new ArrayList<>();
    private final List<String> types = new ArrayList<>();
    /** Start and end of each relationship; null once deleted. */
    private final List<long[]> ends = new ArrayList<>();
    private final List<Map<String, Object>> relationshipProperties = new ArrayList<>();

    /** The graph the set-up scripts make, run in order. */
    public static MemoryGraph of(String... scripts) {
        MemoryGraph g = new MemoryGraph();
        for (String script : scripts) {
            g.execute(script);
        }
        return g;
    }

    /**
     * Runs one set-up script: {@code CREATE}, {@code MATCH}, {@code OPTIONAL MATCH}, {@code UNWIND},
     * {@code WITH} (without ORDER BY, SKIP and LIMIT), {@code DELETE} of relationships and a final
     * {@code RETURN}, which is ignored. Anything else is an {@link IllegalArgumentException}.
     */
    public void execute(String script) {
        Matcher[] matcher = new Matcher[1];
        Evaluator evaluator = new Evaluator(this, Map.of(), (pattern, row) -> {
            List<Map<String, Object>> matches = new ArrayList<>();
            matcher[0].match(List.of(pattern), row, matches::add);
            return matches;
        });
        matcher[0] = new Matcher(this, evaluator, RowBudget.of(Long.MAX_VALUE));
        for (SingleQuery q : CypherSyntax.parse(script).parts()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            rows.add(new LinkedHashMap<>());
            Set<String> scope = new LinkedHashSet<>();
            for (Clause c : q.clauses()) {
                List<Map<String, Object>> out = new ArrayList<>();
                switch (c) {
                    case Clause.Create create -> {
                        for (Map<String, Object> row : rows) {
                            out.add(create(create.pattern(), row, evaluator));
                        }
                        create.pattern().forEach(part -> scope.addAll(FreeVariables.patternVariables(part)));
                    }
                    case Clause.Match m -> {
                        for (Map<String, Object> row : rows) {
                            int before = out.size();
                            matcher[0].match(m.pattern(), row, match -> {
                                if (m.where() == null || evaluator.test(m.where(), match)) {
                                    out.add(match);
                                }
                            });
                            if (m.optional() && out.size() == before) {
                                Map<String, Object> nulls = new LinkedHashMap<>(row);
                                m.pattern().forEach(part -> FreeVariables.patternVariables(part).forEach(v -> nulls.putIfAbsent(v, null)));
                                out.add(nulls);
                            }
                        }
                        m.pattern().forEach(part -> scope.addAll(FreeVariables.patternVariables(part)));
                    }
                    case Clause.Unwind u -> {
                        for (Map<String, Object> row : rows) {
                            Object list = evaluator.eval(u.list(), row);
                            for (Object e : list == null ? List.of() : list instanceof List<?> l ? l : List.of(list)) {
                                Map<String, Object> next = new LinkedHashMap<>(row);
                                next.put(u.variable(), e);
                                out.add(next);
                            }
                        }
                        scope.add(u.variable());
                    }
                    case Clause.With w -> {
                        out.addAll(project(w.projection(), w.where(), rows, scope, evaluator));
                        List<String> columns = Projections.columns(w.projection(), scope);
                        scope.clear();
                        scope.addAll(columns);
                    }
                    case Clause.Delete d -> {
                        for (Map<String, Object> row : rows) {
                            for (Expression e : d.expressions()) {
                                delete(evaluator.eval(e, row));
                            }
                        }
                        out.addAll(rows);
                    }
                    case Clause.Return r -> out.addAll(rows);
                    default -> throw new IllegalArgumentException("set-ups cannot " + c.keyword());
                }
                rows = out;
            }
        }
    }

    private static List<Map<String, Object>> project(Projection p, Expression where, List<Map<String, Object>> rows, Set<String> scope,
                                                     Evaluator evaluator) {
        if (!p.orderBy().isEmpty() || p.skip() != null || p.limit() != null || p.distinct()) {
            throw new IllegalArgumentException("set-ups cannot use ORDER BY, SKIP, LIMIT or DISTINCT");
        }
        List<String> columns = Projections.columns(p, scope);
        List<Expression> expressions = Projections.expressions(p, scope);
        List<Map<String, Object>> out = new ArrayList<>();
        if (expressions.stream().anyMatch(Projections::aggregates)) {
            Aggregation aggregation = new Aggregation(evaluator, columns, expressions, RowBudget.of(Long.MAX_VALUE));
            rows.forEach(aggregation::add);
            out.addAll(aggregation.result());
        } else {
            for (Map<String, Object> row : rows) {
                Map<String, Object> projected = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    projected.put(columns.get(i), evaluator.eval(expressions.get(i), row));
                }
                out.add(projected);
            }
        }
        if (where != null) {
            out.removeIf(row -> !evaluator.test(where, row));
        }
        return out;
    }

    /** Makes what {@code pattern} describes for one row; a variable bound in the row (or earlier in the pattern) is that node. */
    private Map<String, Object> create(List<PatternPart> pattern, Map<String, Object> row, Evaluator evaluator) {
        Map<String, Object> out = new LinkedHashMap<>(row);
        for (PatternPart part : pattern) {
            long from = node(part.start(), out, evaluator);
            for (PatternPart.Step s : part.steps()) {
                long to = node(s.node(), out, evaluator);
                PatternPart.RelationshipPattern r = s.relationship();
                if (r.types().size() != 1 || r.direction() == PatternPart.Direction.EITHER || r.length() != null) {
                    throw new IllegalArgumentException("a created relationship needs one type and a direction");
                }
                boolean incoming = r.direction() == PatternPart.Direction.INCOMING;
                int id = ends.size();
                types.add(r.types().get(0));
                ends.add(incoming ? new long[] {to, from} : new long[] {from, to});
                relationshipProperties.add(properties(r.properties(), out, evaluator));
                adjacency.get((int) from).add(id);
                if (to != from) {
                    adjacency.get((int) to).add(id);
                }
                if (r.variable() != null) {
                    out.put(r.variable(), new Values.Relationship(id));
                }
                from = to;
            }
        }
        return out;
    }

    private long node(PatternPart.NodePattern p, Map<String, Object> row, Evaluator evaluator) {
        if (p.variable() != null && row.get(p.variable()) instanceof Values.Node n) {
            return n.id();
        }
        long id = labels.size();
        labels.add(List.copyOf(p.labels()));
        nodeProperties.add(properties(p.properties(), row, evaluator));
        adjacency.add(new ArrayList<>());
        if (p.variable() != null) {
            row.put(p.variable(), new Values.Node(id));
        }
        return id;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Expression e, Map<String, Object> row, Evaluator evaluator) {
        if (e == null) {
            return Map.of();
        }
        Map<String, Object> m = new LinkedHashMap<>((Map<String, Object>) evaluator.eval(e, row));
        m.values().removeIf(v -> v == null);
        return m;
    }

    private void delete(Object value) {
        if (value instanceof Values.Relationship r && ends.get((int) r.id()) != null) {
            long[] e = ends.get((int) r.id());
            adjacency.get((int) e[0]).remove(Integer.valueOf((int) r.id()));
            adjacency.get((int) e[1]).remove(Integer.valueOf((int) r.id()));
            ends.set((int) r.id(), null);
        } else if (value != null && !(value instanceof Values.Relationship)) {
            throw new IllegalArgumentException("set-ups can delete relationships only, not " + Values.typeName(value));
        }
    }

    @Override
    public List<String> labels(long node) {
        return labels.get((int) node);
    }

    @Override
    public Object nodeProperty(long node, String key) {
        return nodeProperties.get((int) node).get(key);
    }

    @Override
    public Map<String, Object> nodeProperties(long node) {
        return nodeProperties.get((int) node);
    }

    @Override
    public Object nodeIdentity(long node) {
        return "n" + node;
    }

    @Override
    public String type(long relationship) {
        return types.get((int) relationship);
    }

    @Override
    public Object relationshipProperty(long relationship, String key) {
        return relationshipProperties.get((int) relationship).get(key);
    }

    @Override
    public Map<String, Object> relationshipProperties(long relationship) {
        return relationshipProperties.get((int) relationship);
    }

    @Override
    public Object relationshipIdentity(long relationship) {
        return "r" + relationship;
    }

    @Override
    public long startNode(long relationship) {
        return ends.get((int) relationship)[0];
    }

    @Override
    public long endNode(long relationship) {
        return ends.get((int) relationship)[1];
    }

    @Override
    public void forEachNode(LongConsumer node) {
        for (long n = 0; n < labels.size(); n++) {
            node.accept(n);
        }
    }

    @Override
    public void forEachNodeWithLabel(String label, LongConsumer node) {
        for (long n = 0; n < labels.size(); n++) {
            if (labels.get((int) n).contains(label)) {
                node.accept(n);
            }
        }
    }

    @Override
    public void forEachRelationship(long node, boolean outgoing, boolean incoming, List<String> wanted, RelationshipConsumer consumer) {
        List<Integer> at = adjacency.get((int) node);
        for (int i = at.size() - 1; i >= 0; i--) {
            int r = at.get(i);
            if (!wanted.isEmpty() && !wanted.contains(types.get(r))) {
                continue;
            }
            long[] e = ends.get(r);
            if (outgoing && e[0] == node) {
                consumer.accept(r, e[1]);
            } else if (incoming && e[1] == node) {
                consumer.accept(r, e[0]);
            }
        }
    }
}
