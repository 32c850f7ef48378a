package io.grapholap.application.graph.algo;

/**
 * A validated parameter record of one algorithm: its compact constructor checks every value against
 * the parameter's declaration, so a record that exists is valid. Engines receive these, never raw
 * maps; {@link AlgorithmRegistry#parse} makes one from raw values.
 */
public interface AlgorithmParams {

    /** The definition of the algorithm these parameters belong to. */
    AlgorithmDefinition<?> definition();

    /** The registry name of the algorithm ({@code pagerank}, {@code bfs}, …). */
    default String algorithm() {
        return definition().name();
    }
}
