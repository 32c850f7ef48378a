package io.grapholap.cypher.exec;

import io.grapholap.cypher.ast.Expression;
import io.grapholap.cypher.ast.PatternPart;
import io.grapholap.cypher.ast.PatternPart.Direction;
import io.grapholap.cypher.ast.PatternPart.NodePattern;
import io.grapholap.cypher.ast.PatternPart.RelationshipPattern;
import io.grapholap.cypher.eval.CypherGraph;
import io.grapholap.cypher.eval.CypherRuntimeException;
import io.grapholap.cypher.eval.Evaluator;
import io.grapholap.cypher.eval.Semantics;
import io.grapholap.cypher.eval.Values;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Finds the matches of path patterns by depth-first search from a start node: a bound variable is
 * checked, an unbound start node is found by a lookup (identity or property index, {@link StartHints}
 * and the node's property map), else by a label scan (the first label) or a scan of all nodes,
 * and each step expands the adjacency of the node reached. Within one {@code MATCH} a relationship is
 * used at most once (openCypher's relationship isomorphism). Variable-length steps bind their
 * variable to the list of relationships walked.
 */
final class Matcher {

    private final CypherGraph graph;
    private final Evaluator evaluator;
    private final RowBudget budget;

    Matcher(CypherGraph graph, Evaluator evaluator, RowBudget budget) {
        this.graph = graph;
        this.evaluator = evaluator;
        this.budget = budget;
    }

    /** Every extension of {@code row} that matches all {@code parts} together; each result is a new row. */
    void match(List<PatternPart> parts, Map<String, Object> row, Consumer<Map<String, Object>> out) {
        match(parts, row, StartHints.NONE, out);
    }

    /** {@link #match}, starting unbound nodes from the lookups {@code hints} name where the graph has them. */
    void match(List<PatternPart> parts, Map<String, Object> row, StartHints hints, Consumer<Map<String, Object>> out) {
        run(parts, row, hints, out, true);
    }

    /**
     * {@link #match}, handing the consumer the matcher's own row, which changes once the consumer returns:
     * for a consumer that keeps nothing of it (the executor's next clause copies what it keeps).
     */
    void matchLive(List<PatternPart> parts, Map<String, Object> row, StartHints hints, Consumer<Map<String, Object>> out) {
        run(parts, row, hints, out, false);
    }

    /** One match; a match started inside it (a pattern predicate) has its own settings, and gives them back. */
    private void run(List<PatternPart> parts, Map<String, Object> row, StartHints hints, Consumer<Map<String, Object>> out, boolean copy) {
        StartHints outer = this.hints;
        long outerCount = counted;
        boolean outerCopy = copyMatches;
        this.hints = hints;
        counted = -1;
        copyMatches = copy;
        try {
            matchPart(parts, 0, new LinkedHashMap<>(row), new HashSet<>(), out);
        } finally {
            this.hints = outer;
            counted = outerCount;
            copyMatches = outerCopy;
        }
    }

    /** The hints of the match in progress (a pattern predicate matched inside it has its own, and gives them back). */
    private StartHints hints = StartHints.NONE;

    /** Whether each match is a new row (false: the consumer reads the live row and keeps nothing of it). */
    private boolean copyMatches = true;

    /** While {@link #count} runs: the matches counted so far; otherwise -1 and matches go to the consumer. */
    private long counted = -1;

    /**
     * The number of matches of {@code parts}, without making them: the last single relationship of the
     * last part is counted at the node before it instead of walked to, so a count costs the degrees of
     * the nodes before the last hop, not one row per match.
     */
    long count(List<PatternPart> parts, StartHints hints) {
        StartHints outer = this.hints;
        this.hints = hints;
        counted = 0;
        try {
            matchPart(parts, 0, new LinkedHashMap<>(), new HashSet<>(), row -> counted++);
            return counted;
        } finally {
            counted = -1;
            this.hints = outer;
        }
    }

    /**
     * The number of distinct end nodes of {@code (start)-[:T*min..max]->(end)} over every start node the
     * pattern's start matches, found breadth first: for a directed relationship pattern with
     * {@code min <= 1}, the nodes a trail of {@code min..max} relationships reaches are the nodes a walk of
     * that many reaches (a shortest walk repeats no relationship; a node reached again closes a cycle,
     * whose shortest walk is a trail), so each node is expanded once instead of each trail walked.
     */
    long countDistinctReachable(PatternPart part, StartHints hints) {
        PatternPart.Step s = part.steps().get(0);
        RelationshipPattern rel = s.relationship();
        long min = rel.length().min() == null ? 1 : rel.length().min();
        long max = rel.length().max() == null ? Long.MAX_VALUE : rel.length().max();
        boolean outgoing = rel.direction() == Direction.OUTGOING;
        Set<Long> found = new HashSet<>();
        Map<String, Object> row = new LinkedHashMap<>();
        StartHints outer = this.hints;
        this.hints = hints;
        try {
            java.util.function.LongConsumer fromStart = start -> {
                budget.tick();
                if (!nodeMatches(start, part.start(), row)) {
                    return;
                }
                if (min == 0 && nodeMatches(start, s.node(), row)) {
                    found.add(start);
                }
                Set<Long> visited = new HashSet<>();
                visited.add(start);
                long[] frontier = {start};
                for (long depth = 1; depth <= max && frontier.length > 0; depth++) {
                    java.util.ArrayList<Long> next = new java.util.ArrayList<>();
                    for (long node : frontier) {
                        graph.forEachRelationship(node, outgoing, !outgoing, rel.types(), (r, other) -> {
                            budget.tick();
                            if (!found.contains(other) && nodeMatches(other, s.node(), row)) {
                                found.add(other);
                                budget.hold(found.size());
                            }
                            if (visited.add(other)) {
                                next.add(other);
                            }
                        });
                    }
                    frontier = next.stream().mapToLong(Long::longValue).toArray();
                }
            };
            forEachStart(part.start(), row, fromStart);
        } finally {
            this.hints = outer;
        }
        return found.size();
    }

    /**
     * The candidates for an unbound start node, when a lookup finds them: by identity or property from a
     * hint, else by the first property of its map that the graph indexes; {@code null} when the node's
     * label (or every node) must be scanned. Candidates are still tested against the whole pattern.
     */
    private long[] startCandidates(NodePattern start, Map<String, Object> row) {
        StartHints.Hint hint = hints.get(start.variable());
        if (hint != null && hint.key() == null) {
            long node = graph.nodeWithIdentity(evaluator.eval(hint.value(), row));
            return node < 0 ? new long[0] : new long[] {node};
        }
        if (start.labels().isEmpty()) {
            return null;
        }
        String label = start.labels().get(0);
        if (hint != null) {
            Object value = evaluator.eval(hint.value(), row);
            long[] found = value == null ? new long[0] : graph.nodesWithProperty(label, hint.key(), value);
            if (found != null) {
                return found;
            }
        }
        if (start.properties() != null && evaluator.eval(start.properties(), row) instanceof Map<?, ?> wanted) {
            for (Map.Entry<?, ?> e : wanted.entrySet()) {
                if (e.getValue() == null) {
                    return new long[0];
                }
                long[] found = graph.nodesWithProperty(label, String.valueOf(e.getKey()), e.getValue());
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /**
     * Every candidate for the unbound start node {@code start}: from a lookup ({@link #startCandidates}),
     * else a scan of its label (narrowed on the column by a range hint) or of all nodes.
     */
    private void forEachStart(NodePattern start, Map<String, Object> row, java.util.function.LongConsumer visit) {
        long[] candidates = startCandidates(start, row);
        if (candidates != null) {
            for (long node : candidates) {
                visit.accept(node);
            }
        } else if (start.labels().isEmpty()) {
            graph.forEachNode(visit);
        } else if (!scanWhere(start, row, visit)) {
            graph.forEachNodeWithLabel(start.labels().get(0), visit);
        }
    }

    /** A label scan that skips, on the property column, the nodes a range hint rules out; false when there is none. */
    private boolean scanWhere(NodePattern start, Map<String, Object> row, java.util.function.LongConsumer visit) {
        StartHints.Range range = hints.range(start.variable());
        if (range == null) {
            return false;
        }
        Object value = evaluator.eval(range.value(), row);
        return value instanceof Number && graph.forEachNodeWithLabelWhere(start.labels().get(0), range.key(), range.op(), value, visit);
    }

    private void matchPart(List<PatternPart> parts, int index, Map<String, Object> row, Set<Long> used, Consumer<Map<String, Object>> out) {
        if (index == parts.size()) {
            out.accept(counted >= 0 || !copyMatches ? row : new LinkedHashMap<>(row));
            return;
        }
        PatternPart part = parts.get(index);
        NodePattern start = part.start();
        Object bound = start.variable() == null ? null : row.get(start.variable());
        if (start.variable() != null && row.containsKey(start.variable())) {
            if (bound instanceof Values.Node n && nodeMatches(n.id(), start, row)) {
                walk(parts, index, part, 0, n.id(), row, used, pathStart(part, n.id()), NO_RELATIONSHIPS, out);
            } else if (bound != null && !(bound instanceof Values.Node)) {
                throw new CypherRuntimeException("VariableTypeConflict", "`" + start.variable() + "` is a " + Values.typeName(bound) + ", not a node");
            }
            return;
        }
        java.util.function.LongConsumer visit = node -> {
            budget.tick();
            if (nodeMatches(node, start, row)) {
                bind(row, start.variable(), new Values.Node(node));
                walk(parts, index, part, 0, node, row, used, pathStart(part, node), NO_RELATIONSHIPS, out);
                unbind(row, start.variable());
            }
        };
        forEachStart(start, row, visit);
    }

    /** Extends the path of {@code part} from {@code node} at {@code step}; {@code nodes}/{@code rels} is the path so far. */
    private void walk(List<PatternPart> parts, int index, PatternPart part, int step, long node, Map<String, Object> row, Set<Long> used,
                      long[] nodes, long[] rels, Consumer<Map<String, Object>> out) {
        if (step == part.steps().size()) {
            boolean named = part.variable() != null;
            if (named) {
                row.put(part.variable(), new Values.Path(nodes, rels));
            }
            matchPart(parts, index + 1, row, used, out);
            if (named) {
                row.remove(part.variable());
            }
            return;
        }
        PatternPart.Step s = part.steps().get(step);
        RelationshipPattern rel = s.relationship();
        if (rel.length() == null && counted >= 0 && index == parts.size() - 1 && step == part.steps().size() - 1
                && part.variable() == null) {
            countLastHop(node, s, row, used);
            return;
        }
        if (rel.length() == null) {
            for (long[] candidate : candidates(node, rel)) {
                long r = candidate[0];
                long other = candidate[1];
                if (used.contains(r) || !relationshipMatches(r, rel, row) || !boundMatches(row, rel.variable(), new Values.Relationship(r))) {
                    continue;
                }
                if (!nodeAt(row, s.node(), other)) {
                    continue;
                }
                boolean bindRel = rel.variable() != null && !row.containsKey(rel.variable());
                boolean bindNode = s.node().variable() != null && !row.containsKey(s.node().variable());
                used.add(r);
                if (bindRel) {
                    row.put(rel.variable(), new Values.Relationship(r));
                }
                if (bindNode) {
                    row.put(s.node().variable(), new Values.Node(other));
                }
                walk(parts, index, part, step + 1, other, row, used, append(nodes, other), append(rels, r), out);
                if (bindNode) {
                    row.remove(s.node().variable());
                }
                if (bindRel) {
                    row.remove(rel.variable());
                }
                used.remove(r);
            }
            return;
        }
        long min = rel.length().min() == null ? 1 : rel.length().min();
        long max = rel.length().max() == null ? Long.MAX_VALUE : rel.length().max();
        variableLength(parts, index, part, step, node, row, used, nodes, rels, new ArrayList<>(), min, max, out);
    }

    private void variableLength(List<PatternPart> parts, int index, PatternPart part, int step, long node, Map<String, Object> row,
                                Set<Long> used, long[] nodes, long[] rels, List<Long> walked, long min, long max,
                                Consumer<Map<String, Object>> out) {
        PatternPart.Step s = part.steps().get(step);
        RelationshipPattern rel = s.relationship();
        if (walked.size() >= min && nodeAt(row, s.node(), node)) {
            List<Object> relationships = walked.stream().map(r -> (Object) new Values.Relationship(r)).toList();
            if (boundMatches(row, rel.variable(), relationships)) {
                boolean bindRel = rel.variable() != null && !row.containsKey(rel.variable());
                boolean bindNode = s.node().variable() != null && !row.containsKey(s.node().variable());
                if (bindRel) {
                    row.put(rel.variable(), relationships);
                }
                if (bindNode) {
                    row.put(s.node().variable(), new Values.Node(node));
                }
                walk(parts, index, part, step + 1, node, row, used, nodes, rels, out);
                if (bindNode) {
                    row.remove(s.node().variable());
                }
                if (bindRel) {
                    row.remove(rel.variable());
                }
            }
        }
        if (walked.size() >= max) {
            return;
        }
        for (long[] candidate : candidates(node, rel)) {
            long r = candidate[0];
            if (used.contains(r) || !relationshipMatches(r, rel, row)) {
                continue;
            }
            budget.tick();
            used.add(r);
            walked.add(r);
            variableLength(parts, index, part, step, candidate[1], row, used, append(nodes, candidate[1]), append(rels, r), walked, min, max, out);
            walked.remove(walked.size() - 1);
            used.remove(r);
        }
    }

    /** Counts the matches that end with step {@code s} from {@code node}: the relationships a walk would take. */
    private void countLastHop(long node, PatternPart.Step s, Map<String, Object> row, Set<Long> used) {
        RelationshipPattern rel = s.relationship();
        boolean outgoing = rel.direction() != Direction.INCOMING;
        boolean incoming = rel.direction() != Direction.OUTGOING;
        boolean plain = rel.properties() == null && (rel.variable() == null || !row.containsKey(rel.variable()))
                && s.node().labels().isEmpty() && s.node().properties() == null
                && (s.node().variable() == null || !row.containsKey(s.node().variable()));
        graph.forEachRelationship(node, outgoing, incoming, rel.types(), (r, other) -> {
            budget.tick();
            if (used.contains(r)) {
                return;
            }
            if (plain || relationshipMatches(r, rel, row) && boundMatches(row, rel.variable(), new Values.Relationship(r))
                    && nodeAt(row, s.node(), other)) {
                counted++;
            }
        });
    }

    private List<long[]> candidates(long node, RelationshipPattern rel) {
        List<long[]> candidates = new ArrayList<>();
        boolean outgoing = rel.direction() != Direction.INCOMING;
        boolean incoming = rel.direction() != Direction.OUTGOING;
        graph.forEachRelationship(node, outgoing, incoming, rel.types(), (r, other) -> candidates.add(new long[] {r, other}));
        return candidates;
    }

    /** The node at the end of a step: a bound variable must be that node; labels and properties must match. */
    private boolean nodeAt(Map<String, Object> row, NodePattern pattern, long node) {
        return boundMatches(row, pattern.variable(), new Values.Node(node)) && nodeMatches(node, pattern, row);
    }

    private boolean boundMatches(Map<String, Object> row, String variable, Object value) {
        if (variable == null || !row.containsKey(variable)) {
            return true;
        }
        return Semantics.equivalent(row.get(variable), value);
    }

    private boolean nodeMatches(long node, NodePattern pattern, Map<String, Object> row) {
        if (!pattern.labels().isEmpty() && !graph.labels(node).containsAll(pattern.labels())) {
            return false;
        }
        return propertiesMatch(pattern.properties(), row, key -> graph.nodeProperty(node, key));
    }

    private boolean relationshipMatches(long r, RelationshipPattern pattern, Map<String, Object> row) {
        return propertiesMatch(pattern.properties(), row, key -> graph.relationshipProperty(r, key));
    }

    private boolean propertiesMatch(Expression properties, Map<String, Object> row, java.util.function.Function<String, Object> read) {
        if (properties == null) {
            return true;
        }
        Object wanted = evaluator.eval(properties, row);
        if (!(wanted instanceof Map<?, ?> map)) {
            throw new CypherRuntimeException("InvalidArgumentType", "pattern properties must be a map, not " + Values.typeName(wanted));
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!Boolean.TRUE.equals(Semantics.equal(Values.of(read.apply((String) e.getKey())), e.getValue()))) {
                return false;
            }
        }
        return true;
    }

    private static void bind(Map<String, Object> row, String variable, Object value) {
        if (variable != null) {
            row.put(variable, value);
        }
    }

    private static void unbind(Map<String, Object> row, String variable) {
        if (variable != null) {
            row.remove(variable);
        }
    }

    private static final long[] NO_RELATIONSHIPS = new long[0];

    /** The path so far at the start of {@code part}: kept only when the part is a named path ({@code p = …}), else null. */
    private static long[] pathStart(PatternPart part, long node) {
        return part.variable() == null ? null : new long[] {node};
    }

    /** {@code a} with {@code v} appended; nothing is kept (null) for a part whose path is not named. */
    private static long[] append(long[] a, long v) {
        if (a == null) {
            return null;
        }
        long[] b = java.util.Arrays.copyOf(a, a.length + 1);
        b[a.length] = v;
        return b;
    }
}
