package io.grapholap.application.mapping;

import io.grapholap.domain.common.ResourceText;
import io.grapholap.application.security.Actor;
import io.grapholap.domain.error.ValidationException;
import io.grapholap.domain.mapping.EdgeDefinition;
import io.grapholap.domain.mapping.Mapping;
import io.grapholap.domain.mapping.MappingDefinition;
import io.grapholap.domain.mapping.MappingId;
import io.grapholap.domain.mapping.NodeDefinition;
import java.time.Clock;
import java.util.List;

/**
 * Makes a new version of a mapping (owner or admin only). Absent node or edge definitions keep
 * the current ones; the result is validated against the source like a new mapping.
 */
public final class UpdateMapping {

    private final MappingRepository repository;
    private final ValidateAgainstSource validation;
    private final Clock clock;

    public UpdateMapping(MappingRepository repository, ValidateAgainstSource validation, Clock clock) {
        this.repository = repository;
        this.validation = validation;
        this.clock = clock;
    }

    /** Null fields keep the current value; {@code changeDescription} is required. */
    public record Command(String changeDescription, String name, String description,
                          List<NodeDefinition> nodes, List<EdgeDefinition> edges) {
        public Command {
            if (changeDescription == null || changeDescription.isBlank()) {
                throw new ValidationException("change_description", "change_description is required: say what this version changes");
            }
            if (changeDescription.length() > ResourceText.MAX_DESCRIPTION) {
                throw new ValidationException("change_description", "change_description must be at most " + ResourceText.MAX_DESCRIPTION + " characters");
            }
            if (name != null) {
                ResourceText.requireName(name);
            }
            ResourceText.checkDescription(description);
        }
    }

    public Mapping update(Actor actor, MappingId id, Command command) {
        Mapping current = MappingAccess.existing(repository, id);
        actor.requireOwnerOrAdmin(current.owner(), "mapping " + id);
        MappingDefinition definition = new MappingDefinition(
                command.nodes() == null ? current.definition().nodes() : command.nodes(),
                command.edges() == null ? current.definition().edges() : command.edges());
        validation.check(definition);
        return repository.addVersion(id, current.currentVersion(),
                command.name() == null ? current.name() : command.name(),
                command.description() == null ? current.description() : command.description(),
                definition, command.changeDescription(), actor.username(), clock.instant());
    }
}
