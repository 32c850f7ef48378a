package io.grapholap.application.mapping;

import io.grapholap.domain.common.ResourceText;
import io.grapholap.application.security.Actor;
import io.grapholap.domain.mapping.Lifecycle;
import io.grapholap.domain.mapping.Mapping;
import io.grapholap.domain.mapping.MappingDefinition;
import java.time.Clock;
import java.util.Objects;

/** Creates a mapping owned by the caller, after its definition passed the source probe. */
public final class CreateMapping {

    private final MappingRepository repository;
    private final ValidateAgainstSource validation;
    private final Clock clock;

    public CreateMapping(MappingRepository repository, ValidateAgainstSource validation, Clock clock) {
        this.repository = repository;
        this.validation = validation;
        this.clock = clock;
    }

    public record Command(String name, String description, MappingDefinition definition, Lifecycle lifecycle) {
        public Command {
            ResourceText.requireName(name);
            description = ResourceText.checkDescription(description);
            Objects.requireNonNull(definition, "definition");
            lifecycle = lifecycle == null ? Lifecycle.NONE : lifecycle;
        }
    }

    public Mapping create(Actor actor, Command command) {
        validation.check(command.definition());
        return repository.create(new MappingRepository.NewMapping(command.name(), command.description(), actor.username(),
                command.lifecycle(), command.definition(), "Initial version", clock.instant()));
    }
}
