package io.grapholap.application.ops;

import io.grapholap.application.cluster.NodeRegistry;
import io.grapholap.application.config.ConcurrencyConfig;
import io.grapholap.application.config.PlatformConfig;
import io.grapholap.application.health.CheckReadiness;
import io.grapholap.application.health.ReadinessProbe;
import io.grapholap.application.security.Actor;
import io.grapholap.domain.instance.InstanceStatus;
import io.grapholap.domain.user.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Use case behind {@code /api/cluster/health} and {@code /api/cluster/instances} (ops role).
 * Health: every readiness probe, the background jobs and maintenance mode, summed up as
 * {@code healthy}, {@code degraded} (an optional probe down, a job unhealthy, or maintenance on)
 * or {@code unhealthy} (a critical probe down), and the server nodes alive and dead. Instances:
 * counts per status and per owner with the concurrency limits and how much of the cluster limit is
 * left. Nodes: every server node registered on the metadata database, with its status.
 */
public final class ReadClusterStatus {

    private final CheckReadiness readiness;
    private final BackgroundJobs jobs;
    private final PlatformConfig config;
    private final Optional<InstanceCensus> census;
    private final NodeRegistry nodes;
    private final Clock clock;

    public ReadClusterStatus(CheckReadiness readiness, BackgroundJobs jobs, PlatformConfig config,
                             Optional<InstanceCensus> census, NodeRegistry nodes, Clock clock) {
        this.nodes = Objects.requireNonNull(nodes);
        this.readiness = Objects.requireNonNull(readiness);
        this.jobs = Objects.requireNonNull(jobs);
        this.config = Objects.requireNonNull(config);
        this.census = Objects.requireNonNull(census);
        this.clock = Objects.requireNonNull(clock);
    }

    public record Component(String status, String detail) {
    }

    public record Health(String status, Map<String, Component> components, Instant checkedAt) {
    }

    public Health health(Actor actor) {
        actor.require(Role.OPS);
        CheckReadiness.Readiness ready = readiness.check();
        Map<String, Component> components = new LinkedHashMap<>();
        boolean degraded = false;
        for (Map.Entry<String, ReadinessProbe.ProbeResult> e : ready.components().entrySet()) {
            components.put(e.getKey(), new Component(e.getValue().up() ? "healthy" : "unhealthy", e.getValue().detail()));
            degraded |= !e.getValue().up();
        }
        List<BackgroundJobs.JobStatus> unhealthyJobs = jobs.status().stream()
                .filter(j -> j.healthStatus().equals("unhealthy")).toList();
        components.put("background_jobs", unhealthyJobs.isEmpty()
                ? new Component("healthy", jobs.status().size() + " job(s)")
                : new Component("unhealthy", "failing: " + String.join(", ",
                        unhealthyJobs.stream().map(BackgroundJobs.JobStatus::name).toList())));
        var maintenance = config.maintenance();
        components.put("maintenance", maintenance.enabled()
                ? new Component("degraded", maintenance.message().isEmpty() ? "maintenance mode is on" : maintenance.message())
                : new Component("healthy", "off"));
        List<NodeRegistry.NodeStatus> all = nodes.statuses();
        long alive = all.stream().filter(n -> n.status().equals("alive")).count();
        // A dead node is information, not ill health: its exports and jobs are taken over by the others.
        components.put("nodes", new Component("healthy", alive + " alive, " + (all.size() - alive) + " dead"));
        degraded |= !unhealthyJobs.isEmpty() || maintenance.enabled();
        String status = !ready.ready() ? "unhealthy" : degraded ? "degraded" : "healthy";
        return new Health(status, components, clock.instant());
    }

    /**
     * {@code byStatus} and {@code byOwner} are empty and {@code censusAvailable} false when no
     * instance census is wired.
     */
    public record Instances(long total, Map<String, Long> byStatus, Map<String, Long> byOwner, Limits limits,
                            boolean censusAvailable) {
    }

    /** The concurrency limits, the live instances that count against the cluster limit and what is left. */
    public record Limits(int perAnalyst, int clusterTotal, long clusterUsed, long clusterAvailable) {
    }

    /** Every server node registered on the metadata database, with its status ({@code alive} or {@code dead}). */
    public List<NodeRegistry.NodeStatus> nodes(Actor actor) {
        actor.require(Role.OPS);
        return nodes.statuses();
    }

    /** The live instances placed on each node, by node id; empty without an instance census. */
    public Map<String, InstanceCensus.NodeLoad> nodeLoads(Actor actor) {
        actor.require(Role.OPS);
        return census.map(InstanceCensus::liveByNode).orElse(Map.of());
    }

    public Instances instances(Actor actor) {
        actor.require(Role.OPS);
        Map<String, Long> byStatus = census.map(c -> ReadPlatformState.everyStatus(c.countByStatus())).orElse(Map.of());
        Map<String, Long> byOwner = census.map(InstanceCensus::liveCountByOwner).map(Map::copyOf).orElse(Map.of());
        long used = InstanceStatus.LIVE.stream().mapToLong(s -> byStatus.getOrDefault(s.wire(), 0L)).sum();
        long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
        ConcurrencyConfig limits = config.concurrency();
        return new Instances(total, byStatus, byOwner, new Limits(limits.perAnalyst(), limits.clusterTotal(), used,
                Math.max(0, limits.clusterTotal() - used)), census.isPresent());
    }
}
