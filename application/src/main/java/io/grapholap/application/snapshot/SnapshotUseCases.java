package io.grapholap.application.snapshot;

import io.grapholap.domain.common.ResourceText;
import io.grapholap.application.common.Page;
import io.grapholap.application.common.PageRequest;
import io.grapholap.application.mapping.MappingRepository;
import io.grapholap.application.security.Actor;
import io.grapholap.domain.error.ConflictException;
import io.grapholap.domain.error.NotFoundException;
import io.grapholap.domain.error.ValidationException;
import io.grapholap.domain.mapping.Lifecycle;
import io.grapholap.domain.mapping.Mapping;
import io.grapholap.domain.mapping.MappingId;
import io.grapholap.domain.snapshot.ExportProgress;
import io.grapholap.domain.snapshot.Snapshot;
import io.grapholap.domain.snapshot.SnapshotStatus;
import java.time.Clock;
import java.util.Map;

/**
 * The snapshot use cases of the SnapshotResource: create (queues the export), get, list, update
 * name/description and lifecycle (owner or admin), retry a failed export, delete (owner or admin;
 * removes the files). Every authenticated user may read every snapshot, as with mappings.
 */
public final class SnapshotUseCases {

    private final SnapshotRepository snapshots;
    private final MappingRepository mappings;
    private final SnapshotExporter exporter;
    private final SnapshotDirectories directories;
    private final SnapshotDependants dependants;
    private final Clock clock;

    public SnapshotUseCases(SnapshotRepository snapshots, MappingRepository mappings, SnapshotExporter exporter,
                            SnapshotDirectories directories, Clock clock) {
        this(snapshots, mappings, exporter, directories, SnapshotDependants.NONE, clock);
    }

    public SnapshotUseCases(SnapshotRepository snapshots, MappingRepository mappings, SnapshotExporter exporter,
                            SnapshotDirectories directories, SnapshotDependants dependants, Clock clock) {
        this.snapshots = snapshots;
        this.mappings = mappings;
        this.exporter = exporter;
        this.directories = directories;
        this.dependants = dependants;
        this.clock = clock;
    }

    /** What a client asks for; {@code version} null means the mapping's current version. */
    public record CreateRequest(Long mappingId, String name, String description, Integer version, String ttl,
                                String inactivityTimeout) {
        public CreateRequest {
            if (mappingId == null) {
                throw new ValidationException("mapping_id", "mapping_id is required");
            }
            if (mappingId < 1) {
                throw new ValidationException("mapping_id", "mapping_id must be a mapping's id (a positive number), got " + mappingId);
            }
            ResourceText.requireName(name);
            description = ResourceText.checkDescription(description);
            if (version != null && version < 1) {
                throw new ValidationException("version", "version must be >= 1, got " + version);
            }
        }
    }

    public Snapshot create(Actor actor, CreateRequest request) {
        Lifecycle lifecycle = Lifecycle.parse(request.ttl(), request.inactivityTimeout());
        MappingId mappingId = new MappingId(request.mappingId());
        Mapping mapping = mappings.find(mappingId).orElseThrow(() -> new NotFoundException("mapping", request.mappingId()));
        int version = request.version() == null ? mapping.currentVersion() : request.version();
        if (mappings.version(mappingId, version).isEmpty()) {
            throw new ValidationException("version", "mapping " + request.mappingId() + " has no version " + version
                    + "; its current version is " + mapping.currentVersion());
        }
        Snapshot created = snapshots.create(new SnapshotRepository.NewSnapshot(request.mappingId(), version,
                request.name().trim(), request.description(), actor.username(), lifecycle, clock.instant()));
        exporter.schedule(created.id());
        return created;
    }

    public Snapshot get(long id) {
        return snapshots.find(id).orElseThrow(() -> new NotFoundException("snapshot", id));
    }

    /** The progress of the export: phase, steps with rows written, percent, estimate. */
    public SnapshotProgressView progress(long id) {
        Snapshot snapshot = get(id);
        return SnapshotProgressView.of(snapshot, snapshots.progress(id).orElse(null), clock);
    }

    public Page<Snapshot> list(SnapshotQuery query, PageRequest page) {
        return snapshots.list(query, page);
    }

    public Snapshot update(Actor actor, long id, String name, String description) {
        Snapshot snapshot = get(id);
        actor.requireOwnerOrAdmin(snapshot.owner(), "snapshot " + id);
        String newName = name == null ? snapshot.name() : ResourceText.requireName(name).trim();
        String newDescription = description == null ? snapshot.description() : ResourceText.checkDescription(description);
        return snapshots.update(id, newName, newDescription, clock.instant());
    }

    public Snapshot setLifecycle(Actor actor, long id, String ttl, String inactivityTimeout) {
        Snapshot snapshot = get(id);
        actor.requireOwnerOrAdmin(snapshot.owner(), "snapshot " + id);
        Lifecycle lifecycle = Lifecycle.parse(
                ttl == null ? text(snapshot.lifecycle().ttl()) : ttl,
                inactivityTimeout == null ? text(snapshot.lifecycle().inactivityTimeout()) : inactivityTimeout);
        return snapshots.setLifecycle(id, lifecycle, clock.instant());
    }

    /** Queues a failed snapshot again (owner or admin); 409 INVALID_STATE from any other status. */
    public Snapshot retry(Actor actor, long id) {
        Snapshot snapshot = get(id);
        actor.requireOwnerOrAdmin(snapshot.owner(), "snapshot " + id);
        if (!snapshots.transition(id, SnapshotStatus.FAILED, SnapshotStatus.PENDING, null, clock.instant())) {
            String status = get(id).status().wire();
            throw ConflictException.invalidState("only a failed snapshot can be retried; snapshot " + id + " is " + status,
                    Map.of("snapshot_id", id, "status", status));
        }
        // The failed attempt's rows would read as progress of the new one.
        snapshots.progress(id).ifPresent(old -> snapshots.saveProgress(id, new ExportProgress(old.steps().stream()
                .map(step -> new ExportProgress.Step(step.name(), ExportProgress.StepStatus.PENDING, 0)).toList(), null)));
        exporter.schedule(id);
        return get(id);
    }

    /**
     * Deletes the snapshot and its files (owner or admin). A running export notices at its next
     * progress write and stops, removing what it wrote. Refused with 409
     * {@code RESOURCE_HAS_DEPENDENCIES} while a live instance uses the snapshot.
     */
    public void delete(Actor actor, long id) {
        Snapshot snapshot = get(id);
        actor.requireOwnerOrAdmin(snapshot.owner(), "snapshot " + id);
        long live = dependants.liveInstances(id);
        if (live > 0) {
            throw new ConflictException("RESOURCE_HAS_DEPENDENCIES", "snapshot " + id + " is used by " + live
                    + " live instance(s); terminate them first", Map.of("snapshot_id", id, "live_instances", live));
        }
        snapshots.delete(id);
        directories.removeAll(id);
    }

    private static String text(java.time.Duration d) {
        return d == null ? null : d.toString();
    }
}
