package io.grapholap.application.ops;

import io.grapholap.application.common.PageRequest;
import io.grapholap.application.mapping.MappingQuery;
import io.grapholap.application.mapping.MappingRepository;
import io.grapholap.application.security.Actor;
import io.grapholap.application.snapshot.SnapshotQuery;
import io.grapholap.application.cluster.NodeRegistry;
import io.grapholap.application.snapshot.ExportClaims;
import io.grapholap.application.snapshot.SnapshotRepository;
import io.grapholap.domain.error.ValidationException;
import io.grapholap.domain.instance.InstanceStatus;
import io.grapholap.domain.snapshot.SnapshotStatus;
import io.grapholap.domain.user.Role;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Use case behind {@code /api/ops/state} and {@code /api/ops/export-jobs} (ops role): resource
 * counts per status, and the exports queued or running with their progress. Instance counts come
 * from {@link InstanceCensus} when a bean provides one, else they are reported as absent. Counts
 * are one {@code COUNT} query per status, never a scan of the rows.
 */
public final class ReadPlatformState {

    public static final int MAX_EXPORT_JOBS = 100;

    private final MappingRepository mappings;
    private final SnapshotRepository snapshots;
    private final Optional<InstanceCensus> census;
    private final ExportJobRows exportJobs;
    private final NodeRegistry nodes;

    public ReadPlatformState(MappingRepository mappings, SnapshotRepository snapshots, ExportClaims claims,
                             NodeRegistry nodes, Optional<InstanceCensus> census) {
        this.nodes = Objects.requireNonNull(nodes);
        this.mappings = Objects.requireNonNull(mappings);
        this.snapshots = Objects.requireNonNull(snapshots);
        this.census = Objects.requireNonNull(census);
        this.exportJobs = new ExportJobRows(snapshots, mappings, claims);
    }

    /**
     * {@code instances} and {@code instancesWithoutEngine} are empty when no instance census is
     * available; {@code exportJobsByStatus} counts the jobs of {@link ExportJobRows} (the recent snapshots);
     * {@code nodes} are the server nodes on the metadata database with their status.
     */
    public record State(long mappings, Map<String, Long> snapshotsByStatus, Optional<Map<String, Long>> instancesByStatus,
                        Optional<Long> instancesWithoutEngine, Map<String, Long> exportJobsByStatus,
                        List<NodeRegistry.NodeStatus> nodes) {

        public long snapshotTotal() {
            return snapshotsByStatus.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    public State state(Actor actor) {
        actor.require(Role.OPS);
        long mappingCount = mappings.list(new MappingQuery(null, null, null, null), one("created_at")).total();
        return new State(mappingCount, snapshotCounts(), instanceCounts(), census.map(InstanceCensus::withoutEngine),
                exportJobs.countByStatus(), nodes.statuses());
    }

    /** Instances per status wire name, every status present; empty without a census. */
    public Optional<Map<String, Long>> instanceCounts() {
        return census.map(c -> everyStatus(c.countByStatus()));
    }

    /** {@code counts} with a zero for each instance status it lacks, in the order of the status machine. */
    static Map<String, Long> everyStatus(Map<String, Long> counts) {
        Map<String, Long> all = new LinkedHashMap<>();
        for (InstanceStatus status : InstanceStatus.values()) {
            all.put(status.wire(), counts.getOrDefault(status.wire(), 0L));
        }
        counts.forEach(all::putIfAbsent);
        return all;
    }

    /** Snapshots per status wire name, every status present. */
    public Map<String, Long> snapshotCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (SnapshotStatus status : SnapshotStatus.values()) {
            counts.put(status.wire(), snapshots.list(new SnapshotQuery(null, null, null, status, null, null, null),
                    one("created_at")).total());
        }
        return counts;
    }

    public Optional<InstanceCensus> census() {
        return census;
    }

    /**
     * Seed 001's export jobs: one per definition of the recent snapshots ({@link ExportJobRows}),
     * newest snapshot first, of {@code status} (pending, claimed, completed, failed) if given, at most
     * {@code limit} (1 to {@value #MAX_EXPORT_JOBS}, default {@value #MAX_EXPORT_JOBS}).
     */
    public List<ExportJobRows.ExportJob> exportJobs(Actor actor, String status, Integer limit) {
        actor.require(Role.OPS);
        int max = limit == null ? MAX_EXPORT_JOBS : limit;
        if (max < 1 || max > MAX_EXPORT_JOBS) {
            throw new ValidationException("limit", "limit must be between 1 and " + MAX_EXPORT_JOBS + ", got " + max);
        }
        return exportJobs.jobs(ExportJobRows.checkedStatus(status), max);
    }

    private static PageRequest one(String sort) {
        return new PageRequest(0, 1, sort, true);
    }
}
