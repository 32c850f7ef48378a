package io.grapholap.persistence.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapholap.application.ops.JobLocks;
import io.micronaut.data.connection.ConnectionOperations;
import io.grapholap.persistence.MetadataDatabases;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Job locks: on PostgreSQL a run holding a job's lock makes a run of the same job elsewhere skip
 * (another connection stands for another node), not a run of another job, and the lock is free again
 * once the run ends, also when it failed; on H2 every run goes ahead. A run is never bound to the
 * lock's connection (work it hands to other threads would inherit a connection that closes with it).
 */
class JdbcJobLocksTest {

    @Test
    void onPostgresAJobRunsOnOneConnectionAtATime() throws Exception {
        try (MetadataDatabases.Running db = MetadataDatabases.POSTGRES.start()) {
            JobLocks locks = db.bean(JobLocks.class);
            CountDownLatch inside = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Boolean> holder = CompletableFuture.supplyAsync(() -> locks.tryRun("lifecycle", () -> {
                inside.countDown();
                await(release);
            }));
            assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
            boolean[] ran = new boolean[2];
            assertThat(locks.tryRun("lifecycle", () -> ran[0] = true)).isFalse();
            // the run's own database work is not bound to the lock's connection
            ConnectionOperations<?> connections = db.bean(ConnectionOperations.class);
            assertThat(locks.tryRun("reconciliation", () -> ran[1] = connections.findConnectionStatus().isEmpty())).isTrue();
            assertThat(ran).containsExactly(false, true);
            release.countDown();
            assertThat(holder.get(10, TimeUnit.SECONDS)).isTrue();

            CompletableFuture<Boolean> failing = CompletableFuture.supplyAsync(() -> locks.tryRun("lifecycle", () -> {
                throw new IllegalStateException("boom");
            }));
            assertThat(failing).failsWithin(10, TimeUnit.SECONDS);
            assertThat(locks.tryRun("lifecycle", () -> ran[0] = true)).isTrue();
            assertThat(ran[0]).isTrue();
        }
    }

    @Test
    void onH2EveryRunGoesAhead() throws Exception {
        try (MetadataDatabases.Running db = MetadataDatabases.H2.start()) {
            JobLocks locks = db.bean(JobLocks.class);
            CountDownLatch inside = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Boolean> holder = CompletableFuture.supplyAsync(() -> locks.tryRun("lifecycle", () -> {
                inside.countDown();
                await(release);
            }));
            assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
            boolean[] ran = new boolean[1];
            assertThat(locks.tryRun("lifecycle", () -> ran[0] = true)).isTrue();
            assertThat(ran[0]).isTrue();
            release.countDown();
            assertThat(holder.get(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
