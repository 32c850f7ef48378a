package io.grapholap.rest.ops;

import io.grapholap.application.ops.BackgroundJobs;
import io.grapholap.application.ops.ReadPlatformState;
import io.grapholap.domain.instance.InstanceStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gauges on {@code /metrics}: {@code snapshots_by_status{status}}, {@code instances_by_status{status}}
 * (when an instance census exists), and per background job {@code background_job_running{job}},
 * {@code background_job_last_success_timestamp_seconds{job}} (0 before the first success),
 * {@code background_job_consecutive_failures{job}} and {@code background_job_failures{job}}.
 * The counts come from the metadata database at most once per {@link #COUNTS_MAX_AGE_NANOS}, however
 * often the endpoint is scraped.
 */
@Singleton
final class OpsMetrics implements ApplicationEventListener<ServerStartupEvent> {

    static final long COUNTS_MAX_AGE_NANOS = 10_000_000_000L;
    private static final Logger LOG = LoggerFactory.getLogger(OpsMetrics.class);

    private final MeterRegistry registry;
    private final ReadPlatformState state;
    private final BackgroundJobs jobs;
    private volatile Counts counts;

    OpsMetrics(MeterRegistry registry, ReadPlatformState state, BackgroundJobs jobs) {
        this.registry = registry;
        this.state = state;
        this.jobs = jobs;
    }

    private record Counts(Map<String, Long> snapshots, Map<String, Long> instances, long readAtNanos) {
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        for (String status : List.of("pending", "creating", "ready", "failed")) {
            Gauge.builder("snapshots_by_status", this, m -> m.counts().snapshots().getOrDefault(status, 0L))
                    .description("Snapshots per status").tag("status", status).register(registry);
        }
        if (state.census().isPresent()) {
            for (InstanceStatus s : InstanceStatus.values()) {
                String status = s.wire();
                Gauge.builder("instances_by_status", this, m -> m.counts().instances().getOrDefault(status, 0L))
                        .description("Instances per status").tag("status", status).register(registry);
            }
        }
        for (BackgroundJobs.JobStatus job : jobs.status()) {
            String name = job.name();
            jobGauge("background_job_running", "1 while the job runs", name, s -> s.running() ? 1 : 0);
            jobGauge("background_job_last_success_timestamp_seconds", "When the job last succeeded (0: never)", name,
                    s -> s.lastSuccessAt() == null ? 0 : seconds(s.lastSuccessAt()));
            jobGauge("background_job_consecutive_failures", "Failed runs since the last success", name, s -> s.consecutiveFailures());
            jobGauge("background_job_failures", "Failed runs of the job, all time", name, s -> s.failures());
        }
    }

    private void jobGauge(String metric, String description, String job, ToDoubleFunction<BackgroundJobs.JobStatus> value) {
        Gauge.builder(metric, jobs, j -> j.status().stream().filter(s -> s.name().equals(job)).findFirst()
                        .map(value::applyAsDouble).orElse(0.0))
                .description(description).tag("job", job).register(registry);
    }

    private static double seconds(Instant at) {
        return at.getEpochSecond() + at.getNano() / 1e9;
    }

    private Counts counts() {
        Counts c = counts;
        if (c == null || System.nanoTime() - c.readAtNanos() > COUNTS_MAX_AGE_NANOS) {
            try {
                c = new Counts(state.snapshotCounts(), state.instanceCounts().orElse(Map.of()), System.nanoTime());
            } catch (RuntimeException e) {
                LOG.warn("could not count resources for the metrics: {}", e.getMessage());
                c = c == null ? new Counts(Map.of(), Map.of(), System.nanoTime())
                        : new Counts(c.snapshots(), c.instances(), System.nanoTime());
            }
            counts = c;
        }
        return c;
    }
}
