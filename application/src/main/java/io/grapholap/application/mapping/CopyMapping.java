package io.grapholap.application.mapping;

import io.grapholap.domain.common.ResourceText;
import io.grapholap.application.security.Actor;
import io.grapholap.domain.mapping.Mapping;
import io.grapholap.domain.mapping.MappingId;
import java.time.Clock;

/**
 * Copies the current version of a mapping into a new mapping owned by the caller. The definition
 * already passed validation, so it is not probed again.
 */
public final class CopyMapping {

    private final MappingRepository repository;
    private final Clock clock;

    public CopyMapping(MappingRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public Mapping copy(Actor actor, MappingId id, String newName) {
        ResourceText.requireName(newName);
        Mapping source = MappingAccess.existing(repository, id);
        return repository.create(new MappingRepository.NewMapping(newName, source.description(), actor.username(),
                source.lifecycle(), source.definition(),
                "Copied from mapping " + id + " version " + source.currentVersion(), clock.instant()));
    }
}
