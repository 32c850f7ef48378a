/**
 * The graph algorithms the server knows and their validated parameters.
 *
 * <p>Each algorithm is one {@link io.grapholap.application.graph.algo.AlgorithmDefinition} (name,
 * description, {@link io.grapholap.application.graph.algo.ParamSpec parameters} with types, defaults and
 * ranges, result columns, host memory estimate), nested in its parameter record, whose compact
 * constructor checks the values against those same declarations.
 * {@link io.grapholap.application.graph.algo.AlgorithmRegistry} finds the definitions and turns a raw
 * {@code Map<String, ?>} (JSON values or {@code key=value} strings) into the parameter record; unknown
 * names, wrong types, out-of-range values and missing required parameters are
 * {@link io.grapholap.domain.error.ValidationException}s whose field is the parameter name (an unknown
 * algorithm names field {@code algorithm}). Vertex-key existence and weight properties are checked by
 * the engine, which knows the graph, with the same parameter names.
 */
package io.grapholap.application.graph.algo;
