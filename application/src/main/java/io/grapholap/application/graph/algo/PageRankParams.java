package io.grapholap.application.graph.algo;

import io.grapholap.domain.error.ValidationException;

/** Parameters of {@code pagerank}: damping in (0, 1) and a fixed iteration count in [1, 1000]. */
public record PageRankParams(double damping, int iterations) implements AlgorithmParams {

    public PageRankParams {
        if (!(damping > 0.0 && damping < 1.0)) {
            throw new ValidationException("damping", "parameter 'damping' must be in (0, 1), got " + damping);
        }
        if (iterations < 1 || iterations > 1000) {
            throw new ValidationException("iterations", "parameter 'iterations' must be in [1, 1000], got " + iterations);
        }
    }

    @Override
    public String algorithm() {
        return AlgorithmCatalog.PAGERANK;
    }
}
