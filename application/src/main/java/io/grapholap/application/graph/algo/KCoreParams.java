package io.grapholap.application.graph.algo;

import io.grapholap.domain.error.ValidationException;

/** Parameters of {@code kcore}: an optional {@code k}; when set only the k-core's vertices are returned. */
public record KCoreParams(Integer k) implements AlgorithmParams {

    public KCoreParams {
        if (k != null && k < 0) {
            throw new ValidationException("k", "parameter 'k' must be at least 0, got " + k);
        }
    }

    @Override
    public String algorithm() {
        return AlgorithmCatalog.KCORE;
    }
}
