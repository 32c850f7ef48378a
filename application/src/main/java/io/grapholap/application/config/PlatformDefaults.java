package io.grapholap.application.config;

import java.util.Objects;

/**
 * The settings a stored platform configuration starts from, as the deployment configures them:
 * a section nobody changed through {@code /api/config/*} has these values. Maintenance starts off.
 */
public record PlatformDefaults(LifecycleConfig lifecycle, ConcurrencyConfig concurrency, ExportConfig export) {

    public static final PlatformDefaults BUILT_IN = new PlatformDefaults(InMemoryPlatformConfig.DEFAULT_LIFECYCLE,
            InMemoryPlatformConfig.DEFAULT_CONCURRENCY, InMemoryPlatformConfig.DEFAULT_EXPORT);

    public PlatformDefaults {
        Objects.requireNonNull(lifecycle, "lifecycle");
        Objects.requireNonNull(concurrency, "concurrency");
        Objects.requireNonNull(export, "export");
    }
}
