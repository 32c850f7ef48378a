package io.grapholap.persistence.ops;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A row of {@code background_jobs}: one job's last run and counts. */
@MappedEntity("background_jobs")
record JobRow(@Id String jobName, @Nullable Instant lastRunAt, @Nullable Long lastDurationMs, @Nullable String lastResult,
              @Nullable String lastError, @Nullable Instant lastSuccessAt, @Nullable Instant lastFailureAt,
              int consecutiveFailures, long runs, long failures, @Nullable Instant lastTriggerAt,
              @Nullable String lastNode) {
}
