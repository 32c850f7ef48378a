package io.grapholap.application.graph.algo;

import io.grapholap.domain.error.ValidationException;

/**
 * Parameters of {@code betweenness}: {@code samples} ({@code null} for exact Brandes), the sampling
 * {@code seed}, an optional {@code weight} property and whether to normalise.
 */
public record BetweennessParams(Integer samples, long seed, String weight, boolean normalized)
        implements AlgorithmParams {

    public BetweennessParams {
        if (samples != null && samples < 1) {
            throw new ValidationException("samples", "parameter 'samples' must be at least 1, got " + samples);
        }
        if (weight != null && weight.isBlank()) {
            throw new ValidationException("weight", "parameter 'weight' must name an edge property");
        }
    }

    public boolean exact() {
        return samples == null;
    }

    @Override
    public String algorithm() {
        return AlgorithmCatalog.BETWEENNESS;
    }
}
