package io.grapholap.gremlin.csr;

import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

import org.apache.tinkerpop.gremlin.structure.Element;
import org.apache.tinkerpop.gremlin.structure.Property;
import org.apache.tinkerpop.gremlin.structure.Vertex;
import org.apache.tinkerpop.gremlin.structure.VertexProperty;
import org.apache.tinkerpop.gremlin.structure.util.ElementHelper;
import org.apache.tinkerpop.gremlin.structure.util.StringFactory;

/**
 * One value of a vertex property column. Its id is derived from the vertex, the column and the
 * value's position, so it is stable for the life of the loaded graph. Meta-properties are not kept.
 */
final class CsrVertexProperty<V> implements VertexProperty<V> {

    private final CsrVertex vertex;
    private final int column;
    private final int index;
    private final V value;

    CsrVertexProperty(CsrVertex vertex, int column, int index, V value) {
        this.vertex = vertex;
        this.column = column;
        this.index = index;
        this.value = value;
    }

    @Override
    public String key() {
        return ((CsrGremlinGraph) vertex.graph()).vertexColumnName(column);
    }

    @Override
    public V value() throws NoSuchElementException {
        return value;
    }

    @Override
    public boolean isPresent() {
        return true;
    }

    @Override
    public Vertex element() {
        return vertex;
    }

    @Override
    public Object id() {
        return ((long) vertex.denseId() << 24) | ((long) column << 12) | index;
    }

    @Override
    public <U> Property<U> property(String key, U value) {
        throw Element.Exceptions.propertyAdditionNotSupported();
    }

    @Override
    public <U> Iterator<Property<U>> properties(String... propertyKeys) {
        return Collections.emptyIterator();
    }

    @Override
    public Set<String> keys() {
        return Set.of();
    }

    @Override
    public void remove() {
        throw Property.Exceptions.propertyRemovalNotSupported();
    }

    @Override
    public boolean equals(Object other) {
        return ElementHelper.areEqual(this, other);
    }

    @Override
    public int hashCode() {
        return ElementHelper.hashCode((Element) this);
    }

    @Override
    public String toString() {
        return StringFactory.propertyString(this);
    }
}
