package io.grapholap.application.ops;

import io.grapholap.application.security.Actor;
import io.grapholap.domain.error.ConflictException;
import io.grapholap.domain.error.NotFoundException;
import io.grapholap.domain.error.RateLimitedException;
import io.grapholap.domain.error.ValidationException;
import io.grapholap.domain.user.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs every {@link BackgroundJob} at its interval on a scheduled executor, and on a manual
 * trigger (ops role, at most once per {@link #TRIGGER_INTERVAL} per job). One run of a job at a
 * time: a scheduled run that finds the job still running is skipped, a trigger is refused with
 * {@code INVALID_STATE}. Keeps each job's last run (start, duration, result, error), its last
 * success and failure, its failure counts, its last trigger and the node that ran it last in
 * {@link JobRecords}, so they survive a restart; a record that cannot be written is logged and the
 * job goes on. A job that wants one run at a time across the server nodes
 * ({@link BackgroundJob#onePerCluster()}) runs under its {@link JobLocks} lock; a run that finds
 * another node holding it is skipped, and not recorded as a run.
 */
public final class BackgroundJobs {

    public static final Duration TRIGGER_INTERVAL = Duration.ofMinutes(1);
    /** Consecutive failures from which a job is reported {@code unhealthy}. */
    public static final int UNHEALTHY_AFTER = 3;
    private static final int MAX_TEXT = 1000;
    private static final System.Logger LOG = System.getLogger(BackgroundJobs.class.getName());

    private final Map<String, Slot> slots = new LinkedHashMap<>();
    private final ScheduledExecutorService executor;
    private final JobRecords records;
    private final JobLocks locks;
    private final String node;
    private final Clock clock;
    private final AtomicBoolean started = new AtomicBoolean();

    /** {@code node} is this server node's id, recorded with each run. */
    public BackgroundJobs(List<BackgroundJob> jobs, ScheduledExecutorService executor, JobRecords records, JobLocks locks,
                          String node, Clock clock) {
        this.executor = Objects.requireNonNull(executor);
        this.records = Objects.requireNonNull(records);
        this.locks = Objects.requireNonNull(locks);
        this.node = Objects.requireNonNull(node);
        this.clock = Objects.requireNonNull(clock);
        jobs.stream().sorted(java.util.Comparator.comparing(BackgroundJob::name)).forEach(job -> {
            if (job.interval() == null || job.interval().isNegative() || job.interval().isZero()) {
                throw new IllegalArgumentException("job " + job.name() + " needs a positive interval, got " + job.interval());
            }
            if (slots.putIfAbsent(job.name(), new Slot(job)) != null) {
                throw new IllegalArgumentException("two background jobs are named " + job.name());
            }
        });
        Map<String, JobRecords.JobRecord> stored = records.load();
        slots.forEach((name, slot) -> {
            if (stored.get(name) instanceof JobRecords.JobRecord r) {
                slot.restore(r);
            }
        });
    }

    /** Schedules every job, first run one interval from now. Calling it again does nothing. */
    public void start() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        Instant now = clock.instant();
        for (Slot slot : slots.values()) {
            long millis = slot.job.interval().toMillis();
            synchronized (slot) {
                slot.nextRunAt = now.plusMillis(millis);
            }
            executor.scheduleWithFixedDelay(() -> runScheduled(slot), millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    /** The status of every job, ordered by name. */
    public List<JobStatus> status(Actor actor) {
        actor.require(Role.OPS);
        return status();
    }

    /** The same view without a caller: for the metrics gauges. */
    public List<JobStatus> status() {
        List<JobStatus> all = new ArrayList<>();
        for (Slot slot : slots.values()) {
            all.add(slot.status());
        }
        return all;
    }

    public record TriggerRequest(String jobName, String reason) {
        public TriggerRequest {
            if (jobName == null || jobName.isBlank()) {
                throw new ValidationException("job_name", "job_name is required");
            }
            jobName = jobName.trim();
            reason = reason == null || reason.isBlank() ? "manual-trigger" : reason.trim();
            if (reason.length() > 500) {
                throw new ValidationException("reason", "reason must be at most 500 characters");
            }
        }
    }

    public record Triggered(String jobName, String status, Instant triggeredAt, String triggeredBy, String reason) {
    }

    /**
     * Starts a run of the named job now, in the background. Refused with 429 within a minute of the
     * last accepted trigger of that job, and with {@code INVALID_STATE} while the job is running.
     */
    public Triggered trigger(Actor actor, TriggerRequest request) {
        actor.require(Role.OPS);
        Slot slot = slots.get(request.jobName());
        if (slot == null) {
            throw new ValidationException("job_name", "unknown job '" + request.jobName() + "'; known jobs: "
                    + String.join(", ", slots.keySet()));
        }
        Instant now = clock.instant();
        synchronized (slot) {
            if (slot.lastTriggerAt != null) {
                Duration since = Duration.between(slot.lastTriggerAt, now);
                if (since.compareTo(TRIGGER_INTERVAL) < 0) {
                    long wait = TRIGGER_INTERVAL.minus(since).toMillis();
                    throw new RateLimitedException("job " + slot.job.name() + " was triggered less than a minute ago; try again in "
                            + (wait + 999) / 1000 + " s", (wait + 999) / 1000);
                }
            }
            if (slot.running.get()) {
                throw ConflictException.invalidState("job " + slot.job.name() + " is running now", Map.of("job_name", slot.job.name()));
            }
            slot.lastTriggerAt = now;
        }
        persist(slot);
        LOG.log(System.Logger.Level.INFO, "background job {0} triggered by {1}: {2}", slot.job.name(), actor.username(), request.reason());
        executor.execute(() -> runOnce(slot));
        return new Triggered(slot.job.name(), "triggered", now, actor.username(), request.reason());
    }

    /** Runs the named job on the calling thread unless it is running (here or, for a cluster-wide job, on another node); false when it was skipped. */
    public boolean runNow(String name) {
        Slot slot = slots.get(name);
        if (slot == null) {
            throw new NotFoundException("job", name);
        }
        return runOnce(slot);
    }

    private void runScheduled(Slot slot) {
        runOnce(slot);
        synchronized (slot) {
            slot.nextRunAt = clock.instant().plus(slot.job.interval());
        }
    }

    private boolean runOnce(Slot slot) {
        if (!slot.running.compareAndSet(false, true)) {
            return false;
        }
        if (slot.job.onePerCluster()) {
            try {
                boolean ran = locks.tryRun(slot.job.name(), () -> record(slot));
                if (!ran) {
                    LOG.log(System.Logger.Level.DEBUG, "background job {0} skipped: another node runs it", slot.job.name());
                }
                return ran;
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "background job " + slot.job.name() + " skipped: its lock failed: " + e.getMessage());
                return false;
            } finally {
                slot.running.set(false);
            }
        }
        try {
            record(slot);
        } finally {
            slot.running.set(false);
        }
        return true;
    }

    /** Runs the job once and records the run. */
    private void record(Slot slot) {
        Instant startedAt = clock.instant();
        long t0 = System.nanoTime();
        String result = null;
        String error = null;
        try {
            result = slot.job.run();
        } catch (RuntimeException | Error e) {
            // An Error too is recorded as a failed run, so the schedule of the job goes on.
            error = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
            LOG.log(System.Logger.Level.WARNING, "background job " + slot.job.name() + " failed: " + error, e);
        } finally {
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            Instant endedAt = clock.instant();
            synchronized (slot) {
                slot.lastRunAt = startedAt;
                slot.lastDuration = took;
                slot.lastNode = node;
                slot.runs++;
                if (error == null) {
                    slot.lastResult = clip(result == null ? "done" : result);
                    slot.lastError = null;
                    slot.lastSuccessAt = endedAt;
                    slot.consecutiveFailures = 0;
                } else {
                    slot.lastResult = null;
                    slot.lastError = clip(error);
                    slot.lastFailureAt = endedAt;
                    slot.consecutiveFailures++;
                    slot.failures++;
                }
            }
            persist(slot);
        }
    }

    private void persist(Slot slot) {
        try {
            records.save(slot.record());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not store the run record of job " + slot.job.name() + ": " + e.getMessage());
        }
    }

    private static String clip(String s) {
        return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT);
    }

    /**
     * One job's state. {@code healthStatus} is {@code healthy}, {@code unhealthy} (at least
     * {@link #UNHEALTHY_AFTER} failures in a row) or {@code unknown} (never ran).
     */
    public record JobStatus(String name, String description, Duration interval, boolean running, Instant lastRunAt,
                            Duration lastDuration, String lastResult, String lastError, Instant lastSuccessAt,
                            Instant lastFailureAt, int consecutiveFailures, long runs, long failures, Instant nextRunAt,
                            Instant lastTriggerAt, String lastNode, boolean onePerCluster) {

        public String healthStatus() {
            if (consecutiveFailures >= UNHEALTHY_AFTER) {
                return "unhealthy";
            }
            return runs == 0 ? "unknown" : "healthy";
        }
    }

    private static final class Slot {
        private final BackgroundJob job;
        private final AtomicBoolean running = new AtomicBoolean();
        private Instant lastRunAt;
        private Duration lastDuration;
        private String lastResult;
        private String lastError;
        private Instant lastSuccessAt;
        private Instant lastFailureAt;
        private int consecutiveFailures;
        private long runs;
        private long failures;
        private Instant nextRunAt;
        private Instant lastTriggerAt;
        private String lastNode;

        Slot(BackgroundJob job) {
            this.job = job;
        }

        synchronized void restore(JobRecords.JobRecord r) {
            lastRunAt = r.lastRunAt();
            lastDuration = r.lastDuration();
            lastResult = r.lastResult();
            lastError = r.lastError();
            lastSuccessAt = r.lastSuccessAt();
            lastFailureAt = r.lastFailureAt();
            consecutiveFailures = r.consecutiveFailures();
            runs = r.runs();
            failures = r.failures();
            lastTriggerAt = r.lastTriggerAt();
            lastNode = r.lastNode();
        }

        synchronized JobRecords.JobRecord record() {
            return new JobRecords.JobRecord(job.name(), lastRunAt, lastDuration, lastResult, lastError, lastSuccessAt,
                    lastFailureAt, consecutiveFailures, runs, failures, lastTriggerAt, lastNode);
        }

        synchronized JobStatus status() {
            return new JobStatus(job.name(), job.description(), job.interval(), running.get(), lastRunAt, lastDuration,
                    lastResult, lastError, lastSuccessAt, lastFailureAt, consecutiveFailures, runs, failures, nextRunAt,
                    lastTriggerAt, lastNode, job.onePerCluster());
        }
    }
}
