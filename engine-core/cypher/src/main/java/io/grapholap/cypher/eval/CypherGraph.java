package io.grapholap.cypher.eval;

import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

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

    /** Every node, in id order. */
    void forEachNode(LongConsumer node);

    /** Every node that has {@code label}. */
    void forEachNodeWithLabel(String label, LongConsumer node);

    /**
     * The nodes with {@code label} whose property {@code key} equals {@code value}, when the graph can
     * find them faster than a scan of the label (an index); {@code null} when it cannot and the label must
     * be scanned. May return more nodes than match (callers test each), never fewer.
     */
    default long[] nodesWithProperty(String label, String key, Object value) {
        return null;
    }

    /** The comparisons a scan may apply to a property column. */
    enum Comparison { LT, LTE, GT, GTE }

    /**
     * Every node with {@code label} whose property {@code key} may satisfy {@code key op value}, when the
     * graph can skip the others by reading the column itself; returns false, having visited nothing, when
     * it cannot (the caller scans the label). Must not skip a node for which the comparison is true.
     */
    default boolean forEachNodeWithLabelWhere(String label, String key, Comparison op, Object value, LongConsumer node) {
        return false;
    }

    /** The node whose {@link #nodeIdentity identity} equals {@code identity}, or -1 when there is none. */
    default long nodeWithIdentity(Object identity) {
        long[] found = {-1};
        forEachNode(n -> {
            if (found[0] < 0 && Boolean.TRUE.equals(Semantics.equal(nodeIdentity(n), identity))) {
                found[0] = n;
            }
        });
        return found[0];
    }

    /** Receives a relationship and the node at its other end. */
    interface RelationshipConsumer {
        void accept(long relationship, long other);
    }

    /**
     * The relationships at {@code node}: {@code outgoing} and/or {@code incoming} ones (a self-loop once
     * when both are asked for), of one of {@code types} or of any type when it is empty.
     */
    void forEachRelationship(long node, boolean outgoing, boolean incoming, List<String> types, RelationshipConsumer consumer);
}
