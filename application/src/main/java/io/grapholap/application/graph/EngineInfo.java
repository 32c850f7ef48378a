package io.grapholap.application.graph;

import java.util.Map;
import java.util.Objects;

/**
 * What an engine says about itself: its name ({@code cpu}, {@code gpu}), whether it can be used
 * now and why not, how many threads and devices it has, and free-form details (JVM, device names,
 * libraries used).
 */
public record EngineInfo(String name, boolean available, String unavailableReason, int threads, int devices,
                         Map<String, Object> details) {

    public EngineInfo {
        Objects.requireNonNull(name, "name");
        details = details == null ? Map.of() : Map.copyOf(details);
        if (!available && (unavailableReason == null || unavailableReason.isBlank())) {
            throw new IllegalArgumentException("an unavailable engine must say why");
        }
    }
}
