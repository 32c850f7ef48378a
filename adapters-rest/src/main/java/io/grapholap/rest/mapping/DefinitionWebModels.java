package io.grapholap.rest.mapping;

import io.grapholap.domain.error.ValidationException;
import io.grapholap.domain.mapping.EdgeDefinition;
import io.grapholap.domain.mapping.NodeDefinition;
import io.grapholap.domain.mapping.PropertyDefinition;
import io.micronaut.core.annotation.Introspected;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Node and edge definitions on the wire, both ways. Reading them turns every rule broken into a
 * 400 naming the full JSON path, e.g. {@code node_definitions[1].primary_key.type}.
 */
final class DefinitionWebModels {

    private DefinitionWebModels() {
    }

    @Introspected
    record PropertyWebModel(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name, @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String type) {
        static PropertyWebModel from(PropertyDefinition p) {
            return new PropertyWebModel(p.name(), p.type().name());
        }

        PropertyDefinition toDomain(String field) {
            return PropertyDefinition.of(field, name, type);
        }
    }

    @Introspected
    record NodeDefinitionWebModel(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String label, @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String sql,
                                  @Schema(requiredMode = Schema.RequiredMode.REQUIRED) PropertyWebModel primaryKey, List<PropertyWebModel> properties) {
        static NodeDefinitionWebModel from(NodeDefinition n) {
            return new NodeDefinitionWebModel(n.label(), n.sql(), PropertyWebModel.from(n.primaryKey()),
                    n.properties().stream().map(PropertyWebModel::from).toList());
        }

        NodeDefinition toDomain(String at) {
            if (primaryKey == null) {
                throw new ValidationException(at + ".primary_key", at + ".primary_key is required: {\"name\": …, \"type\": …}");
            }
            PropertyDefinition key = primaryKey.toDomain(at + ".primary_key");
            List<PropertyDefinition> props = DefinitionWebModels.properties(at, properties);
            return prefixed(at, () -> new NodeDefinition(label, sql, key, props));
        }
    }

    @Introspected
    record EdgeDefinitionWebModel(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String type, @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String fromNode, @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String toNode,
                                  @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String sql, @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String fromKey, @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String toKey,
                                  List<PropertyWebModel> properties) {
        static EdgeDefinitionWebModel from(EdgeDefinition e) {
            return new EdgeDefinitionWebModel(e.type(), e.fromNode(), e.toNode(), e.sql(), e.fromKey(), e.toKey(),
                    e.properties().stream().map(PropertyWebModel::from).toList());
        }

        EdgeDefinition toDomain(String at) {
            List<PropertyDefinition> props = DefinitionWebModels.properties(at, properties);
            return prefixed(at, () -> new EdgeDefinition(type, fromNode, toNode, sql, fromKey, toKey, props));
        }
    }

    static List<NodeDefinition> nodes(List<NodeDefinitionWebModel> nodes) {
        if (nodes == null) {
            return null;
        }
        List<NodeDefinition> out = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            String at = "node_definitions[" + i + "]";
            if (nodes.get(i) == null) {
                throw new ValidationException(at, at + " must be an object");
            }
            out.add(nodes.get(i).toDomain(at));
        }
        return out;
    }

    static List<EdgeDefinition> edges(List<EdgeDefinitionWebModel> edges) {
        if (edges == null) {
            return null;
        }
        List<EdgeDefinition> out = new ArrayList<>(edges.size());
        for (int i = 0; i < edges.size(); i++) {
            String at = "edge_definitions[" + i + "]";
            if (edges.get(i) == null) {
                throw new ValidationException(at, at + " must be an object");
            }
            out.add(edges.get(i).toDomain(at));
        }
        return out;
    }

    private static List<PropertyDefinition> properties(String at, List<PropertyWebModel> properties) {
        if (properties == null) {
            return List.of();
        }
        List<PropertyDefinition> out = new ArrayList<>(properties.size());
        for (int i = 0; i < properties.size(); i++) {
            String field = at + ".properties[" + i + "]";
            if (properties.get(i) == null) {
                throw new ValidationException(field, field + " must be an object");
            }
            out.add(properties.get(i).toDomain(field));
        }
        return out;
    }

    /** Runs a domain constructor, putting the definition's JSON path in front of the field it names. */
    private static <T> T prefixed(String at, Supplier<T> make) {
        try {
            return make.get();
        } catch (ValidationException e) {
            Map<String, Object> details = new LinkedHashMap<>(e.details());
            details.remove("field");
            String field = at + "." + e.field();
            String message = e.getMessage().equals(e.field() + " is required") ? field + " is required" : e.getMessage();
            throw new ValidationException(field, message, details);
        }
    }
}
