package io.grapholap.rest.snapshot;

import io.grapholap.application.common.PageRequest;
import io.grapholap.application.security.Actor;
import io.grapholap.application.snapshot.SnapshotQuery;
import io.grapholap.application.snapshot.SnapshotUseCases;
import io.grapholap.domain.error.NotFoundException;
import io.grapholap.rest.snapshot.SnapshotWebModels.CreateSnapshotRequest;
import io.grapholap.rest.snapshot.SnapshotWebModels.LifecycleRequest;
import io.grapholap.rest.snapshot.SnapshotWebModels.ProgressWebModel;
import io.grapholap.rest.snapshot.SnapshotWebModels.SnapshotWebModel;
import io.grapholap.rest.snapshot.SnapshotWebModels.UpdateSnapshotRequest;
import io.grapholap.rest.web.DataEnvelope;
import io.grapholap.rest.web.ListEnvelope;
import io.grapholap.rest.web.PlatformErrors;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The SnapshotResource of the platform API: each route hands straight to one use case. */
@Controller("/api/snapshots")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "snapshots")
@PlatformErrors
final class SnapshotController {

    private final SnapshotUseCases snapshots;

    SnapshotController(SnapshotUseCases snapshots) {
        this.snapshots = snapshots;
    }

    @Get
    @Operation(summary = "List snapshots, filtered by mapping, version, owner, status, search text and creation time; sorted and paged (limit at most 100)")
    ListEnvelope<SnapshotWebModel> list(@Nullable @QueryValue("mapping_id") Long mappingId,
                                        @Nullable @QueryValue("mapping_version") Integer mappingVersion,
                                        @Nullable @QueryValue String owner, @Nullable @QueryValue String status,
                                        @Nullable @QueryValue String search,
                                        @Nullable @QueryValue("created_after") String createdAfter,
                                        @Nullable @QueryValue("created_before") String createdBefore,
                                        @Nullable @QueryValue("sort_by") String sortBy,
                                        @Nullable @QueryValue("sort_order") String sortOrder,
                                        @Nullable @QueryValue Integer offset, @Nullable @QueryValue Integer limit) {
        SnapshotQuery query = SnapshotQuery.of(mappingId, mappingVersion, owner, status, search, createdAfter, createdBefore);
        PageRequest page = PageRequest.of(offset, limit, sortBy, sortOrder, SnapshotQuery.SORTABLE, SnapshotQuery.DEFAULT_SORT);
        return ListEnvelope.of(snapshots.list(query, page), SnapshotWebModel::from);
    }

    @Get("/{id}")
    @Operation(summary = "Get a snapshot")
    DataEnvelope<SnapshotWebModel> get(@PathVariable long id) {
        return DataEnvelope.of(SnapshotWebModel.from(snapshots.get(id)));
    }

    @Post
    @Operation(summary = "Create a snapshot of a mapping version (default: current); the export runs in the background (status pending)")
    @ApiResponse(responseCode = "202", description = "Accepted: the work goes on in the background (poll the resource or its progress)", useReturnTypeSchema = true)
    HttpResponse<DataEnvelope<SnapshotWebModel>> create(Actor actor, @Body CreateSnapshotRequest body) {
        var request = new SnapshotUseCases.CreateRequest(body.mappingId(), body.name(), body.description(), body.version(),
                body.ttl(), body.inactivityTimeout());
        return HttpResponse.accepted().body(DataEnvelope.of(SnapshotWebModel.from(snapshots.create(actor, request))));
    }

    @Put("/{id}")
    @Operation(summary = "Update name and description (owner or admin)")
    DataEnvelope<SnapshotWebModel> update(Actor actor, @PathVariable long id, @Body UpdateSnapshotRequest body) {
        return DataEnvelope.of(SnapshotWebModel.from(snapshots.update(actor, existing(id), body.name(), body.description())));
    }

    @Put("/{id}/lifecycle")
    @Operation(summary = "Set ttl and/or inactivity_timeout (ISO-8601 durations; owner or admin)")
    DataEnvelope<SnapshotWebModel> lifecycle(Actor actor, @PathVariable long id, @Body LifecycleRequest body) {
        return DataEnvelope.of(SnapshotWebModel.from(snapshots.setLifecycle(actor, existing(id), body.ttl(), body.inactivityTimeout())));
    }

    @Get("/{id}/progress")
    @Operation(summary = "Export progress: phase, one step per node and edge definition with rows written, percent, estimated remaining seconds")
    DataEnvelope<ProgressWebModel> progress(@PathVariable long id) {
        return DataEnvelope.of(ProgressWebModel.from(snapshots.progress(existing(id))));
    }

    @Post("/{id}/retry")
    @Operation(summary = "Export a failed snapshot again (owner or admin); 409 INVALID_STATE unless it failed")
    @ApiResponse(responseCode = "202", description = "Accepted: the work goes on in the background (poll the resource or its progress)", useReturnTypeSchema = true)
    HttpResponse<DataEnvelope<SnapshotWebModel>> retry(Actor actor, @PathVariable long id) {
        return HttpResponse.accepted().body(DataEnvelope.of(SnapshotWebModel.from(snapshots.retry(actor, existing(id)))));
    }

    @Delete("/{id}")
    @Operation(summary = "Delete a snapshot and its files (owner or admin)")
    @ApiResponse(responseCode = "204", description = "Done; no body")
    HttpResponse<Void> delete(Actor actor, @PathVariable long id) {
        snapshots.delete(actor, existing(id));
        return HttpResponse.noContent();
    }

    private static long existing(long id) {
        if (id <= 0) {
            throw new NotFoundException("snapshot", id);
        }
        return id;
    }
}
