package io.grapholap.persistence.ops;

import io.grapholap.application.ops.JobRecords;
import io.grapholap.persistence.UniqueViolation;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * Job run records in the {@code background_jobs} table, through {@link JobRows}. Times are kept to
 * the microsecond (what both databases store); texts are cut to the column size.
 */
@Singleton
final class JdbcJobRecords implements JobRecords {

    private static final int MAX_TEXT = 1000;

    private final JobRows rows;
    private final TransactionOperations<Connection> transactions;

    JdbcJobRecords(JobRows rows, TransactionOperations<Connection> transactions) {
        this.rows = rows;
        this.transactions = transactions;
    }

    @Override
    public Map<String, JobRecord> load() {
        return transactions.executeRead(status -> {
            Map<String, JobRecord> all = new HashMap<>();
            rows.findAll().forEach(r -> all.put(r.jobName(), new JobRecord(r.jobName(), r.lastRunAt(),
                    r.lastDurationMs() == null ? null : Duration.ofMillis(r.lastDurationMs()), r.lastResult(), r.lastError(),
                    r.lastSuccessAt(), r.lastFailureAt(), r.consecutiveFailures(), r.runs(), r.failures(), r.lastTriggerAt(),
                    r.lastNode())));
            return all;
        });
    }

    @Override
    public void save(JobRecord r) {
        JobRow row = new JobRow(r.name(), micros(r.lastRunAt()), r.lastDuration() == null ? null : r.lastDuration().toMillis(),
                clip(r.lastResult()), clip(r.lastError()), micros(r.lastSuccessAt()), micros(r.lastFailureAt()),
                r.consecutiveFailures(), r.runs(), r.failures(), micros(r.lastTriggerAt()), r.lastNode());
        try {
            upsert(row);
        } catch (RuntimeException e) {
            if (!UniqueViolation.causes(e)) {
                throw e;
            }
            // Another writer inserted the row first; ours is the later state.
            upsert(row);
        }
    }

    private void upsert(JobRow row) {
        transactions.executeWrite(status -> {
            if (rows.existsById(row.jobName())) {
                rows.update(row);
            } else {
                rows.save(row);
            }
            return null;
        });
    }

    private static Instant micros(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.MICROS);
    }

    private static String clip(String s) {
        return s == null || s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT);
    }
}
