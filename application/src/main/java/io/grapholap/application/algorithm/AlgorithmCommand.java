package io.grapholap.application.algorithm;

import io.grapholap.application.graph.algo.AlgorithmRegistry;
import io.grapholap.domain.error.ValidationException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A start request: a registered algorithm with raw parameters (checked once, against the instance's
 * engine, when it starts), the mode, the property to write (mutate only), an optional timeout and the
 * engine asked for ({@code null} or the instance's own engine; {@code auto} lets another engine run an
 * algorithm the instance's engine lacks).
 */
public record AlgorithmCommand(String algorithm, Map<String, Object> params, ExecutionMode mode, String mutateProperty,
                               Long timeoutMs, String engine) {

    public static final String AUTO = "auto";

    public AlgorithmCommand {
        AlgorithmRegistry.get(algorithm);
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
        Objects.requireNonNull(mode, "mode");
        if (mode == ExecutionMode.MUTATE) {
            if (mutateProperty == null || mutateProperty.isBlank()) {
                throw new ValidationException("mutate_property", "mode mutate needs mutate_property, the vertex "
                        + "property to write");
            }
        } else if (mutateProperty != null) {
            throw new ValidationException("mutate_property", "mutate_property is only for mode mutate");
        }
        if (engine != null && engine.isBlank()) {
            throw new ValidationException("engine", "engine must be auto or the instance's engine, got a blank value");
        }
    }

    /** Whether another engine may run the algorithm when the instance's own does not. */
    public boolean allowsFallback() {
        return AUTO.equals(engine);
    }
}
