package io.grapholap.gremlin.csr;

import org.apache.tinkerpop.gremlin.structure.Graph;
import org.apache.tinkerpop.gremlin.structure.VertexProperty;
import org.apache.tinkerpop.gremlin.structure.util.StringFactory;

/**
 * What a loaded, read-only columnar graph offers: reading only. No additions, removals, property
 * writes, transactions, persistence, variables or graph computer; ids are the engine's own
 * (original vertex keys, edge row ids), never user supplied. List-typed vertex columns are exposed
 * with list cardinality, everything else is single.
 */
final class CsrFeatures implements Graph.Features {

    private final CsrGremlinGraph graph;
    private final GraphFeatures graphFeatures = new GraphFeatures() {
        @Override public boolean supportsComputer() { return false; }
        @Override public boolean supportsPersistence() { return false; }
        @Override public boolean supportsTransactions() { return false; }
        @Override public boolean supportsThreadedTransactions() { return false; }
        @Override public boolean supportsConcurrentAccess() { return false; }
        @Override public boolean supportsIoRead() { return false; }
        @Override public boolean supportsIoWrite() { return false; }
        @Override public boolean supportsOrderabilitySemantics() { return true; }
        @Override public boolean supportsServiceCall() { return false; }
        @Override public VariableFeatures variables() { return new VariableFeatures() {
            @Override public boolean supportsVariables() { return false; }
            @Override public boolean supportsBooleanValues() { return false; }
            @Override public boolean supportsByteValues() { return false; }
            @Override public boolean supportsDoubleValues() { return false; }
            @Override public boolean supportsFloatValues() { return false; }
            @Override public boolean supportsIntegerValues() { return false; }
            @Override public boolean supportsLongValues() { return false; }
            @Override public boolean supportsMapValues() { return false; }
            @Override public boolean supportsMixedListValues() { return false; }
            @Override public boolean supportsBooleanArrayValues() { return false; }
            @Override public boolean supportsByteArrayValues() { return false; }
            @Override public boolean supportsDoubleArrayValues() { return false; }
            @Override public boolean supportsFloatArrayValues() { return false; }
            @Override public boolean supportsIntegerArrayValues() { return false; }
            @Override public boolean supportsStringArrayValues() { return false; }
            @Override public boolean supportsLongArrayValues() { return false; }
            @Override public boolean supportsSerializableValues() { return false; }
            @Override public boolean supportsStringValues() { return false; }
            @Override public boolean supportsUniformListValues() { return false; }
        }; }
    };
    private final VertexFeatures vertexFeatures = new VertexFeatures() {
        @Override public boolean supportsAddVertices() { return false; }
        @Override public boolean supportsRemoveVertices() { return false; }
        @Override public boolean supportsMultiProperties() { return graph.hasListVertexColumns(); }
        @Override public boolean supportsDuplicateMultiProperties() { return graph.hasListVertexColumns(); }
        @Override public boolean supportsMetaProperties() { return false; }
        @Override public boolean supportsUpsert() { return false; }
        @Override public boolean supportsAddProperty() { return false; }
        @Override public boolean supportsRemoveProperty() { return false; }
        @Override public boolean supportsUserSuppliedIds() { return false; }
        @Override public boolean supportsNumericIds() { return false; }
        @Override public boolean supportsStringIds() { return false; }
        @Override public boolean supportsUuidIds() { return false; }
        @Override public boolean supportsCustomIds() { return false; }
        @Override public boolean supportsAnyIds() { return false; }
        @Override public boolean supportsNullPropertyValues() { return false; }
        @Override public VertexProperty.Cardinality getCardinality(String key) {
            return graph.isListVertexColumn(key) ? VertexProperty.Cardinality.list : VertexProperty.Cardinality.single;
        }
        @Override public VertexPropertyFeatures properties() { return vertexPropertyFeatures; }
    };
    private final VertexPropertyFeatures vertexPropertyFeatures = new VertexPropertyFeatures() {
        @Override public boolean supportsRemoveProperty() { return false; }
        @Override public boolean supportsUserSuppliedIds() { return false; }
        @Override public boolean supportsNumericIds() { return false; }
        @Override public boolean supportsStringIds() { return false; }
        @Override public boolean supportsUuidIds() { return false; }
        @Override public boolean supportsCustomIds() { return false; }
        @Override public boolean supportsAnyIds() { return false; }
        @Override public boolean supportsNullPropertyValues() { return false; }
    };
    private final EdgeFeatures edgeFeatures = new EdgeFeatures() {
        @Override public boolean supportsAddEdges() { return false; }
        @Override public boolean supportsRemoveEdges() { return false; }
        @Override public boolean supportsUpsert() { return false; }
        @Override public boolean supportsAddProperty() { return false; }
        @Override public boolean supportsRemoveProperty() { return false; }
        @Override public boolean supportsUserSuppliedIds() { return false; }
        @Override public boolean supportsNumericIds() { return false; }
        @Override public boolean supportsStringIds() { return false; }
        @Override public boolean supportsUuidIds() { return false; }
        @Override public boolean supportsCustomIds() { return false; }
        @Override public boolean supportsAnyIds() { return false; }
        @Override public boolean supportsNullPropertyValues() { return false; }
    };

    CsrFeatures(CsrGremlinGraph graph) {
        this.graph = graph;
    }

    @Override
    public GraphFeatures graph() {
        return graphFeatures;
    }

    @Override
    public VertexFeatures vertex() {
        return vertexFeatures;
    }

    @Override
    public EdgeFeatures edge() {
        return edgeFeatures;
    }

    @Override
    public String toString() {
        return StringFactory.featureString(this);
    }
}
