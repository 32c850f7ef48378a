package io.grapholap.server.settings;

import io.grapholap.polyglot.PolyglotSettings;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Settings of the GraalVM function runtime, under {@code grapholap.udf.runtime}: {@code js-pool-size}
 * (4), {@code python-pool-size} (2), {@code max-records} (100000), {@code max-gremlin-rows} (10000),
 * {@code max-live-heap-fraction} (0.7), {@code check-timeout} (PT5S). The warm-up settings
 * ({@code warm-at-startup}, {@code *-warm-up-runs}, {@code warm-up-budget}) belong to the polyglot
 * adapter's warmer.
 */
@Context
@ConfigurationProperties("grapholap.udf.runtime")
public record UdfRuntimeProperties(@Bindable(defaultValue = "4") int jsPoolSize,
                                   @Bindable(defaultValue = "2") int pythonPoolSize,
                                   @Bindable(defaultValue = "100000") int maxRecords,
                                   @Bindable(defaultValue = "10000") int maxGremlinRows,
                                   @Bindable(defaultValue = "0.7") double maxLiveHeapFraction,
                                   @Bindable(defaultValue = "PT5S") Duration checkTimeout) {

    private static final String P = "grapholap.udf.runtime.";

    public UdfRuntimeProperties {
        Check.between(P + "js-pool-size", jsPoolSize, 0, 64);
        Check.between(P + "python-pool-size", pythonPoolSize, 0, 64);
        Check.atLeast(P + "max-records", maxRecords, 1);
        Check.atLeast(P + "max-gremlin-rows", maxGremlinRows, 1);
        if (!(maxLiveHeapFraction > 0.1 && maxLiveHeapFraction < 1.0)) {
            throw new ConfigurationException(P + "max-live-heap-fraction must be above 0.1 and below 1, got " + maxLiveHeapFraction);
        }
        Check.positive(P + "check-timeout", checkTimeout);
    }

    public PolyglotSettings settings() {
        return new PolyglotSettings(jsPoolSize, pythonPoolSize, maxRecords, maxGremlinRows, maxLiveHeapFraction, checkTimeout);
    }
}
