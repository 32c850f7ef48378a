package io.grapholap.server.settings;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Settings under {@code grapholap.export}: {@code time-limit} (PT1H, at least a second; the default
 * of {@code max_duration_seconds} in {@code /api/config/export}, which is what exports obey),
 * {@code fetch-size} (10000), {@code workers} (exports run at once, 2), {@code resume-after-restart}
 * (true: exports a stopped server left unfinished run again from scratch; false: they are marked
 * failed). Export claims on a shared metadata database: {@code lease} (PT30S, at least 3 claim
 * intervals) is how long a node's claim holds without renewal, {@code claim-interval} (PT1S) paces
 * the renewal of held claims and the search for claimable work, {@code max-attempts} (3) is how
 * many claims an export gets before it is failed.
 */
@Context
@ConfigurationProperties("grapholap.export")
public record ExportProperties(@Bindable(defaultValue = "PT1H") Duration timeLimit,
                               @Bindable(defaultValue = "10000") int fetchSize,
                               @Bindable(defaultValue = "2") int workers,
                               @Bindable(defaultValue = "true") boolean resumeAfterRestart,
                               @Bindable(defaultValue = "PT30S") Duration lease,
                               @Bindable(defaultValue = "PT1S") Duration claimInterval,
                               @Bindable(defaultValue = "3") int maxAttempts) {

    public ExportProperties {
        Check.atLeast("grapholap.export.time-limit (seconds)", timeLimit.toSeconds(), 1);
        Check.atLeast("grapholap.export.fetch-size", fetchSize, 1);
        Check.atLeast("grapholap.export.workers", workers, 1);
        Check.positive("grapholap.export.claim-interval", claimInterval);
        Check.positive("grapholap.export.lease", lease);
        if (lease.compareTo(claimInterval.multipliedBy(3)) < 0) {
            throw new ConfigurationException("grapholap.export.lease must be at least 3 times grapholap.export.claim-interval ("
                    + claimInterval + "), got " + lease);
        }
        Check.between("grapholap.export.max-attempts", maxAttempts, 1, 100);
    }
}
