package io.grapholap.persistence.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapholap.application.ops.JobRecords.JobRecord;
import io.grapholap.persistence.MetadataDatabases;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Job run records on both metadata databases: stored, replaced, read back whole. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JobRecordsContractTest {

    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00.123456Z");

    private MetadataDatabases.Running db;
    private JdbcJobRecords records;

    abstract MetadataDatabases database();

    @BeforeAll
    void migrate() {
        db = database().start();
        records = db.bean(JdbcJobRecords.class);
    }

    @AfterAll
    void drop() {
        db.close();
    }

    @Test
    void aRecordIsStoredReplacedAndReadBack() {
        assertThat(records.load()).doesNotContainKey("reaper");
        JobRecord never = new JobRecord("reaper", null, null, null, null, null, null, 0, 0, 0, T0, null);
        records.save(never);
        assertThat(records.load().get("reaper")).isEqualTo(never);

        JobRecord failed = new JobRecord("reaper", T0.plusSeconds(1), Duration.ofMillis(250), null, "x".repeat(1200), null,
                T0.plusSeconds(2), 1, 1, 1, T0, "node-a");
        records.save(failed);
        JobRecord read = records.load().get("reaper");
        assertThat(read.lastError()).hasSize(1000);
        assertThat(read.lastDuration()).isEqualTo(Duration.ofMillis(250));
        assertThat(read.lastFailureAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(read.consecutiveFailures()).isEqualTo(1);
        assertThat(read.runs()).isEqualTo(1);
        assertThat(read.lastTriggerAt()).isEqualTo(T0);
        assertThat(read.lastNode()).isEqualTo("node-a");

        records.save(new JobRecord("other", T0, Duration.ZERO, "ok", null, T0, null, 0, 5, 0, null, "node-b"));
        assertThat(records.load()).containsKeys("reaper", "other");
    }

    static final class OnH2 extends JobRecordsContractTest {
        @Override
        MetadataDatabases database() {
            return MetadataDatabases.H2;
        }
    }

    static final class OnPostgres extends JobRecordsContractTest {
        @Override
        MetadataDatabases database() {
            return MetadataDatabases.POSTGRES;
        }
    }
}
