package io.grapholap.application.graph;

import io.grapholap.application.graph.algo.AlgorithmParams;
import java.util.Map;

/**
 * A snapshot loaded into one engine's memory: the graph-computation interface that the query
 * endpoint, the algorithm endpoints and UDF code all call. Safe to call from several threads;
 * {@link #close()} frees the memory, after which every call fails.
 */
public interface GraphInstance extends AutoCloseable {

    /** Name of the engine holding this graph ({@code cpu}, {@code gpu}). */
    String engine();

    GraphStatistics statistics();

    /** Labels, edge types, their counts and property names and types; cheap (no data is read). */
    GraphSchema schema();

    /**
     * Runs the algorithm of {@code params} (already validated) with the context's parallelism,
     * termination flag, progress and engine options. The engine resolves what only the graph knows: an
     * unknown vertex key or weight property is a ValidationException naming the parameter. An algorithm
     * this engine does not run ({@link EngineInfo#algorithms()}) is an
     * {@link io.grapholap.domain.error.UnavailableException} of code
     * {@code ALGORITHM_NOT_SUPPORTED_ON_ENGINE}.
     */
    AlgorithmResult run(AlgorithmParams params, ExecutionContext ctx);

    /** Runs a read-only Gremlin traversal with parameter bindings, bounded by {@code limits}. */
    QueryResult gremlin(String query, Map<String, Object> bindings, QueryLimits limits);

    /**
     * Runs a read-only openCypher query with its parameters ({@code $name}), bounded by {@code limits};
     * {@code CALL grapholap.<algorithm>(…)} runs algorithms through {@code calls}. Nodes in the rows are
     * maps of {@code id} (the identity), {@code labels} and {@code properties}; relationships of
     * {@code id}, {@code type}, {@code start}, {@code end} and {@code properties}; paths are lists of them
     * (docs/cypher.md).
     *
     * @throws io.grapholap.domain.error.QueryException for a query that does not parse
     *         ({@code QUERY_SYNTAX_ERROR}), writes ({@code READ_ONLY_QUERY}), fails a semantic or
     *         run-time check, or passes {@link QueryLimits#maxHeldRows()}; and with code
     *         {@code NOT_SUPPORTED_ON_ENGINE} from an engine that runs no Cypher (this default)
     * @throws io.grapholap.domain.error.OperationTimeoutException past the timeout
     */
    default QueryResult cypher(String query, Map<String, Object> parameters, QueryLimits limits, AlgorithmCalls calls) {
        throw new io.grapholap.domain.error.QueryException("NOT_SUPPORTED_ON_ENGINE", "the " + engine()
                + " engine does not run Cypher queries", Map.of("engine", engine(), "field", "language"));
    }

    /**
     * Node table of a label: columns {@code id} (the identities {@code "Label:key"}, docs/identity.md) and
     * {@code key} (the original keys), then the properties.
     *
     * @throws io.grapholap.domain.error.NotFoundException when the label does not exist
     */
    Table nodes(String label);

    /**
     * Edge table of a type: columns {@code from} and {@code to} (the endpoints' identities) then the
     * properties, one row per edge.
     *
     * @throws io.grapholap.domain.error.NotFoundException when the type does not exist
     */
    Table edges(String type);

    /**
     * Stores column {@code column} of {@code result}, a per-vertex result of an algorithm run on this
     * instance (one row per vertex, in the row order this instance gives such results), as the vertex
     * property {@code property} of every label. Later Gremlin queries ({@code has}, {@code values})
     * and {@link #nodes(String)} tables read it; queries already running keep the graph they started
     * on. Storing a property again replaces it. Safe to call while queries and algorithms run.
     *
     * @throws io.grapholap.domain.error.ValidationException field {@code mutate_property} when the
     *         name is not an identifier of at most 64 characters, names a property of the snapshot, or
     *         would pass the instance's limit of stored properties; field {@code mode} when the result
     *         is not one row per vertex
     */
    void storeVertexProperty(String property, AlgorithmResult result, String column);

    /** Threads used by later calls that do not pass their own context (the instance's cpu_cores). */
    void setParallelism(int threads);

    int parallelism();

    @Override
    void close();
}
