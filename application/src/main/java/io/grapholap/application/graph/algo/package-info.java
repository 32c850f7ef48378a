/**
 * The catalog of graph algorithms every engine offers, and their validated parameters.
 *
 * <p>{@link io.grapholap.application.graph.algo.AlgorithmCatalog#all()} lists each algorithm with its
 * {@link io.grapholap.application.graph.algo.ParamSpec parameters} (name, type, default, range, allowed
 * values, description) and result columns, for the HTTP layer, the CLI and UDFs to document and
 * validate against. {@link io.grapholap.application.graph.algo.AlgorithmCatalog#parse} turns a raw
 * {@code Map<String, ?>} (JSON values or {@code key=value} strings) into the algorithm's parameter
 * record; unknown names, wrong types, out-of-range values and missing required parameters are
 * {@link io.grapholap.domain.error.ValidationException}s whose field is the parameter name (an
 * unknown algorithm names field {@code algorithm}). Vertex-key existence and weight properties are
 * checked by the engine, which knows the graph, with the same parameter names.
 */
package io.grapholap.application.graph.algo;
