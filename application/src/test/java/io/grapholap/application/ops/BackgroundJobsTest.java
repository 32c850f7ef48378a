package io.grapholap.application.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapholap.application.security.Actor;
import io.grapholap.application.security.MutableClock;
import io.grapholap.domain.error.ConflictException;
import io.grapholap.domain.error.PermissionDeniedException;
import io.grapholap.domain.error.RateLimitedException;
import io.grapholap.domain.error.ValidationException;
import io.grapholap.domain.user.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The job scheduler: one run of a job at a time, the trigger rate limit, failure accounting. */
class BackgroundJobsTest {

    private static final Actor OPS = new Actor("olga", Set.of(Role.OPS), Set.of());
    private static final Actor ANALYST = new Actor("sam", Set.of(Role.ANALYST), Set.of());

    private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(4);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T10:00:00Z"));
    private final Map<String, JobRecords.JobRecord> stored = new ConcurrentHashMap<>();
    private final JobRecords records = new JobRecords() {
        @Override
        public Map<String, JobRecords.JobRecord> load() {
            return Map.copyOf(stored);
        }

        @Override
        public void save(JobRecords.JobRecord record) {
            stored.put(record.name(), record);
        }
    };

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private static BackgroundJob job(String name, Duration interval, Supplier<String> body) {
        return new BackgroundJob() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return "test job " + name;
            }

            @Override
            public Duration interval() {
                return interval;
            }

            @Override
            public String run() {
                return body.get();
            }
        };
    }

    private static BackgroundJobs.JobStatus status(BackgroundJobs jobs, String name) {
        return jobs.status().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aClusterWideJobRunsOnlyUnderItsLockAndRecordsTheNodeThatRanIt() {
        java.util.concurrent.atomic.AtomicBoolean heldElsewhere = new java.util.concurrent.atomic.AtomicBoolean(true);
        List<String> asked = new java.util.ArrayList<>();
        JobLocks locks = (name, run) -> {
            asked.add(name);
            if (heldElsewhere.get()) {
                return false;
            }
            run.run();
            return true;
        };
        BackgroundJob base = job("sweep", Duration.ofHours(1), () -> "swept");
        BackgroundJob shared = new BackgroundJob() {
            @Override
            public String name() {
                return base.name();
            }

            @Override
            public String description() {
                return base.description();
            }

            @Override
            public Duration interval() {
                return base.interval();
            }

            @Override
            public String run() {
                return base.run();
            }

            @Override
            public boolean onePerCluster() {
                return true;
            }
        };
        BackgroundJobs jobs = new BackgroundJobs(List.of(shared, job("local", Duration.ofHours(1), () -> "mine")), executor,
                records, locks, "node-7", clock);

        assertThat(jobs.runNow("sweep")).as("another node holds the lock").isFalse();
        assertThat(status(jobs, "sweep").runs()).isZero();
        heldElsewhere.set(false);
        assertThat(jobs.runNow("sweep")).isTrue();
        assertThat(status(jobs, "sweep").runs()).isEqualTo(1);
        assertThat(status(jobs, "sweep").lastResult()).isEqualTo("swept");
        assertThat(status(jobs, "sweep").lastNode()).isEqualTo("node-7");
        assertThat(jobs.runNow("local")).isTrue();
        assertThat(asked).as("a job of this node only takes no lock").containsExactly("sweep", "sweep");
    }

    @Test
    void aScheduledJobRunsRepeatedlyButNeverTwiceAtOnce() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger runs = new AtomicInteger();
        BackgroundJobs jobs = new BackgroundJobs(List.of(job("busy", Duration.ofMillis(5), () -> {
            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inside.decrementAndGet();
            runs.incrementAndGet();
            return "ok";
        })), executor, records, JobLocks.IN_PROCESS, "here", clock);
        jobs.start();
        for (int i = 0; i < 20; i++) {
            executor.execute(() -> jobs.runNow("busy"));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (runs.get() < 5 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(runs.get()).isGreaterThanOrEqualTo(5);
        assertThat(most.get()).isEqualTo(1);
        assertThat(status(jobs, "busy").lastResult()).isEqualTo("ok");
        assertThat(status(jobs, "busy").nextRunAt()).isNotNull();
    }

    @Test
    void aTriggerIsAcceptedOnceAMinuteAndNotWhileTheJobRuns() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        BackgroundJobs jobs = new BackgroundJobs(List.of(job("slow", Duration.ofHours(1), () -> {
            started.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "done";
        })), executor, records, JobLocks.IN_PROCESS, "here", clock);

        BackgroundJobs.Triggered t = jobs.trigger(OPS, new BackgroundJobs.TriggerRequest("slow", "smoke test"));
        assertThat(t.triggeredBy()).isEqualTo("olga");
        assertThat(t.reason()).isEqualTo("smoke test");
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(status(jobs, "slow").running()).isTrue();
        assertThat(jobs.runNow("slow")).isFalse();

        clock.advance(Duration.ofSeconds(20));
        assertThatThrownBy(() -> jobs.trigger(OPS, new BackgroundJobs.TriggerRequest("slow", null)))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.retryAfterSeconds()).isEqualTo(40));

        clock.advance(Duration.ofSeconds(41));
        assertThatThrownBy(() -> jobs.trigger(OPS, new BackgroundJobs.TriggerRequest("slow", null)))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("INVALID_STATE"));

        release.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (status(jobs, "slow").running() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(status(jobs, "slow").lastResult()).isEqualTo("done");
        assertThat(jobs.trigger(OPS, new BackgroundJobs.TriggerRequest("slow", null)).status()).isEqualTo("triggered");
    }

    @Test
    void failuresAreCountedAndASuccessResetsTheStreak() {
        AtomicInteger calls = new AtomicInteger();
        BackgroundJobs jobs = new BackgroundJobs(List.of(job("flaky", Duration.ofHours(1), () -> {
            if (calls.incrementAndGet() <= 3) {
                throw new IllegalStateException("source down");
            }
            return "fine";
        })), executor, records, JobLocks.IN_PROCESS, "here", clock);
        assertThat(status(jobs, "flaky").healthStatus()).isEqualTo("unknown");
        jobs.runNow("flaky");
        jobs.runNow("flaky");
        assertThat(status(jobs, "flaky").healthStatus()).isEqualTo("healthy");
        jobs.runNow("flaky");
        BackgroundJobs.JobStatus failing = status(jobs, "flaky");
        assertThat(failing.consecutiveFailures()).isEqualTo(3);
        assertThat(failing.healthStatus()).isEqualTo("unhealthy");
        assertThat(failing.lastError()).isEqualTo("source down");
        assertThat(failing.lastSuccessAt()).isNull();

        jobs.runNow("flaky");
        BackgroundJobs.JobStatus recovered = status(jobs, "flaky");
        assertThat(recovered.consecutiveFailures()).isZero();
        assertThat(recovered.failures()).isEqualTo(3);
        assertThat(recovered.runs()).isEqualTo(4);
        assertThat(recovered.lastResult()).isEqualTo("fine");
        assertThat(recovered.lastError()).isNull();
        assertThat(recovered.lastSuccessAt()).isNotNull();
    }

    @Test
    void aNewSchedulerOnTheSameRecordsKnowsTheLastRunsAndTheTriggerLimit() throws Exception {
        BackgroundJobs first = new BackgroundJobs(List.of(job("nightly", Duration.ofHours(1), () -> {
            throw new IllegalStateException("disk full");
        })), executor, records, JobLocks.IN_PROCESS, "here", clock);
        first.trigger(OPS, new BackgroundJobs.TriggerRequest("nightly", "check"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while ((stored.get("nightly") == null || stored.get("nightly").runs() == 0) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }

        BackgroundJobs restarted = new BackgroundJobs(List.of(job("nightly", Duration.ofHours(1), () -> "ok")), executor, records,
                JobLocks.IN_PROCESS, "here", clock);
        BackgroundJobs.JobStatus known = status(restarted, "nightly");
        assertThat(known.runs()).isEqualTo(1);
        assertThat(known.consecutiveFailures()).isEqualTo(1);
        assertThat(known.lastError()).isEqualTo("disk full");
        assertThat(known.lastTriggerAt()).isNotNull();
        assertThatThrownBy(() -> restarted.trigger(OPS, new BackgroundJobs.TriggerRequest("nightly", null)))
                .isInstanceOf(RateLimitedException.class);
    }

    @Test
    void onlyOpsMayTriggerOrReadAndOnlyKnownJobs() {
        BackgroundJobs jobs = new BackgroundJobs(List.of(job("a", Duration.ofHours(1), () -> "x")), executor, records,
                JobLocks.IN_PROCESS, "here", clock);
        assertThatThrownBy(() -> jobs.trigger(ANALYST, new BackgroundJobs.TriggerRequest("a", null)))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> jobs.status(ANALYST)).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> jobs.trigger(OPS, new BackgroundJobs.TriggerRequest("nope", null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("job_name"));
        assertThatThrownBy(() -> new BackgroundJobs.TriggerRequest("a", "x".repeat(501)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("reason"));
        assertThatThrownBy(() -> new BackgroundJobs(List.of(job("a", Duration.ofHours(1), () -> ""),
                job("a", Duration.ofHours(1), () -> "")), executor, records, JobLocks.IN_PROCESS, "here", clock))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
