package io.grapholap.application.dataset;

import io.grapholap.application.dataset.GraphTables.Value;
import java.util.List;
import java.util.Map;

/**
 * What one upload asks for, whatever its format: vertex upserts, then edge upserts, applied in order
 * to a copy of the dataset's current version.
 */
record GraphChanges(List<Vertex> vertices, List<Edge> edges) {

    GraphChanges {
        vertices = List.copyOf(vertices);
        edges = List.copyOf(edges);
    }

    /** A vertex of {@code label} with key {@code key}; {@code keyName} names the key column of a new label. */
    record Vertex(String label, String keyName, Value key, Map<String, Value> attributes) {
    }

    /** An edge of {@code type} between two keys; the key names name the key columns of a new edge type. */
    record Edge(String type, String fromLabel, String toLabel, String fromKeyName, String toKeyName, Value from, Value to,
                Map<String, Value> attributes) {
    }
}
