package io.grapholap.application.mapping;

import io.grapholap.application.security.Actor;
import io.grapholap.domain.mapping.Lifecycle;
import io.grapholap.domain.mapping.Mapping;
import io.grapholap.domain.mapping.MappingId;
import java.time.Clock;

/**
 * Replaces a mapping's lifecycle settings (owner or admin). Both values are replaced: one left
 * out is cleared, as the SDK's "None to clear" promises.
 */
public final class SetMappingLifecycle {

    private final MappingRepository repository;
    private final Clock clock;

    public SetMappingLifecycle(MappingRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public Mapping set(Actor actor, MappingId id, Lifecycle lifecycle) {
        Mapping mapping = MappingAccess.existing(repository, id);
        actor.requireOwnerOrAdmin(mapping.owner(), "mapping " + id);
        return repository.setLifecycle(id, lifecycle, clock.instant());
    }
}
