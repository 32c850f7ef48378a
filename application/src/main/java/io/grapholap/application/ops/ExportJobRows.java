package io.grapholap.application.ops;

import io.grapholap.application.common.PageRequest;
import io.grapholap.application.mapping.MappingRepository;
import io.grapholap.application.snapshot.ExportClaims;
import io.grapholap.application.snapshot.SnapshotQuery;
import io.grapholap.application.snapshot.SnapshotRepository;
import io.grapholap.domain.error.ValidationException;
import io.grapholap.domain.mapping.MappingDefinition;
import io.grapholap.domain.mapping.MappingId;
import io.grapholap.domain.snapshot.ExportProgress;
import io.grapholap.domain.snapshot.Snapshot;
import io.grapholap.domain.snapshot.SnapshotStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The export work of the recent snapshots as seed 001's export jobs: one job per definition a
 * snapshot exports ({@code node:Customer}, {@code edge:TRANSFER}), with the seed's statuses. A job is
 * {@code pending} until its export reaches it, {@code claimed} while it is written, then
 * {@code completed} or {@code failed} (so are the jobs a failed export never reached). A snapshot's
 * definitions are exported one after another under one claim by one node ({@link ExportClaims}), so
 * every job of a snapshot shows its claim: {@code claimed_by} (the node), {@code lease_expires_at} and
 * {@code attempts} (claims of the export so far; a node that stopped mid-export leaves its claim to
 * run out, and the node that claims it next counts one more). Only the {@value #WINDOW} most recent
 * snapshots are looked at: the view is for watching and debugging exports, not for history.
 */
public final class ExportJobRows {

    /** How many of the most recent snapshots the jobs are read from. */
    public static final int WINDOW = 500;
    public static final List<String> STATUSES = List.of("pending", "claimed", "completed", "failed");

    /** One job. {@code id} is {@code <snapshot id>:<definition>}, e.g. {@code 7:node:Customer}. */
    public record ExportJob(String id, long snapshotId, String snapshotName, String entityType, String entityName,
                            String status, long rows, int attempts, String claimedBy, Instant leaseExpiresAt,
                            Instant createdAt, Instant startedAt, Instant updatedAt, String errorMessage) {
    }

    private final SnapshotRepository snapshots;
    private final MappingRepository mappings;
    private final ExportClaims claims;

    public ExportJobRows(SnapshotRepository snapshots, MappingRepository mappings, ExportClaims claims) {
        this.snapshots = snapshots;
        this.mappings = mappings;
        this.claims = claims;
    }

    /** {@code status} must be null or one of {@link #STATUSES}; 400 on {@code status} otherwise. */
    static String checkedStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        String wanted = status.strip().toLowerCase(Locale.ROOT);
        if (!STATUSES.contains(wanted)) {
            throw new ValidationException("status", "status must be one of " + String.join(", ", STATUSES) + ", got '" + status + "'");
        }
        return wanted;
    }

    /** Jobs of the newest snapshots first (within a snapshot in definition order), of {@code status} if given, at most {@code limit}. */
    List<ExportJob> jobs(String status, int limit) {
        List<ExportJob> jobs = new ArrayList<>();
        for (int offset = 0; offset < WINDOW && jobs.size() < limit; offset += PageRequest.MAX_LIMIT) {
            List<Snapshot> page = snapshots.list(new SnapshotQuery(null, null, null, null, null, null, null),
                    new PageRequest(offset, PageRequest.MAX_LIMIT, "created_at", true)).items();
            Map<Long, ExportClaims.ClaimState> claimed = claims.states(page.stream().map(Snapshot::id).toList());
            for (Snapshot snapshot : page) {
                ExportClaims.ClaimState claim = claimed.getOrDefault(snapshot.id(), new ExportClaims.ClaimState(null, null, 0));
                for (ExportJob job : jobsOf(snapshot, claim)) {
                    if ((status == null || job.status().equals(status)) && jobs.size() < limit) {
                        jobs.add(job);
                    }
                }
            }
            if (page.size() < PageRequest.MAX_LIMIT) {
                break;
            }
        }
        return jobs;
    }

    /** Jobs per status over the window, every status present. */
    Map<String, Long> countByStatus() {
        Map<String, Long> counts = new LinkedHashMap<>();
        STATUSES.forEach(s -> counts.put(s, 0L));
        jobs(null, Integer.MAX_VALUE).forEach(job -> counts.merge(job.status(), 1L, Long::sum));
        return counts;
    }

    private List<ExportJob> jobsOf(Snapshot snapshot, ExportClaims.ClaimState claim) {
        Optional<ExportProgress> progress = snapshots.progress(snapshot.id());
        List<ExportProgress.Step> steps = progress.map(ExportProgress::steps).orElseGet(() -> plannedSteps(snapshot));
        Instant startedAt = progress.map(ExportProgress::startedAt).orElse(null);
        List<ExportJob> jobs = new ArrayList<>();
        for (ExportProgress.Step step : steps) {
            String status = status(snapshot.status(), step.status());
            int colon = step.name().indexOf(':');
            String type = colon < 0 ? "node" : step.name().substring(0, colon);
            String name = colon < 0 ? step.name() : step.name().substring(colon + 1);
            boolean started = step.status() != ExportProgress.StepStatus.PENDING;
            String error = !status.equals("failed") ? null
                    : started ? snapshot.errorMessage() : "not exported: the export stopped before it (" + snapshot.errorMessage() + ")";
            jobs.add(new ExportJob(snapshot.id() + ":" + step.name(), snapshot.id(), snapshot.name(), type, name, status,
                    step.rows(), claim.attempts(), claim.node(), claim.leaseExpiresAt(), snapshot.createdAt(),
                    started ? startedAt : null, snapshot.updatedAt(), error));
        }
        return jobs;
    }

    /** A snapshot whose export has not started yet: the definitions of its mapping version, all pending. */
    private List<ExportProgress.Step> plannedSteps(Snapshot snapshot) {
        return mappings.version(new MappingId(snapshot.mappingId()), snapshot.mappingVersion())
                .map(v -> planned(v.definition())).orElse(List.of());
    }

    private static List<ExportProgress.Step> planned(MappingDefinition definition) {
        List<ExportProgress.Step> steps = new ArrayList<>();
        definition.nodes().forEach(n -> steps.add(new ExportProgress.Step("node:" + n.label(), ExportProgress.StepStatus.PENDING, 0)));
        definition.edges().forEach(e -> steps.add(new ExportProgress.Step("edge:" + e.type(), ExportProgress.StepStatus.PENDING, 0)));
        return steps;
    }

    private static String status(SnapshotStatus snapshot, ExportProgress.StepStatus step) {
        if (snapshot == SnapshotStatus.READY) {
            return "completed";
        }
        return switch (step) {
            case PENDING -> snapshot == SnapshotStatus.FAILED ? "failed" : "pending";
            case RUNNING -> snapshot == SnapshotStatus.FAILED ? "failed" : "claimed";
            case COMPLETED -> "completed";
            case FAILED -> "failed";
        };
    }
}
