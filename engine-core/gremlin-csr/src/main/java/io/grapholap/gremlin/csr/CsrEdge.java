package io.grapholap.gremlin.csr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.tinkerpop.gremlin.structure.Direction;
import org.apache.tinkerpop.gremlin.structure.Edge;
import org.apache.tinkerpop.gremlin.structure.Element;
import org.apache.tinkerpop.gremlin.structure.Graph;
import org.apache.tinkerpop.gremlin.structure.Property;
import org.apache.tinkerpop.gremlin.structure.Vertex;
import org.apache.tinkerpop.gremlin.structure.util.ElementHelper;
import org.apache.tinkerpop.gremlin.structure.util.StringFactory;

/**
 * An edge of a {@link CsrGremlinGraph}: a flyweight of its id, its property row (-1 when edges carry
 * no properties), its two endpoints and its type code. Ids are described on {@link CsrGremlinGraph}.
 */
public final class CsrEdge implements Edge {

    private final CsrGremlinGraph graph;
    private final long id;
    private final int row;
    private final int source;
    private final int target;
    private final int type;

    CsrEdge(CsrGremlinGraph graph, long id, int row, int source, int target, int type) {
        this.graph = graph;
        this.id = id;
        this.row = row;
        this.source = source;
        this.target = target;
        this.type = type;
    }

    int typeCode() {
        return type;
    }

    @Override
    public Object id() {
        return id;
    }

    @Override
    public String label() {
        return graph.edgeTypeName(type);
    }

    @Override
    public Graph graph() {
        return graph;
    }

    @Override
    public Vertex outVertex() {
        return new CsrVertex(graph, source);
    }

    @Override
    public Vertex inVertex() {
        return new CsrVertex(graph, target);
    }

    @Override
    public Iterator<Vertex> vertices(Direction direction) {
        return switch (direction) {
            case OUT -> List.<Vertex>of(outVertex()).iterator();
            case IN -> List.<Vertex>of(inVertex()).iterator();
            default -> List.of(outVertex(), inVertex()).iterator();
        };
    }

    @Override
    public <V> Property<V> property(String key, V value) {
        throw Element.Exceptions.propertyAdditionNotSupported();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> Property<V> property(String key) {
        int column = graph.edgeColumn(key);
        Object value = column < 0 ? null : graph.edgeValue(row, type, column);
        return value == null ? Property.empty() : new CsrProperty<>(this, key, (V) value);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> Iterator<Property<V>> properties(String... keys) {
        List<Property<V>> out = new ArrayList<>();
        if (keys.length == 0) {
            for (int column = 0, n = graph.edgeColumnCount(); column < n; column++) {
                Object value = graph.edgeValue(row, type, column);
                if (value != null) {
                    out.add(new CsrProperty<>(this, graph.edgeColumnName(column), (V) value));
                }
            }
        } else {
            for (String key : keys) {
                Property<V> p = property(key);
                if (p.isPresent()) {
                    out.add(p);
                }
            }
        }
        return out.iterator();
    }

    @Override
    public Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        for (int column = 0, n = graph.edgeColumnCount(); column < n; column++) {
            if (graph.edgeValue(row, type, column) != null) {
                keys.add(graph.edgeColumnName(column));
            }
        }
        return Collections.unmodifiableSet(keys);
    }

    @Override
    public void remove() {
        throw Edge.Exceptions.edgeRemovalNotSupported();
    }

    @Override
    public boolean equals(Object other) {
        if (other instanceof CsrEdge e) {
            return e.id == id && e.graph == graph;
        }
        return ElementHelper.areEqual(this, other);
    }

    @Override
    public int hashCode() {
        return ElementHelper.hashCode(this);
    }

    @Override
    public String toString() {
        return StringFactory.edgeString(this);
    }
}
