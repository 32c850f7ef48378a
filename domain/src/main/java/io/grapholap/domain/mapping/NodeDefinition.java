package io.grapholap.domain.mapping;

import io.grapholap.domain.error.ValidationException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A node label and the SQL that yields its rows: one row per vertex, keyed by {@code primaryKey},
 * with the listed properties as further columns. Property names are unique (case-insensitive) and
 * differ from the key.
 */
public record NodeDefinition(String label, String sql, PropertyDefinition primaryKey, List<PropertyDefinition> properties) {

    public NodeDefinition {
        requireText("label", label);
        requireText("sql", sql);
        Objects.requireNonNull(primaryKey, "primary_key");
        properties = properties == null ? List.of() : List.copyOf(properties);
        Set<String> seen = new HashSet<>();
        seen.add(primaryKey.name().toLowerCase(Locale.ROOT));
        for (int i = 0; i < properties.size(); i++) {
            String name = properties.get(i).name();
            if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                throw new ValidationException("properties[" + i + "].name",
                        "node " + label + ": property '" + name + "' is declared twice (or repeats the primary key)",
                        java.util.Map.of("definition", label, "column", name));
            }
        }
    }

    static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(field, field + " is required");
        }
    }

    /** Every column the SQL must yield, key first. */
    public List<PropertyDefinition> columns() {
        var all = new java.util.ArrayList<PropertyDefinition>(properties.size() + 1);
        all.add(primaryKey);
        all.addAll(properties);
        return all;
    }
}
