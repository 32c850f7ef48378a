package io.grapholap.application.graph.algo;

import io.grapholap.domain.error.ValidationException;

/**
 * Parameters of {@code sssp}: the source vertex key and the weight property ({@code null}: the graph's
 * own weights, else the edge property {@code weight}).
 */
public record SsspParams(Object source, String weight) implements AlgorithmParams {

    public SsspParams {
        if (source == null) {
            throw new ValidationException("source", "parameter 'source' is required for algorithm sssp");
        }
        if (weight != null && weight.isBlank()) {
            throw new ValidationException("weight", "parameter 'weight' must name an edge property");
        }
    }

    @Override
    public String algorithm() {
        return AlgorithmCatalog.SSSP;
    }
}
