package io.grapholap.cypher.exec;

import io.grapholap.cypher.CypherSyntax;
import io.grapholap.cypher.ast.Clause;
import io.grapholap.cypher.ast.PatternPart;
import io.grapholap.cypher.ast.SingleQuery;
import io.grapholap.cypher.eval.CypherGraph;
import io.grapholap.cypher.eval.Evaluator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * A graph in lists, built from {@code CREATE} statements: the test-only loader of the executor's
 * tests (and of the TCK scenarios' set-ups). Identities are {@code "n<id>"} and {@code "r<id>"}.
 */
public final class MemoryGraph implements CypherGraph {

    private final List<List<String>> labels = new ArrayList<>();
    private final List<Map<String, Object>> nodeProperties = new ArrayList<>();
    private final List<String> types = new ArrayList<>();
    private final List<long[]> ends = new ArrayList<>();
    private final List<Map<String, Object>> relationshipProperties = new ArrayList<>();

    /** The graph the {@code CREATE} statements describe, each one a query of CREATE clauses. */
    public static MemoryGraph of(String... creates) {
        MemoryGraph g = new MemoryGraph();
        Evaluator evaluator = new Evaluator(g, Map.of(), (p, r) -> List.of());
        for (String create : creates) {
            for (SingleQuery q : CypherSyntax.parse(create).parts()) {
                Map<String, Long> named = new HashMap<>();
                for (Clause c : q.clauses()) {
                    for (PatternPart part : ((Clause.Create) c).pattern()) {
                        long from = g.node(part.start(), named, evaluator);
                        for (PatternPart.Step s : part.steps()) {
                            long to = g.node(s.node(), named, evaluator);
                            boolean incoming = s.relationship().direction() == PatternPart.Direction.INCOMING;
                            g.types.add(s.relationship().types().get(0));
                            g.ends.add(incoming ? new long[] {to, from} : new long[] {from, to});
                            g.relationshipProperties.add(properties(s.relationship().properties(), evaluator));
                            from = to;
                        }
                    }
                }
            }
        }
        return g;
    }

    private long node(PatternPart.NodePattern p, Map<String, Long> named, Evaluator evaluator) {
        if (p.variable() != null && named.containsKey(p.variable())) {
            return named.get(p.variable());
        }
        long id = labels.size();
        labels.add(List.copyOf(p.labels()));
        nodeProperties.add(properties(p.properties(), evaluator));
        if (p.variable() != null) {
            named.put(p.variable(), id);
        }
        return id;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(io.grapholap.cypher.ast.Expression e, Evaluator evaluator) {
        if (e == null) {
            return Map.of();
        }
        Map<String, Object> m = new LinkedHashMap<>((Map<String, Object>) evaluator.eval(e, Map.of()));
        m.values().removeIf(v -> v == null);
        return m;
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
        for (int r = ends.size() - 1; r >= 0; r--) {
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
