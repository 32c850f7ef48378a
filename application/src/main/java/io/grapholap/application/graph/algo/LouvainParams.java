package io.grapholap.application.graph.algo;

import io.grapholap.domain.error.ValidationException;

/**
 * Parameters of {@code louvain}: sweeps per level, maximum levels, the modularity-gain tolerance and
 * an optional weight property ({@code null}: every edge weighs 1).
 */
public record LouvainParams(int iterations, int levels, double tolerance, String weight) implements AlgorithmParams {

    public LouvainParams {
        if (iterations < 1 || iterations > 1000) {
            throw new ValidationException("iterations", "parameter 'iterations' must be in [1, 1000], got " + iterations);
        }
        if (levels < 1 || levels > 100) {
            throw new ValidationException("levels", "parameter 'levels' must be in [1, 100], got " + levels);
        }
        if (!(tolerance >= 0.0 && tolerance <= 1.0)) {
            throw new ValidationException("tolerance", "parameter 'tolerance' must be in [0, 1], got " + tolerance);
        }
        if (weight != null && weight.isBlank()) {
            throw new ValidationException("weight", "parameter 'weight' must name an edge property");
        }
    }

    @Override
    public String algorithm() {
        return AlgorithmCatalog.LOUVAIN;
    }
}
