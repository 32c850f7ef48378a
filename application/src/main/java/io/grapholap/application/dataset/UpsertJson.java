package io.grapholap.application.dataset;

import io.grapholap.application.dataset.GraphTables.Value;
import io.grapholap.application.graph.ValueType;
import io.grapholap.domain.error.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the upsert body of {@code POST /graph/{dataset}}, already parsed into plain JSON values
 * (Map, List, String, Number, Boolean, null). Accepted shapes:
 *
 * <pre>{@code
 * {"vertices": {"<label>": {"<id>": {"<attr>": {"value": <v>}, "<attr2>": <v>}}},
 *  "edges": {"<from label>": {"<from id>": {"<edge type>": {"<to label>": {"<to id>": {"<attr>": {"value": <v>}}}}}}}}
 * }</pre>
 *
 * and, for composite keys, a list per label, {@code "vertices": {"<label>": [{"id": {"a": 3, "b": "c"} | [3, "c"],
 * "attributes": {…}}]}}, and a list of edges, {@code "edges": [{"from_type", "from_id", "edge_type", "to_type",
 * "to_id", "attributes"}]} whose ids may be composite too. A composite id becomes the STRING key that is
 * its values as a JSON array ({@code [3,"c"]}); the object form also stores each part as an attribute.
 * Keys given as object member names are STRING. Vertices at most {@code maxVertices}, edges at most
 * {@code maxEdges}.
 */
final class UpsertJson {

    private UpsertJson() {
    }

    static GraphChanges parse(Object body, int maxVertices, int maxEdges) {
        if (!(body instanceof Map<?, ?> root)) {
            throw new ValidationException("body", "the body must be a JSON object with 'vertices' and/or 'edges'");
        }
        for (Object k : root.keySet()) {
            if (!"vertices".equals(k) && !"edges".equals(k)) {
                throw new ValidationException(String.valueOf(k), "unknown member '" + k + "'; expected 'vertices' and/or 'edges'");
            }
        }
        List<GraphChanges.Vertex> vertices = new ArrayList<>();
        Object vs = root.get("vertices");
        if (vs != null) {
            for (Map.Entry<String, Object> label : object("vertices", vs).entrySet()) {
                String path = "vertices." + label.getKey();
                if (label.getValue() instanceof List<?> list) {
                    for (Object item : list) {
                        Map<String, Object> v = object(path, item);
                        Map<String, Value> attributes = attributes(path, v.get("attributes"));
                        Value key = id(path + ".id", v.get("id"), attributes);
                        add(vertices, maxVertices, new GraphChanges.Vertex(label.getKey(), GraphTables.VERTEX_KEY, key, attributes));
                    }
                } else {
                    for (Map.Entry<String, Object> v : object(path, label.getValue()).entrySet()) {
                        add(vertices, maxVertices, new GraphChanges.Vertex(label.getKey(), GraphTables.VERTEX_KEY,
                                new Value(ValueType.STRING, v.getKey()), attributes(path + "." + v.getKey(), v.getValue())));
                    }
                }
            }
        }
        List<GraphChanges.Edge> edges = new ArrayList<>();
        Object es = root.get("edges");
        if (es instanceof List<?> list) {
            for (Object item : list) {
                Map<String, Object> e = object("edges", item);
                Map<String, Value> attributes = attributes("edges.attributes", e.get("attributes"));
                add(edges, maxEdges, new GraphChanges.Edge(text("edges.edge_type", e.get("edge_type")),
                        text("edges.from_type", e.get("from_type")), text("edges.to_type", e.get("to_type")),
                        GraphTables.FROM_KEY, GraphTables.TO_KEY, id("edges.from_id", e.get("from_id"), null),
                        id("edges.to_id", e.get("to_id"), null), attributes));
            }
        } else if (es != null) {
            for (Map.Entry<String, Object> from : object("edges", es).entrySet()) {
                String p1 = "edges." + from.getKey();
                for (Map.Entry<String, Object> fromId : object(p1, from.getValue()).entrySet()) {
                    String p2 = p1 + "." + fromId.getKey();
                    for (Map.Entry<String, Object> type : object(p2, fromId.getValue()).entrySet()) {
                        String p3 = p2 + "." + type.getKey();
                        for (Map.Entry<String, Object> to : object(p3, type.getValue()).entrySet()) {
                            String p4 = p3 + "." + to.getKey();
                            for (Map.Entry<String, Object> toId : object(p4, to.getValue()).entrySet()) {
                                add(edges, maxEdges, new GraphChanges.Edge(type.getKey(), from.getKey(), to.getKey(),
                                        GraphTables.FROM_KEY, GraphTables.TO_KEY, new Value(ValueType.STRING, fromId.getKey()),
                                        new Value(ValueType.STRING, toId.getKey()), attributes(p4 + "." + toId.getKey(), toId.getValue())));
                            }
                        }
                    }
                }
            }
        }
        if (vertices.isEmpty() && edges.isEmpty()) {
            throw new ValidationException("body", "the upsert names no vertices and no edges");
        }
        return new GraphChanges(vertices, edges);
    }

    private static <T> void add(List<T> list, int max, T item) {
        if (list.size() >= max) {
            boolean vertex = item instanceof GraphChanges.Vertex;
            throw new ValidationException(vertex ? "vertices" : "edges", "one upsert takes at most " + max
                    + (vertex ? " vertices" : " edges"), Map.of("max", max));
        }
        list.add(item);
    }

    /** A vertex id: a scalar, or a composite given as an object (parts also become attributes) or an array. */
    private static Value id(String field, Object id, Map<String, Value> attributes) {
        switch (id) {
            case null -> throw new ValidationException(field, field + " is required");
            case Map<?, ?> parts -> {
                if (parts.isEmpty()) {
                    throw new ValidationException(field, "a composite id needs at least one part");
                }
                List<Object> values = new ArrayList<>();
                for (Map.Entry<?, ?> part : parts.entrySet()) {
                    String name = String.valueOf(part.getKey());
                    Value v = scalar(field + "." + name, part.getValue());
                    values.add(v.value());
                    if (attributes != null) {
                        attributes.put(name, v);
                    }
                }
                return new Value(ValueType.STRING, compositeText(values));
            }
            case List<?> parts -> {
                if (parts.isEmpty()) {
                    throw new ValidationException(field, "a composite id needs at least one part");
                }
                List<Object> values = new ArrayList<>();
                for (Object part : parts) {
                    values.add(scalar(field, part).value());
                }
                return new Value(ValueType.STRING, compositeText(values));
            }
            default -> {
                Value v = scalar(field, id);
                return v.type() == ValueType.STRING ? v : new Value(ValueType.STRING, String.valueOf(v.value()));
            }
        }
    }

    /** The parts of a composite id as a compact JSON array, the key the vertex is stored under. */
    static String compositeText(List<Object> parts) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            Object p = parts.get(i);
            if (p instanceof String s) {
                sb.append('"');
                for (char c : s.toCharArray()) {
                    switch (c) {
                        case '"' -> sb.append("\\\"");
                        case '\\' -> sb.append("\\\\");
                        default -> {
                            if (c < 0x20) {
                                sb.append(String.format("\\u%04x", (int) c));
                            } else {
                                sb.append(c);
                            }
                        }
                    }
                }
                sb.append('"');
            } else {
                sb.append(p);
            }
        }
        return sb.append(']').toString();
    }

    private static Map<String, Value> attributes(String path, Object value) {
        Map<String, Value> attributes = new LinkedHashMap<>();
        if (value == null) {
            return attributes;
        }
        for (Map.Entry<String, Object> a : object(path, value).entrySet()) {
            String field = path + "." + a.getKey();
            Object v = a.getValue();
            if (v instanceof Map<?, ?> wrapped) {
                for (Object k : wrapped.keySet()) {
                    if (!"value".equals(k)) {
                        throw new ValidationException(field, field + ": only {\"value\": …} is supported, not '" + k + "'");
                    }
                }
                v = wrapped.get("value");
            }
            attributes.put(a.getKey(), scalar(field, v));
        }
        return attributes;
    }

    private static Value scalar(String field, Object v) {
        ValueType type = DatasetValues.infer(field, v);
        return type == null ? Value.NULL : new Value(type, DatasetValues.canonical(type, v));
    }

    private static String text(String field, Object v) {
        if (!(v instanceof String s) || s.isBlank()) {
            throw new ValidationException(field, field + " must be a non-empty string");
        }
        return s;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(String field, Object v) {
        if (!(v instanceof Map<?, ?> m)) {
            throw new ValidationException(field, field + " must be a JSON object");
        }
        return (Map<String, Object>) m;
    }
}
