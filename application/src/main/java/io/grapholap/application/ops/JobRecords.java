package io.grapholap.application.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Out-port: where the scheduler keeps each background job's last run, so job status, failure
 * streaks and the manual-trigger rate limit survive a restart.
 */
public interface JobRecords {

    /** Every stored record by job name. */
    Map<String, JobRecord> load();

    /** Creates or replaces the record of {@code record.name()}. */
    void save(JobRecord record);

    /** What is known about one job's runs; null fields mean "never". {@code lastNode}: the server node that ran it last. */
    record JobRecord(String name, Instant lastRunAt, Duration lastDuration, String lastResult, String lastError,
                     Instant lastSuccessAt, Instant lastFailureAt, int consecutiveFailures, long runs, long failures,
                     Instant lastTriggerAt, String lastNode) {

        public JobRecord {
            Objects.requireNonNull(name, "name");
        }
    }
}
