package io.grapholap.application.config;

import java.time.Duration;
import java.util.Objects;

/** Lifecycle defaults and caps per resource kind ({@code /api/config/lifecycle}, the Python SDK's LifecycleConfig). */
public record LifecycleConfig(ResourceLifecycle mapping, ResourceLifecycle snapshot, ResourceLifecycle instance) {

    public LifecycleConfig {
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(instance, "instance");
    }

    /**
     * Defaults for one kind: the TTL and inactivity timeout given to a new resource that names none,
     * and the largest TTL a caller may ask for (extensions included). A null duration means "none".
     */
    public record ResourceLifecycle(Duration defaultTtl, Duration defaultInactivity, Duration maxTtl) {
    }
}
