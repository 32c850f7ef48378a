package io.grapholap.domain.mapping;

import io.grapholap.domain.error.ValidationException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An edge type and the SQL that yields its rows: one row per edge, whose {@code fromKey} and
 * {@code toKey} columns hold primary keys of the {@code fromNode} and {@code toNode} labels.
 * Property names are unique (case-insensitive) and differ from the two key columns.
 */
public record EdgeDefinition(String type, String fromNode, String toNode, String sql,
                             String fromKey, String toKey, List<PropertyDefinition> properties) {

    public EdgeDefinition {
        NodeDefinition.requireText("type", type);
        NodeDefinition.requireText("from_node", fromNode);
        NodeDefinition.requireText("to_node", toNode);
        NodeDefinition.requireText("sql", sql);
        NodeDefinition.requireText("from_key", fromKey);
        NodeDefinition.requireText("to_key", toKey);
        if (fromKey.equalsIgnoreCase(toKey)) {
            throw new ValidationException("to_key", "edge " + type + ": from_key and to_key must be different columns",
                    Map.of("definition", type, "column", toKey));
        }
        properties = properties == null ? List.of() : List.copyOf(properties);
        Set<String> seen = new HashSet<>(List.of(fromKey.toLowerCase(Locale.ROOT), toKey.toLowerCase(Locale.ROOT)));
        for (int i = 0; i < properties.size(); i++) {
            String name = properties.get(i).name();
            if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                throw new ValidationException("properties[" + i + "].name",
                        "edge " + type + ": property '" + name + "' is declared twice (or repeats a key column)",
                        Map.of("definition", type, "column", name));
            }
        }
    }
}
