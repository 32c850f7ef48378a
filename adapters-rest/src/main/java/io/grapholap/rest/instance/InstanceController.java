package io.grapholap.rest.instance;

import io.grapholap.application.common.PageRequest;
import io.grapholap.application.instance.InstanceQuery;
import io.grapholap.application.instance.InstanceUseCases;
import io.grapholap.application.security.Actor;
import io.grapholap.domain.error.NotFoundException;
import io.grapholap.domain.error.ValidationException;
import io.grapholap.domain.instance.Instance;
import io.grapholap.rest.instance.InstanceWebModels.CpuRequest;
import io.grapholap.rest.instance.InstanceWebModels.CreateInstanceRequest;
import io.grapholap.rest.instance.InstanceWebModels.ExtendRequest;
import io.grapholap.rest.instance.InstanceWebModels.FromMappingRequest;
import io.grapholap.rest.instance.InstanceWebModels.InstanceWebModel;
import io.grapholap.rest.instance.InstanceWebModels.LifecycleRequest;
import io.grapholap.rest.instance.InstanceWebModels.ProgressWebModel;
import io.grapholap.rest.instance.InstanceWebModels.UpdateInstanceRequest;
import io.grapholap.rest.web.BaseUrl;
import io.grapholap.rest.web.DataEnvelope;
import io.grapholap.rest.web.ListEnvelope;
import io.grapholap.rest.web.PlatformErrors;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
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
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The InstanceResource of the platform API: each route hands straight to the instance use cases.
 * {@code instance_url} is the URL of the node the instance is placed on: the scheme and {@code Host}
 * the client used when that is this node, else the owner node's registered URL.
 */
@Controller("/api/instances")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "instances")
@PlatformErrors
final class InstanceController {

    private final InstanceUseCases instances;

    InstanceController(InstanceUseCases instances) {
        this.instances = instances;
    }

    @Get
    @Operation(summary = "List instances, filtered by snapshot, owner, status, search text and creation time; sorted and paged (limit at most 100)")
    ListEnvelope<InstanceWebModel> list(HttpRequest<?> request, @Nullable @QueryValue("snapshot_id") Long snapshotId,
                                        @Nullable @QueryValue String owner, @Nullable @QueryValue String status,
                                        @Nullable @QueryValue String search,
                                        @Nullable @QueryValue("created_after") String createdAfter,
                                        @Nullable @QueryValue("created_before") String createdBefore,
                                        @Nullable @QueryValue("sort_by") String sortBy,
                                        @Nullable @QueryValue("sort_order") String sortOrder,
                                        @Nullable @QueryValue Integer offset, @Nullable @QueryValue Integer limit) {
        InstanceQuery query = InstanceQuery.of(snapshotId, owner, status, search, createdAfter, createdBefore);
        PageRequest page = PageRequest.of(offset, limit, sortBy, sortOrder, InstanceQuery.SORTABLE, InstanceQuery.DEFAULT_SORT);
        String base = BaseUrl.of(request);
        return ListEnvelope.of(instances.list(query, page), i -> InstanceWebModel.from(i,
                instances.remoteUrl(i).orElse(base), instances.effectiveCpuCores(i.cpuCores())));
    }

    @Get("/{id}")
    @Operation(summary = "Get an instance")
    DataEnvelope<InstanceWebModel> get(HttpRequest<?> request, @PathVariable long id) {
        return web(request, instances.get(existing(id)));
    }

    @Post
    @Operation(summary = "Create an instance from a ready snapshot (snapshot_id), a mapping (mapping_id [+ mapping_version]) or a dataset (dataset_id); it loads in the background (status starting or waiting_for_snapshot)")
    @ApiResponse(responseCode = "202", description = "Accepted: the work goes on in the background (poll the resource or its progress)", useReturnTypeSchema = true)
    HttpResponse<DataEnvelope<InstanceWebModel>> create(HttpRequest<?> request, Actor actor, @Body CreateInstanceRequest body) {
        var create = new InstanceUseCases.CreateRequest(body.snapshotId(), body.mappingId(), body.mappingVersion(),
                body.snapshotName(), body.datasetId(), body.name(), body.description(), body.ttl(), body.inactivityTimeout(),
                body.engine(), body.cpuCores());
        return HttpResponse.accepted().body(web(request, instances.create(actor, create)));
    }

    @Post("/from-mapping")
    @Operation(summary = "Create an instance from a mapping version (default: current): a snapshot is exported first (status waiting_for_snapshot)")
    @ApiResponse(responseCode = "202", description = "Accepted: the work goes on in the background (poll the resource or its progress)", useReturnTypeSchema = true)
    HttpResponse<DataEnvelope<InstanceWebModel>> fromMapping(HttpRequest<?> request, Actor actor, @Body FromMappingRequest body) {
        if (body.mappingId() == null) {
            throw new ValidationException("mapping_id", "mapping_id is required");
        }
        var create = new InstanceUseCases.CreateRequest(null, body.mappingId(), body.mappingVersion(), body.snapshotName(),
                null, body.name(), body.description(), body.ttl(), body.inactivityTimeout(), body.engine(), body.cpuCores());
        return HttpResponse.accepted().body(web(request, instances.create(actor, create)));
    }

    @Put("/{id}")
    @Operation(summary = "Update name and description (owner, ops or admin)")
    DataEnvelope<InstanceWebModel> update(HttpRequest<?> request, Actor actor, @PathVariable long id,
                                          @Body UpdateInstanceRequest body) {
        return web(request, instances.update(actor, existing(id), body.name(), body.description()));
    }

    @Put("/{id}/lifecycle")
    @Operation(summary = "Set ttl (from creation, at most the platform's max instance TTL) and/or inactivity_timeout (ISO-8601 durations)")
    DataEnvelope<InstanceWebModel> lifecycle(HttpRequest<?> request, Actor actor, @PathVariable long id,
                                             @Body LifecycleRequest body) {
        return web(request, instances.setLifecycle(actor, existing(id), body.ttl(), body.inactivityTimeout()));
    }

    @Post("/{id}/extend")
    @Operation(summary = "Move expires_at later by hours (default 24), capped at creation plus the max instance TTL")
    DataEnvelope<InstanceWebModel> extend(HttpRequest<?> request, Actor actor, @PathVariable long id,
                                          @Nullable @Body ExtendRequest body) {
        long hours = body == null || body.hours() == null ? 24 : body.hours();
        return web(request, instances.extend(actor, existing(id), hours));
    }

    @Put("/{id}/cpu")
    @Operation(summary = "Set the cores of a running instance (1 to min(8, processors)); takes effect without a restart")
    DataEnvelope<InstanceWebModel> cpu(HttpRequest<?> request, Actor actor, @PathVariable long id, @Body CpuRequest body) {
        return web(request, instances.setCpuCores(actor, existing(id), body.cpuCores()));
    }

    @Get("/{id}/progress")
    @Operation(summary = "Start-up progress: phase, steps (estimate, read_files, build, ready), percent, estimated remaining seconds")
    DataEnvelope<ProgressWebModel> progress(@PathVariable long id) {
        return DataEnvelope.of(ProgressWebModel.from(instances.progress(existing(id))));
    }

    @Get("/{id}/health")
    @Operation(summary = "Whether the instance serves queries: 200 {status: healthy} once running with its graph loaded, "
            + "else 409 INVALID_STATE with its status; what seed 001's create_and_wait polls at {instance_url}/health")
    Map<String, Object> health(@PathVariable long id) {
        Instance instance = instances.health(existing(id));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "healthy");
        body.put("instance_id", instance.id());
        body.put("instance_status", instance.status().wire());
        body.put("engine", instance.engine());
        return body;
    }

    @Post("/{id}/terminate")
    @Operation(summary = "Terminate the instance and free its memory (owner, ops or admin)")
    DataEnvelope<InstanceWebModel> terminate(HttpRequest<?> request, Actor actor, @PathVariable long id) {
        return web(request, instances.terminate(actor, existing(id)));
    }

    @Delete("/{id}")
    @Operation(summary = "Terminate (if live) and delete the instance (owner, ops or admin)")
    @ApiResponse(responseCode = "204", description = "Done; no body")
    HttpResponse<Void> delete(Actor actor, @PathVariable long id) {
        instances.delete(actor, existing(id));
        return HttpResponse.noContent();
    }

    private DataEnvelope<InstanceWebModel> web(HttpRequest<?> request, Instance instance) {
        return DataEnvelope.of(InstanceWebModel.from(instance, instances.remoteUrl(instance).orElseGet(() -> BaseUrl.of(request)),
                instances.effectiveCpuCores(instance.cpuCores())));
    }

    private static long existing(long id) {
        if (id <= 0) {
            throw new NotFoundException("instance", id);
        }
        return id;
    }
}
