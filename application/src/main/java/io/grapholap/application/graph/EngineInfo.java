package io.grapholap.application.graph;

import io.grapholap.application.graph.algo.ParamSpec;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an engine says about itself: its name ({@code cpu}, {@code gpu}), whether it can be used
 * now and why not, how many threads and devices it has, free-form details (JVM, device names,
 * libraries used), the {@code algorithms} it runs (registry names, derived from the kernels it
 * registers) and the extra {@code options} it accepts per algorithm beside the algorithm's own
 * parameters (the GPU engine's {@code precision} for {@code pagerank}).
 */
public record EngineInfo(String name, boolean available, String unavailableReason, int threads, int devices,
                         Map<String, Object> details, List<String> algorithms, Map<String, List<ParamSpec>> options) {

    public EngineInfo {
        Objects.requireNonNull(name, "name");
        details = details == null ? Map.of() : Map.copyOf(details);
        algorithms = algorithms == null ? List.of() : List.copyOf(algorithms);
        options = options == null ? Map.of() : Map.copyOf(options);
        if (!available && (unavailableReason == null || unavailableReason.isBlank())) {
            throw new IllegalArgumentException("an unavailable engine must say why");
        }
    }

    /** An engine that runs no algorithm (one that is unavailable, or serves queries only). */
    public EngineInfo(String name, boolean available, String unavailableReason, int threads, int devices,
                      Map<String, Object> details) {
        this(name, available, unavailableReason, threads, devices, details, List.of(), Map.of());
    }

    public boolean runs(String algorithm) {
        return algorithms.contains(algorithm);
    }

    /** The extra options this engine accepts for {@code algorithm}; empty when none. */
    public List<ParamSpec> options(String algorithm) {
        return options.getOrDefault(algorithm, List.of());
    }
}
