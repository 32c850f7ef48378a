package io.grapholap.application.graph.algo;

import io.grapholap.domain.error.ValidationException;

/** Parameters of {@code bfs}: the source vertex key. */
public record BfsParams(Object source) implements AlgorithmParams {

    public BfsParams {
        if (source == null) {
            throw new ValidationException("source", "parameter 'source' is required for algorithm bfs");
        }
    }

    @Override
    public String algorithm() {
        return AlgorithmCatalog.BFS;
    }
}
