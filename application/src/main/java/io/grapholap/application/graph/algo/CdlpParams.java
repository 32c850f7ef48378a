package io.grapholap.application.graph.algo;

import io.grapholap.domain.error.ValidationException;

/** Parameters of {@code cdlp}: a fixed iteration count in [1, 1000]. */
public record CdlpParams(int iterations) implements AlgorithmParams {

    public CdlpParams {
        if (iterations < 1 || iterations > 1000) {
            throw new ValidationException("iterations", "parameter 'iterations' must be in [1, 1000], got " + iterations);
        }
    }

    @Override
    public String algorithm() {
        return AlgorithmCatalog.CDLP;
    }
}
