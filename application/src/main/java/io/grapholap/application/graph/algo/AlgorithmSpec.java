package io.grapholap.application.graph.algo;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an algorithm is called, what it computes, which parameters it takes and which result
 * columns it returns (the first column is always the original vertex key, named {@code id}).
 */
public record AlgorithmSpec(String name, String description, List<ParamSpec> params, List<String> resultColumns) {

    public AlgorithmSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        params = List.copyOf(params);
        resultColumns = List.copyOf(resultColumns);
    }

    public Optional<ParamSpec> param(String paramName) {
        for (ParamSpec p : params) {
            if (p.name().equals(paramName)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
