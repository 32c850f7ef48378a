package io.grapholap.server.settings;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Settings under {@code grapholap.export}: {@code time-limit} (PT1H, at least a second; the default
 * of {@code max_duration_seconds} in {@code /api/config/export}, which is what exports obey),
 * {@code fetch-size} (10000), {@code workers} (exports run at once, 2), {@code resume-after-restart}
 * (true: exports a stopped server left unfinished run again from scratch; false: they are marked
 * failed).
 */
@Context
@ConfigurationProperties("grapholap.export")
public record ExportProperties(@Bindable(defaultValue = "PT1H") Duration timeLimit,
                               @Bindable(defaultValue = "10000") int fetchSize,
                               @Bindable(defaultValue = "2") int workers,
                               @Bindable(defaultValue = "true") boolean resumeAfterRestart) {

    public ExportProperties {
        Check.atLeast("grapholap.export.time-limit (seconds)", timeLimit.toSeconds(), 1);
        Check.atLeast("grapholap.export.fetch-size", fetchSize, 1);
        Check.atLeast("grapholap.export.workers", workers, 1);
    }
}
