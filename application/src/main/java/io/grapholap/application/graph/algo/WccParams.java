package io.grapholap.application.graph.algo;

/** {@code wcc} takes no parameters. */
public record WccParams() implements AlgorithmParams {

    @Override
    public String algorithm() {
        return AlgorithmCatalog.WCC;
    }
}
