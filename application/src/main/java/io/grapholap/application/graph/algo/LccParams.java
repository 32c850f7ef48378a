package io.grapholap.application.graph.algo;

/** {@code lcc} takes no parameters; the directed or undirected variant follows the graph. */
public record LccParams() implements AlgorithmParams {

    @Override
    public String algorithm() {
        return AlgorithmCatalog.LCC;
    }
}
