package io.grapholap.application.mapping;

import io.grapholap.application.security.Actor;
import io.grapholap.domain.error.ConflictException;
import io.grapholap.domain.mapping.Mapping;
import io.grapholap.domain.mapping.MappingId;
import java.util.Map;

/** Deletes a mapping with all its versions (owner or admin), refused while snapshots of it exist. */
public final class DeleteMapping {

    private final MappingRepository repository;
    private final MappingDependencies dependencies;

    public DeleteMapping(MappingRepository repository, MappingDependencies dependencies) {
        this.repository = repository;
        this.dependencies = dependencies;
    }

    public void delete(Actor actor, MappingId id) {
        Mapping mapping = MappingAccess.existing(repository, id);
        actor.requireOwnerOrAdmin(mapping.owner(), "mapping " + id);
        long snapshots = dependencies.snapshotCount(id);
        if (snapshots > 0) {
            throw new ConflictException("RESOURCE_HAS_DEPENDENCIES",
                    "mapping " + id + " has " + snapshots + " snapshot(s); delete them first",
                    Map.of("snapshot_count", snapshots));
        }
        repository.delete(id);
    }
}
