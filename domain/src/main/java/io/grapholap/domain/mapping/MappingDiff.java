package io.grapholap.domain.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What changed between two versions of a mapping: node definitions matched by label, edge
 * definitions matched by type. A definition present in both is modified when any field differs;
 * {@link Change#fieldsChanged()} names those fields with their wire names.
 */
public record MappingDiff(int fromVersion, int toVersion, Summary summary, List<Change<NodeDefinition>> nodes,
                          List<Change<EdgeDefinition>> edges) {

    public enum ChangeType { ADDED, REMOVED, MODIFIED }

    public record Summary(int nodesAdded, int nodesRemoved, int nodesModified,
                          int edgesAdded, int edgesRemoved, int edgesModified) {
    }

    /** One changed definition; {@code before} is null when added, {@code after} null when removed. */
    public record Change<D>(String key, ChangeType type, List<String> fieldsChanged, D before, D after) {
        public Change {
            fieldsChanged = List.copyOf(fieldsChanged);
        }
    }

    public static MappingDiff between(MappingVersion from, MappingVersion to) {
        List<Change<NodeDefinition>> nodes = compare(from.definition().nodes(), to.definition().nodes(),
                NodeDefinition::label, MappingDiff::nodeFields);
        List<Change<EdgeDefinition>> edges = compare(from.definition().edges(), to.definition().edges(),
                EdgeDefinition::type, MappingDiff::edgeFields);
        Summary summary = new Summary(
                count(nodes, ChangeType.ADDED), count(nodes, ChangeType.REMOVED), count(nodes, ChangeType.MODIFIED),
                count(edges, ChangeType.ADDED), count(edges, ChangeType.REMOVED), count(edges, ChangeType.MODIFIED));
        return new MappingDiff(from.version(), to.version(), summary, nodes, edges);
    }

    private static <D> List<Change<D>> compare(List<D> before, List<D> after, Function<D, String> key,
                                               java.util.function.BiFunction<D, D, List<String>> fields) {
        Map<String, D> old = new LinkedHashMap<>();
        before.forEach(d -> old.put(key.apply(d), d));
        Map<String, D> now = new LinkedHashMap<>();
        after.forEach(d -> now.put(key.apply(d), d));
        List<Change<D>> changes = new ArrayList<>();
        for (D d : after) {
            D previous = old.get(key.apply(d));
            if (previous == null) {
                changes.add(new Change<>(key.apply(d), ChangeType.ADDED, List.of(), null, d));
            } else {
                List<String> changed = fields.apply(previous, d);
                if (!changed.isEmpty()) {
                    changes.add(new Change<>(key.apply(d), ChangeType.MODIFIED, changed, previous, d));
                }
            }
        }
        for (D d : before) {
            if (!now.containsKey(key.apply(d))) {
                changes.add(new Change<>(key.apply(d), ChangeType.REMOVED, List.of(), d, null));
            }
        }
        return changes;
    }

    private static List<String> nodeFields(NodeDefinition a, NodeDefinition b) {
        List<String> changed = new ArrayList<>();
        diff(changed, "sql", a.sql(), b.sql());
        diff(changed, "primary_key", a.primaryKey(), b.primaryKey());
        diff(changed, "properties", a.properties(), b.properties());
        return changed;
    }

    private static List<String> edgeFields(EdgeDefinition a, EdgeDefinition b) {
        List<String> changed = new ArrayList<>();
        diff(changed, "from_node", a.fromNode(), b.fromNode());
        diff(changed, "to_node", a.toNode(), b.toNode());
        diff(changed, "sql", a.sql(), b.sql());
        diff(changed, "from_key", a.fromKey(), b.fromKey());
        diff(changed, "to_key", a.toKey(), b.toKey());
        diff(changed, "properties", a.properties(), b.properties());
        return changed;
    }

    private static void diff(List<String> changed, String field, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            changed.add(field);
        }
    }

    private static int count(List<? extends Change<?>> changes, ChangeType type) {
        return (int) changes.stream().filter(c -> c.type() == type).count();
    }
}
