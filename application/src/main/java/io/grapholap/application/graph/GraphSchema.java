package io.grapholap.application.graph;

import java.util.List;
import java.util.Objects;

/**
 * What a loaded graph holds, without its data: each vertex label with its vertex count, key type and
 * property columns (stored algorithm properties included), and each edge type with its end labels,
 * edge count and property columns. Labels and types keep load order.
 */
public record GraphSchema(List<Label> labels, List<EdgeType> edgeTypes) {

    public GraphSchema {
        labels = List.copyOf(labels);
        edgeTypes = List.copyOf(edgeTypes);
    }

    /** A named, typed property column. */
    public record Property(String name, ValueType type) {
        public Property {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }
    }

    public record Label(String name, long count, ValueType keyType, List<Property> properties) {
        public Label {
            Objects.requireNonNull(name, "name");
            properties = List.copyOf(properties);
        }
    }

    public record EdgeType(String name, String fromLabel, String toLabel, long count, List<Property> properties) {
        public EdgeType {
            Objects.requireNonNull(name, "name");
            properties = List.copyOf(properties);
        }
    }
}
