package io.grapholap.cypher.eval;

import java.util.List;
import java.util.Map;

/**
 * What evaluation reads of a graph. Nodes and relationships are dense ids of the graph; their
 * identity is what {@code id()} returns and what results show (for GraphOLAP instances the vertex
 * identity string {@code "Label:key"}, docs/identity.md).
 */
public interface CypherGraph {

    List<String> labels(long node);

    /** The node's property, or null when it has none of that name. */
    Object nodeProperty(long node, String key);

    /** All properties of the node, in a stable order. */
    Map<String, Object> nodeProperties(long node);

    Object nodeIdentity(long node);

    String type(long relationship);

    Object relationshipProperty(long relationship, String key);

    Map<String, Object> relationshipProperties(long relationship);

    Object relationshipIdentity(long relationship);

    long startNode(long relationship);

    long endNode(long relationship);
}
