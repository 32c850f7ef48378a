package io.grapholap.rest.udf;

import io.grapholap.application.security.Actor;
import io.grapholap.application.udf.OrganizationUseCases;
import io.grapholap.rest.udf.FunctionWebModels.OrganizationBody;
import io.grapholap.rest.udf.FunctionWebModels.OrganizationWebModel;
import io.grapholap.rest.web.DataEnvelope;
import io.grapholap.rest.web.PlatformErrors;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Admins read and set an organisation's switches ({@code udf_creation_enabled}, on by default). */
@Controller("/api/admin/organizations")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "admin")
@PlatformErrors
final class OrganizationController {

    private final OrganizationUseCases organizations;

    OrganizationController(OrganizationUseCases organizations) {
        this.organizations = organizations;
    }

    @Get("/{org}")
    @Operation(summary = "An organisation's settings (admin)")
    DataEnvelope<OrganizationWebModel> get(Actor actor, @PathVariable String org) {
        return DataEnvelope.of(OrganizationWebModel.from(organizations.get(actor, org)));
    }

    @Put("/{org}")
    @Operation(summary = "Set an organisation's settings (admin): udf_creation_enabled, udf_execution_disabled_languages "
            + "(js, python: their UDFs may not run), udf_execution_users (when not empty, the only users who may run UDFs)")
    DataEnvelope<OrganizationWebModel> update(Actor actor, @PathVariable String org, @Body OrganizationBody body) {
        return DataEnvelope.of(OrganizationWebModel.from(organizations.update(actor, org, body.udfCreationEnabled(),
                body.udfExecutionDisabledLanguages(), body.udfExecutionUsers())));
    }
}
