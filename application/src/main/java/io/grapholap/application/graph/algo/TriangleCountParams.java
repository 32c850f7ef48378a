package io.grapholap.application.graph.algo;

/** {@code triangle_count} takes no parameters. */
public record TriangleCountParams() implements AlgorithmParams {

    @Override
    public String algorithm() {
        return AlgorithmCatalog.TRIANGLE_COUNT;
    }
}
