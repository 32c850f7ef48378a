package io.grapholap.server.settings;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Settings under {@code grapholap.jobs}: {@code threads} (1 to 16, 2) run the background jobs;
 * {@code export-reconciliation-interval} (5m) paces {@code export_reconciliation};
 * {@code reconciliation-interval} (10m) paces {@code reconciliation}, which leaves alone what changed
 * within {@code reconciliation-grace} (10m).
 */
@Context
@ConfigurationProperties("grapholap.jobs")
public record JobsProperties(@Bindable(defaultValue = "2") int threads,
                             @Bindable(defaultValue = "5m") Duration exportReconciliationInterval,
                             @Bindable(defaultValue = "10m") Duration reconciliationInterval,
                             @Bindable(defaultValue = "10m") Duration reconciliationGrace) {

    public JobsProperties {
        Check.between("grapholap.jobs.threads", threads, 1, 16);
        Check.positive("grapholap.jobs.export-reconciliation-interval", exportReconciliationInterval);
        Check.positive("grapholap.jobs.reconciliation-interval", reconciliationInterval);
        Check.notNegative("grapholap.jobs.reconciliation-grace", reconciliationGrace);
    }
}
