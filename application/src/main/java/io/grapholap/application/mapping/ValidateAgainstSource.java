package io.grapholap.application.mapping;

import io.grapholap.application.mapping.SourceDatabase.SourceColumn;
import io.grapholap.application.mapping.SourceDatabase.SourceQueryException;
import io.grapholap.domain.error.ValidationException;
import io.grapholap.domain.mapping.EdgeDefinition;
import io.grapholap.domain.mapping.MappingDefinition;
import io.grapholap.domain.mapping.NodeDefinition;
import io.grapholap.domain.mapping.PropertyDefinition;
import io.grapholap.domain.mapping.PropertyType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks a mapping definition against the source: every SQL runs as a zero-row probe, and every
 * declared column must exist in its result with a compatible type; edge key columns must fit the
 * primary key type of the node they point to. All problems are collected; the first one becomes
 * the error's message and all are listed under {@code details.errors}.
 */
public final class ValidateAgainstSource {

    private final SourceDatabase source;

    public ValidateAgainstSource(SourceDatabase source) {
        this.source = source;
    }

    public void check(MappingDefinition definition) {
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < definition.nodes().size(); i++) {
            NodeDefinition node = definition.nodes().get(i);
            String at = "node_definitions[" + i + "]";
            columns(at, "node " + node.label(), node.label(), node.sql(), problems).ifPresent(cols -> {
                expect(cols, at + ".primary_key", "node " + node.label(), node.label(), node.primaryKey(), problems);
                for (int p = 0; p < node.properties().size(); p++) {
                    expect(cols, at + ".properties[" + p + "]", "node " + node.label(), node.label(), node.properties().get(p), problems);
                }
            });
        }
        for (int i = 0; i < definition.edges().size(); i++) {
            EdgeDefinition edge = definition.edges().get(i);
            String at = "edge_definitions[" + i + "]";
            String what = "edge " + edge.type();
            columns(at, what, edge.type(), edge.sql(), problems).ifPresent(cols -> {
                PropertyType fromType = definition.node(edge.fromNode()).orElseThrow().primaryKey().type();
                PropertyType toType = definition.node(edge.toNode()).orElseThrow().primaryKey().type();
                expect(cols, at + ".from_key", what, edge.type(), new PropertyDefinition(edge.fromKey(), fromType), problems);
                expect(cols, at + ".to_key", what, edge.type(), new PropertyDefinition(edge.toKey(), toType), problems);
                for (int p = 0; p < edge.properties().size(); p++) {
                    expect(cols, at + ".properties[" + p + "]", what, edge.type(), edge.properties().get(p), problems);
                }
            });
        }
        if (!problems.isEmpty()) {
            Problem first = problems.getFirst();
            Map<String, Object> details = new LinkedHashMap<>(first.details());
            details.put("errors", problems.stream().map(Problem::asMap).toList());
            throw new ValidationException(first.field(), first.message(), details);
        }
    }

    private java.util.Optional<Map<String, SourceColumn>> columns(String at, String what, String definition, String sql,
                                                                  List<Problem> problems) {
        try {
            Map<String, SourceColumn> byName = new LinkedHashMap<>();
            for (SourceColumn c : source.describe(sql)) {
                byName.putIfAbsent(c.name().toLowerCase(Locale.ROOT), c);
            }
            return java.util.Optional.of(byName);
        } catch (SourceQueryException e) {
            problems.add(new Problem(at + ".sql", what + ": SQL failed on the source: " + e.getMessage(), definition, null));
            return java.util.Optional.empty();
        }
    }

    private static void expect(Map<String, SourceColumn> columns, String field, String what, String definition,
                               PropertyDefinition declared, List<Problem> problems) {
        SourceColumn column = columns.get(declared.name().toLowerCase(Locale.ROOT));
        if (column == null) {
            problems.add(new Problem(field, what + ": column '" + declared.name() + "' is not in the SQL result (columns: "
                    + String.join(", ", columns.values().stream().map(SourceColumn::name).toList()) + ")",
                    definition, declared.name()));
        } else if (!TypeCompatibility.accepts(declared.type(), column)) {
            problems.add(new Problem(field, what + ": column '" + declared.name() + "' is declared " + declared.type()
                    + " but the source yields " + column.typeName(), definition, declared.name()));
        }
    }

    private record Problem(String field, String message, String definition, String column) {
        Map<String, Object> details() {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("definition", definition);
            if (column != null) {
                d.put("column", column);
            }
            return d;
        }

        Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("field", field);
            m.put("message", message);
            m.putAll(details());
            return m;
        }
    }
}
