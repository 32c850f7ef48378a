package io.grapholap.application.graph.algo;

import io.grapholap.domain.error.ValidationException;

/**
 * Parameters of {@code shortest_path}: {@code source} and {@code target} vertex keys, an optional
 * {@code weight} property ({@code null}: hop count) and the most equally short paths to return.
 */
public record ShortestPathParams(Object source, Object target, String weight, int maxPaths)
        implements AlgorithmParams {

    public ShortestPathParams {
        if (source == null) {
            throw new ValidationException("source", "parameter 'source' is required for algorithm shortest_path");
        }
        if (target == null) {
            throw new ValidationException("target", "parameter 'target' is required for algorithm shortest_path");
        }
        if (weight != null && weight.isBlank()) {
            throw new ValidationException("weight", "parameter 'weight' must name an edge property");
        }
        if (maxPaths < 1 || maxPaths > 10000) {
            throw new ValidationException("max_paths", "parameter 'max_paths' must be in [1, 10000], got " + maxPaths);
        }
    }

    @Override
    public String algorithm() {
        return AlgorithmCatalog.SHORTEST_PATH;
    }
}
