package io.grapholap.rest.dataset;

import io.grapholap.application.common.PageRequest;
import io.grapholap.application.dataset.DatasetUseCases;
import io.grapholap.application.security.Actor;
import io.grapholap.rest.dataset.DatasetWebModels.DatasetWebModel;
import io.grapholap.rest.web.DataEnvelope;
import io.grapholap.rest.web.ListEnvelope;
import io.grapholap.rest.web.PlatformErrors;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Set;

/** The dataset resource: uploaded datasets and ready snapshots, read together; uploads are deleted here. */
@Controller("/api/datasets")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "datasets")
@PlatformErrors
final class DatasetController {

    private final DatasetUseCases datasets;

    DatasetController(DatasetUseCases datasets) {
        this.datasets = datasets;
    }

    @Get
    @Operation(summary = "List uploaded datasets and ready snapshots by creation time (sort_order asc|desc; limit at most 100, offset at most 10000)")
    ListEnvelope<DatasetWebModel> list(@Nullable @QueryValue("sort_by") String sortBy,
                                       @Nullable @QueryValue("sort_order") String sortOrder,
                                       @Nullable @QueryValue Integer offset, @Nullable @QueryValue Integer limit) {
        PageRequest page = PageRequest.of(offset, limit, sortBy, sortOrder, Set.of("created_at"), "created_at");
        return ListEnvelope.of(datasets.list(page), DatasetWebModel::from);
    }

    @Get("/{id}")
    @Operation(summary = "Get a dataset (an upload's name, or snapshot-<id>): counts per label and type of its current version, and its versions")
    DataEnvelope<DatasetWebModel> get(@PathVariable String id) {
        return DataEnvelope.of(DatasetWebModel.from(datasets.get(id)));
    }

    @Delete("/{id}")
    @Operation(summary = "Delete an uploaded dataset with all its versions (owner or admin); 409 RESOURCE_HAS_DEPENDENCIES while a live instance uses it; snapshots are deleted through /api/snapshots")
    @ApiResponse(responseCode = "204", description = "Done; no body")
    HttpResponse<Void> delete(Actor actor, @PathVariable String id) {
        datasets.delete(actor, id);
        return HttpResponse.noContent();
    }
}
