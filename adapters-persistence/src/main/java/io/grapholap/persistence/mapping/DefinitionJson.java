package io.grapholap.persistence.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grapholap.domain.mapping.EdgeDefinition;
import io.grapholap.domain.mapping.NodeDefinition;
import io.grapholap.domain.mapping.PropertyDefinition;
import io.grapholap.domain.mapping.PropertyType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stored JSON form of node and edge definitions: the same snake_case fields as the API, so a
 * stored version reads like the request that made it.
 */
final class DefinitionJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Map<String, Object>>> LIST = new TypeReference<>() {
    };

    private DefinitionJson() {
    }

    static String nodes(List<NodeDefinition> nodes) {
        return write(nodes.stream().map(n -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("label", n.label());
            m.put("sql", n.sql());
            m.put("primary_key", property(n.primaryKey()));
            m.put("properties", n.properties().stream().map(DefinitionJson::property).toList());
            return m;
        }).toList());
    }

    static String edges(List<EdgeDefinition> edges) {
        return write(edges.stream().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", e.type());
            m.put("from_node", e.fromNode());
            m.put("to_node", e.toNode());
            m.put("sql", e.sql());
            m.put("from_key", e.fromKey());
            m.put("to_key", e.toKey());
            m.put("properties", e.properties().stream().map(DefinitionJson::property).toList());
            return m;
        }).toList());
    }

    static List<NodeDefinition> readNodes(String json) {
        return read(json).stream().map(m -> new NodeDefinition((String) m.get("label"), (String) m.get("sql"),
                property(map(m.get("primary_key"))), properties(m.get("properties")))).toList();
    }

    static List<EdgeDefinition> readEdges(String json) {
        return read(json).stream().map(m -> new EdgeDefinition((String) m.get("type"), (String) m.get("from_node"),
                (String) m.get("to_node"), (String) m.get("sql"), (String) m.get("from_key"), (String) m.get("to_key"),
                properties(m.get("properties")))).toList();
    }

    private static Map<String, Object> property(PropertyDefinition p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("type", p.type().name());
        return m;
    }

    private static PropertyDefinition property(Map<String, Object> m) {
        return new PropertyDefinition((String) m.get("name"), PropertyType.valueOf((String) m.get("type")));
    }

    private static List<PropertyDefinition> properties(Object list) {
        return ((List<?>) list).stream().map(o -> property(map(o))).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a mapping definition", e);
        }
    }

    private static List<Map<String, Object>> read(String json) {
        try {
            return JSON.readValue(json, LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored mapping definition is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
