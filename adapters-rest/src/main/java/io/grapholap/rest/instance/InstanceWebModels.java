package io.grapholap.rest.instance;

import io.grapholap.application.instance.InstanceProgressView;
import io.grapholap.domain.instance.Instance;
import io.micronaut.core.annotation.Introspected;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import io.swagger.v3.oas.annotations.media.Schema;

/** Instance resources on the wire (snake_case through the server's JSON settings). */
final class InstanceWebModels {

    private InstanceWebModels() {
    }

    @Introspected
    record InstanceWebModel(long id, Long snapshotId, String datasetId, String name, String description, String owner,
                            String status, String engine, int cpuCores, String instanceUrl, String errorMessage,
                            long memoryBytes, String ttl, String inactivityTimeout, Instant expiresAt,
                            Instant lastActivityAt, Instant createdAt, Instant updatedAt, String notice,
                            int effectiveCpuCores, String nodeId) {
        /**
         * {@code baseUrl} is the URL of the node serving the instance: the scheme and authority the
         * client used (e.g. {@code http://host:8080}) when it is this node, else the owner node's URL;
         * {@code effectiveCpuCores} the cores the instance runs on (its {@code cpu_cores}, capped by the processors).
         */
        static InstanceWebModel from(Instance i, String baseUrl, int effectiveCpuCores) {
            return new InstanceWebModel(i.id(), i.snapshotId(), i.datasetId(), i.name(), i.description(), i.owner(),
                    i.status().wire(), i.engine(), i.cpuCores(), baseUrl + "/api/instances/" + i.id(), i.errorMessage(),
                    i.memoryBytes(), text(i.lifecycle().ttl()), text(i.lifecycle().inactivityTimeout()), i.expiresAt(),
                    i.lastActivityAt(), i.createdAt(), i.updatedAt(), i.notice(), effectiveCpuCores, i.nodeId());
        }
    }

    @Introspected
    record CreateInstanceRequest(Long snapshotId, Long mappingId, Integer mappingVersion, String snapshotName,
                                 String datasetId, String name, String description, String ttl, String inactivityTimeout,
                                 String engine, Integer cpuCores) {
    }

    @Introspected
    record FromMappingRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Long mappingId, Integer mappingVersion,
                              String snapshotName, @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
                              String description, String ttl, String inactivityTimeout, String engine, Integer cpuCores) {
    }

    @Introspected
    record UpdateInstanceRequest(String name, String description) {
    }

    @Introspected
    record LifecycleRequest(String ttl, String inactivityTimeout) {
    }

    @Introspected
    record ExtendRequest(Long hours) {
    }

    @Introspected
    record CpuRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Integer cpuCores) {
    }

    @Introspected
    record StepWebModel(String name, String status, String message) {
    }

    @Introspected
    record ProgressWebModel(long id, String status, String phase, Instant startedAt, List<StepWebModel> steps,
                            String currentStep, int progressPercent, Long estimatedRemainingSeconds, String errorMessage) {
        static ProgressWebModel from(InstanceProgressView p) {
            return new ProgressWebModel(p.id(), p.status(), seedPhase(p.phase()), p.startedAt(),
                    p.steps().stream().map(s -> new StepWebModel(s.name(), s.status(), s.message())).toList(),
                    p.currentStep(), p.progressPercent(), p.estimatedRemainingSeconds(), p.errorMessage());
        }
    }

    /**
     * The phase under seed 001's names: waiting for the snapshot and the admission estimate are
     * {@code pod_scheduled} (the instance is placed), reading the Arrow files {@code downloading},
     * building the graph {@code loading_data}; {@code ready} and {@code failed} keep their names, and
     * so do {@code stopping} and {@code terminated}, which the seed does not name. Our own step names
     * stay in {@code steps} and {@code current_step}. The seed's {@code loading_schema} has no step of
     * its own here: the schema comes with the files.
     */
    static String seedPhase(String phase) {
        return switch (phase) {
            case "waiting_for_snapshot", "estimate" -> "pod_scheduled";
            case "read_files" -> "downloading";
            case "build" -> "loading_data";
            default -> phase;
        };
    }

    private static String text(Duration d) {
        return d == null ? null : d.toString();
    }
}
