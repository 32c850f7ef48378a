package io.grapholap.gremlin.csr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.apache.tinkerpop.gremlin.structure.Direction;
import org.apache.tinkerpop.gremlin.structure.Edge;
import org.apache.tinkerpop.gremlin.structure.Element;
import org.apache.tinkerpop.gremlin.structure.Graph;
import org.apache.tinkerpop.gremlin.structure.Vertex;
import org.apache.tinkerpop.gremlin.structure.VertexProperty;
import org.apache.tinkerpop.gremlin.structure.util.ElementHelper;
import org.apache.tinkerpop.gremlin.structure.util.StringFactory;

/**
 * A vertex of a {@link CsrGremlinGraph}: a flyweight holding the dense vertex id and the graph, made
 * on demand and never stored. Its Gremlin id is the vertex's identity {@code "Label:key"}
 * (docs/identity.md); two flyweights of the same vertex are equal.
 */
public final class CsrVertex implements Vertex {

    private final CsrGremlinGraph graph;
    private final int vid;

    CsrVertex(CsrGremlinGraph graph, int vid) {
        this.graph = graph;
        this.vid = vid;
    }

    /** The dense engine id of this vertex. */
    public int denseId() {
        return vid;
    }

    @Override
    public Object id() {
        return graph.vertexIdentity(vid);
    }

    @Override
    public String label() {
        return graph.vertexLabel(vid);
    }

    @Override
    public Graph graph() {
        return graph;
    }

    @Override
    public Edge addEdge(String label, Vertex inVertex, Object... keyValues) {
        throw Vertex.Exceptions.edgeAdditionsNotSupported();
    }

    @Override
    public <V> VertexProperty<V> property(VertexProperty.Cardinality cardinality, String key, V value, Object... keyValues) {
        throw Element.Exceptions.propertyAdditionNotSupported();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> VertexProperty<V> property(String key) {
        int column = graph.vertexColumn(key);
        if (column < 0) {
            return VertexProperty.empty();
        }
        List<Object> values = graph.vertexValues(vid, column);
        if (values.isEmpty()) {
            return VertexProperty.empty();
        }
        if (values.size() > 1) {
            throw Vertex.Exceptions.multiplePropertiesExistForProvidedKey(key);
        }
        return new CsrVertexProperty<>(this, column, 0, (V) values.get(0));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> Iterator<VertexProperty<V>> properties(String... keys) {
        List<VertexProperty<V>> out = new ArrayList<>();
        if (keys.length == 0) {
            for (int column = 0, n = graph.vertexColumnCount(); column < n; column++) {
                addProperties(out, column);
            }
        } else {
            for (String key : keys) {
                int column = graph.vertexColumn(key);
                if (column >= 0) {
                    addProperties(out, column);
                }
            }
        }
        return out.iterator();
    }

    @SuppressWarnings("unchecked")
    private <V> void addProperties(List<VertexProperty<V>> out, int column) {
        List<Object> values = graph.vertexValues(vid, column);
        for (int i = 0; i < values.size(); i++) {
            out.add(new CsrVertexProperty<>(this, column, i, (V) values.get(i)));
        }
    }

    @Override
    public Set<String> keys() {
        Set<String> keys = new java.util.LinkedHashSet<>();
        for (int column = 0, n = graph.vertexColumnCount(); column < n; column++) {
            if (!graph.vertexValues(vid, column).isEmpty()) {
                keys.add(graph.vertexColumnName(column));
            }
        }
        return Collections.unmodifiableSet(keys);
    }

    @Override
    public Iterator<Edge> edges(Direction direction, String... edgeLabels) {
        return graph.incidentEdges(vid, direction, graph.edgeTypeFilter(edgeLabels));
    }

    @Override
    public Iterator<Vertex> vertices(Direction direction, String... edgeLabels) {
        return graph.adjacentVertices(vid, direction, graph.edgeTypeFilter(edgeLabels));
    }

    @Override
    public void remove() {
        throw Vertex.Exceptions.vertexRemovalNotSupported();
    }

    @Override
    public boolean equals(Object other) {
        if (other instanceof CsrVertex v) {
            return v.vid == vid && v.graph == graph;
        }
        return ElementHelper.areEqual(this, other);
    }

    @Override
    public int hashCode() {
        return ElementHelper.hashCode(this);
    }

    @Override
    public String toString() {
        return StringFactory.vertexString(this);
    }
}
