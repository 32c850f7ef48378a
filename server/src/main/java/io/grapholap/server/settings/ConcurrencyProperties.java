package io.grapholap.server.settings;

import io.grapholap.application.config.ConcurrencyConfig;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Settings under {@code grapholap.concurrency}: the defaults of the stored concurrency limits
 * ({@code /api/config/concurrency}), used until an operator changes them: {@code per-analyst} (5)
 * and {@code cluster-total} (20).
 */
@Context
@ConfigurationProperties("grapholap.concurrency")
public record ConcurrencyProperties(@Bindable(defaultValue = "5") int perAnalyst,
                                    @Bindable(defaultValue = "20") int clusterTotal) {

    public ConcurrencyProperties {
        Check.atLeast("grapholap.concurrency.per-analyst", perAnalyst, 1);
        Check.atLeast("grapholap.concurrency.cluster-total", clusterTotal, 1);
    }

    public ConcurrencyConfig config() {
        return new ConcurrencyConfig(perAnalyst, clusterTotal);
    }
}
