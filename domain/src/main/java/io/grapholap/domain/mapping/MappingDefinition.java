package io.grapholap.domain.mapping;

import io.grapholap.domain.error.ValidationException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The graph a mapping version describes: node definitions with unique labels and edge
 * definitions with unique types whose endpoints name declared labels. At least one node
 * definition.
 */
public record MappingDefinition(List<NodeDefinition> nodes, List<EdgeDefinition> edges) {

    public MappingDefinition {
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
        edges = edges == null ? List.of() : List.copyOf(edges);
        if (nodes.isEmpty()) {
            throw new ValidationException("node_definitions", "a mapping needs at least one node definition");
        }
        Set<String> labels = new HashSet<>();
        for (int i = 0; i < nodes.size(); i++) {
            String label = nodes.get(i).label();
            if (!labels.add(label)) {
                throw new ValidationException("node_definitions[" + i + "].label",
                        "node label '" + label + "' is defined twice", Map.of("definition", label));
            }
        }
        Set<String> types = new HashSet<>();
        for (int i = 0; i < edges.size(); i++) {
            EdgeDefinition e = edges.get(i);
            if (!types.add(e.type())) {
                throw new ValidationException("edge_definitions[" + i + "].type",
                        "edge type '" + e.type() + "' is defined twice", Map.of("definition", e.type()));
            }
            if (!labels.contains(e.fromNode())) {
                throw new ValidationException("edge_definitions[" + i + "].from_node",
                        "edge " + e.type() + ": from_node '" + e.fromNode() + "' is not a node label of this mapping",
                        Map.of("definition", e.type(), "label", e.fromNode()));
            }
            if (!labels.contains(e.toNode())) {
                throw new ValidationException("edge_definitions[" + i + "].to_node",
                        "edge " + e.type() + ": to_node '" + e.toNode() + "' is not a node label of this mapping",
                        Map.of("definition", e.type(), "label", e.toNode()));
            }
        }
    }

    public Optional<NodeDefinition> node(String label) {
        return nodes.stream().filter(n -> n.label().equals(label)).findFirst();
    }

    public Optional<EdgeDefinition> edge(String type) {
        return edges.stream().filter(e -> e.type().equals(type)).findFirst();
    }
}
