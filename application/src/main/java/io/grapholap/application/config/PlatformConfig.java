package io.grapholap.application.config;

/**
 * The operator-tunable settings of the OpsResource ({@code /api/config/*}): lifecycle defaults,
 * concurrency limits, maintenance mode and export limits. Reads are cheap and may be called on
 * every request; updates take effect for the next caller. Implementations are thread-safe.
 */
public interface PlatformConfig {

    LifecycleConfig lifecycle();

    ConcurrencyConfig concurrency();

    MaintenanceMode maintenance();

    ExportConfig export();

    LifecycleConfig updateLifecycle(LifecycleConfig config, String changedBy);

    ConcurrencyConfig updateConcurrency(ConcurrencyConfig config, String changedBy);

    MaintenanceMode updateMaintenance(MaintenanceMode mode, String changedBy);

    ExportConfig updateExport(ExportConfig config, String changedBy);
}
