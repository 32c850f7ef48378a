package io.grapholap.application.graph.algo;

import io.grapholap.domain.error.ValidationException;

import java.util.Locale;

/** Parameters of {@code degree}: which edges to count. */
public record DegreeParams(Direction direction) implements AlgorithmParams {

    /** In-edges, out-edges or both. */
    public enum Direction {
        IN, OUT, BOTH;

        static Direction parse(String s) {
            try {
                return valueOf(s.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new ValidationException("direction", "parameter 'direction' must be one of in, out, both, got '"
                        + s + "'");
            }
        }
    }

    public DegreeParams {
        if (direction == null) {
            throw new ValidationException("direction", "parameter 'direction' must be one of in, out, both");
        }
    }

    @Override
    public String algorithm() {
        return AlgorithmCatalog.DEGREE;
    }
}
