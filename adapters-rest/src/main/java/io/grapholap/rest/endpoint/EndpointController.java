package io.grapholap.rest.endpoint;

import io.grapholap.application.endpoint.CreateEndpoint;
import io.grapholap.application.endpoint.DeleteEndpoint;
import io.grapholap.application.endpoint.ReadEndpoints;
import io.grapholap.application.common.PageRequest;
import io.grapholap.application.security.Actor;
import io.grapholap.domain.endpoint.CustomEndpoint;
import io.grapholap.rest.web.DataEnvelope;
import io.grapholap.rest.web.ListEnvelope;
import io.grapholap.rest.web.PlatformErrors;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;

/** Management of custom endpoints: publish a UDF under {@code /proxy/{route}}, list, read, remove. */
@Controller("/api/endpoints")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "endpoints")
@PlatformErrors
final class EndpointController {

    private final CreateEndpoint createEndpoint;
    private final ReadEndpoints readEndpoints;
    private final DeleteEndpoint deleteEndpoint;

    EndpointController(CreateEndpoint createEndpoint, ReadEndpoints readEndpoints, DeleteEndpoint deleteEndpoint) {
        this.createEndpoint = createEndpoint;
        this.readEndpoints = readEndpoints;
        this.deleteEndpoint = deleteEndpoint;
    }

    @Introspected
    record EndpointWebModel(long id, String route, String method, String function, String organization, String owner, String url,
                            Instant createdAt) {
        static EndpointWebModel from(CustomEndpoint e) {
            return new EndpointWebModel(e.id(), e.route().route(), e.method().name(), e.function(), e.organization(), e.owner(),
                    "/proxy/" + e.route().route(), e.createdAt());
        }
    }

    @Introspected
    record CreateEndpointRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "tables/{table}/count") @Nullable String route,
                                 @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"GET", "POST", "PUT", "PATCH", "DELETE"}) @Nullable String method,
                                 @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String function,
                                 @Nullable String organization) {
    }

    @Post
    @Operation(summary = "Publish a UDF (uuid or alias in your organisation) at /proxy/{route} for one method; 409 when taken")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    HttpResponse<DataEnvelope<EndpointWebModel>> create(Actor actor, @Body CreateEndpointRequest body) {
        CustomEndpoint created = createEndpoint.create(actor,
                new CreateEndpoint.Command(body.route(), body.method(), body.function(), body.organization()));
        return HttpResponse.created(DataEnvelope.of(EndpointWebModel.from(created)));
    }

    @Get
    @Operation(summary = "List the custom endpoints of your organisations (all of them for an admin), by id")
    ListEnvelope<EndpointWebModel> list(Actor actor, @Nullable @QueryValue Integer offset, @Nullable @QueryValue Integer limit) {
        return ListEnvelope.of(readEndpoints.list(actor, offset == null ? 0 : offset, limit == null ? PageRequest.DEFAULT_LIMIT : limit),
                EndpointWebModel::from);
    }

    @Get("/{id}")
    @Operation(summary = "Read one custom endpoint")
    DataEnvelope<EndpointWebModel> get(Actor actor, @PathVariable long id) {
        return DataEnvelope.of(EndpointWebModel.from(readEndpoints.get(actor, id)));
    }

    @Delete("/{id}")
    @Operation(summary = "Remove a custom endpoint (its owner or an admin)")
    @ApiResponse(responseCode = "204", description = "Done; no body")
    HttpResponse<Void> delete(Actor actor, @PathVariable long id) {
        deleteEndpoint.delete(actor, id);
        return HttpResponse.noContent();
    }
}
