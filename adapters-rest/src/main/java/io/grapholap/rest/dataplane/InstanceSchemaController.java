package io.grapholap.rest.dataplane;

import io.grapholap.application.dataplane.SchemaUseCase;
import io.grapholap.application.security.Actor;
import io.grapholap.rest.dataplane.DataPlaneWebModels.SchemaWebModel;
import io.grapholap.rest.web.DataEnvelope;
import io.grapholap.rest.web.PlatformErrors;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The graph schema of a running instance. */
@Controller("/api/instances/{id}")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "data plane")
@PlatformErrors
final class InstanceSchemaController {

    private final SchemaUseCase schemas;

    InstanceSchemaController(SchemaUseCase schemas) {
        this.schemas = schemas;
    }

    @Get("/schema")
    @Operation(summary = "Node labels and edge types with counts and property names and types (stored algorithm properties included)")
    DataEnvelope<SchemaWebModel> schema(Actor actor, @PathVariable long id) {
        return DataEnvelope.of(SchemaWebModel.from(schemas.get(actor, id)));
    }
}
