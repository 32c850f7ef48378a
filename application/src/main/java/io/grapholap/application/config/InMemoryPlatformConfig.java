package io.grapholap.application.config;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/** Platform settings held in memory only: the defaults until an operator changes them. */
public final class InMemoryPlatformConfig implements PlatformConfig {

    /** Instances live a day (at most a week) and stop after 4 h without use; 5 per analyst, 20 in all. */
    public static final LifecycleConfig DEFAULT_LIFECYCLE = new LifecycleConfig(
            new LifecycleConfig.ResourceLifecycle(null, null, null),
            new LifecycleConfig.ResourceLifecycle(Duration.ofDays(30), null, Duration.ofDays(365)),
            new LifecycleConfig.ResourceLifecycle(Duration.ofHours(24), Duration.ofHours(4), Duration.ofDays(7)));
    public static final ConcurrencyConfig DEFAULT_CONCURRENCY = new ConcurrencyConfig(5, 20);
    public static final ExportConfig DEFAULT_EXPORT = new ExportConfig(3600);

    private final AtomicReference<LifecycleConfig> lifecycle;
    private final AtomicReference<ConcurrencyConfig> concurrency;
    private final AtomicReference<MaintenanceMode> maintenance = new AtomicReference<>(MaintenanceMode.OFF);
    private final AtomicReference<ExportConfig> export;

    public InMemoryPlatformConfig(LifecycleConfig lifecycle, ConcurrencyConfig concurrency, ExportConfig export) {
        this.lifecycle = new AtomicReference<>(Objects.requireNonNull(lifecycle));
        this.concurrency = new AtomicReference<>(Objects.requireNonNull(concurrency));
        this.export = new AtomicReference<>(Objects.requireNonNull(export));
    }

    public InMemoryPlatformConfig() {
        this(DEFAULT_LIFECYCLE, DEFAULT_CONCURRENCY, DEFAULT_EXPORT);
    }

    @Override
    public LifecycleConfig lifecycle() {
        return lifecycle.get();
    }

    @Override
    public ConcurrencyConfig concurrency() {
        return concurrency.get();
    }

    @Override
    public MaintenanceMode maintenance() {
        return maintenance.get();
    }

    @Override
    public ExportConfig export() {
        return export.get();
    }

    @Override
    public LifecycleConfig updateLifecycle(LifecycleConfig config, String changedBy) {
        lifecycle.set(Objects.requireNonNull(config));
        return config;
    }

    @Override
    public ConcurrencyConfig updateConcurrency(ConcurrencyConfig config, String changedBy) {
        concurrency.set(Objects.requireNonNull(config));
        return config;
    }

    @Override
    public MaintenanceMode updateMaintenance(MaintenanceMode mode, String changedBy) {
        maintenance.set(Objects.requireNonNull(mode));
        return mode;
    }

    @Override
    public ExportConfig updateExport(ExportConfig config, String changedBy) {
        export.set(Objects.requireNonNull(config));
        return config;
    }
}
