package io.grapholap.cypher.csr;

import io.grapholap.cypher.eval.CypherGraph;
import io.grapholap.cypher.eval.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cypher values as plain values that the JSON, CSV and Arrow writers handle:
 * <ul>
 *   <li>node → {@code {id, labels, properties}} ({@code id} the identity {@code "Label:key"});</li>
 *   <li>relationship → {@code {id, type, start, end, properties}} ({@code start}/{@code end} the
 *       identities of its nodes);</li>
 *   <li>path → the list of its nodes and relationships, alternating, from its start;</li>
 *   <li>lists and maps element by element; numbers, strings, booleans and {@code null} as they are.</li>
 * </ul>
 */
public final class CypherValues {

    private CypherValues() {
    }

    public static Object toPlain(Object value, CypherGraph graph) {
        return switch (value) {
            case Values.Node n -> node(n.id(), graph);
            case Values.Relationship r -> relationship(r.id(), graph);
            case Values.Path p -> {
                List<Object> out = new ArrayList<>(p.nodes().length * 2);
                for (int i = 0; i < p.nodes().length; i++) {
                    if (i > 0) {
                        out.add(relationship(p.relationships()[i - 1], graph));
                    }
                    out.add(node(p.nodes()[i], graph));
                }
                yield out;
            }
            case List<?> l -> {
                List<Object> out = new ArrayList<>(l.size());
                l.forEach(x -> out.add(toPlain(x, graph)));
                yield out;
            }
            case Map<?, ?> m -> {
                Map<String, Object> out = new LinkedHashMap<>();
                m.forEach((k, x) -> out.put(String.valueOf(k), toPlain(x, graph)));
                yield out;
            }
            case null, default -> value;
        };
    }

    private static Map<String, Object> node(long node, CypherGraph graph) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", graph.nodeIdentity(node));
        out.put("labels", graph.labels(node));
        out.put("properties", graph.nodeProperties(node));
        return out;
    }

    private static Map<String, Object> relationship(long relationship, CypherGraph graph) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", graph.relationshipIdentity(relationship));
        out.put("type", graph.type(relationship));
        out.put("start", graph.nodeIdentity(graph.startNode(relationship)));
        out.put("end", graph.nodeIdentity(graph.endNode(relationship)));
        out.put("properties", graph.relationshipProperties(relationship));
        return out;
    }
}
