package io.grapholap.rest.snapshot;

import io.grapholap.application.snapshot.SnapshotProgressView;
import io.grapholap.domain.snapshot.Snapshot;
import io.micronaut.core.annotation.Introspected;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import io.swagger.v3.oas.annotations.media.Schema;

/** Snapshot resources on the wire (snake_case through the server's JSON settings). */
final class SnapshotWebModels {

    private SnapshotWebModels() {
    }

    @Introspected
    record SnapshotWebModel(long id, long mappingId, int mappingVersion, String name, String description, String owner,
                            String status, String errorMessage, Map<String, Long> nodeCounts, Map<String, Long> edgeCounts,
                            long sizeBytes, String ttl, String inactivityTimeout, Instant createdAt, Instant updatedAt) {
        static SnapshotWebModel from(Snapshot s) {
            return new SnapshotWebModel(s.id(), s.mappingId(), s.mappingVersion(), s.name(), s.description(), s.owner(),
                    s.status().wire(), s.errorMessage(), s.nodeCounts(), s.edgeCounts(), s.sizeBytes(),
                    text(s.lifecycle().ttl()), text(s.lifecycle().inactivityTimeout()), s.createdAt(), s.updatedAt());
        }
    }

    @Introspected
    record CreateSnapshotRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Long mappingId, @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name, String description, Integer version, String ttl,
                                 String inactivityTimeout) {
    }

    @Introspected
    record UpdateSnapshotRequest(String name, String description) {
    }

    @Introspected
    record LifecycleRequest(String ttl, String inactivityTimeout) {
    }

    @Introspected
    record StepWebModel(String name, String status, long rows) {
    }

    @Introspected
    record ProgressWebModel(long id, String status, String phase, Instant startedAt, List<StepWebModel> steps,
                            String currentStep, int progressPercent, Long estimatedRemainingSeconds, String errorMessage) {
        static ProgressWebModel from(SnapshotProgressView p) {
            return new ProgressWebModel(p.id(), p.status(), p.phase(), p.startedAt(),
                    p.steps().stream().map(s -> new StepWebModel(s.name(), s.status().name().toLowerCase(Locale.ROOT), s.rows())).toList(),
                    p.currentStep(), p.progressPercent(), p.estimatedRemainingSeconds(), p.errorMessage());
        }
    }

    private static String text(Duration d) {
        return d == null ? null : d.toString();
    }
}
