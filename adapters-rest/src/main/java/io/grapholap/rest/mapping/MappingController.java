package io.grapholap.rest.mapping;

import io.grapholap.application.common.PageRequest;
import io.grapholap.application.mapping.CopyMapping;
import io.grapholap.application.mapping.CreateMapping;
import io.grapholap.application.mapping.DeleteMapping;
import io.grapholap.application.mapping.DiffMappingVersions;
import io.grapholap.application.mapping.GetMapping;
import io.grapholap.application.mapping.GetMappingTree;
import io.grapholap.application.mapping.GetMappingVersion;
import io.grapholap.application.mapping.ListMappingVersions;
import io.grapholap.application.mapping.ListMappings;
import io.grapholap.application.mapping.MappingQuery;
import io.grapholap.application.mapping.SetMappingLifecycle;
import io.grapholap.application.mapping.UpdateMapping;
import io.grapholap.application.security.Actor;
import io.grapholap.domain.error.NotFoundException;
import io.grapholap.domain.error.ValidationException;
import io.grapholap.domain.mapping.Lifecycle;
import io.grapholap.domain.mapping.MappingDefinition;
import io.grapholap.domain.mapping.MappingId;
import io.grapholap.rest.mapping.MappingWebModels.CopyMappingRequest;
import io.grapholap.rest.mapping.MappingWebModels.CreateMappingRequest;
import io.grapholap.rest.mapping.MappingWebModels.DiffWebModel;
import io.grapholap.rest.mapping.MappingWebModels.LifecycleRequest;
import io.grapholap.rest.mapping.MappingWebModels.MappingVersionWebModel;
import io.grapholap.rest.mapping.MappingWebModels.MappingWebModel;
import io.grapholap.rest.mapping.MappingWebModels.TreeWebModel;
import io.grapholap.rest.mapping.MappingWebModels.UpdateMappingRequest;
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

/** The MappingResource of the platform API: each route hands straight to one use case. */
@Controller("/api/mappings")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "mappings")
@PlatformErrors
final class MappingController {

    private final ListMappings listMappings;
    private final GetMapping getMapping;
    private final CreateMapping createMapping;
    private final UpdateMapping updateMapping;
    private final ListMappingVersions listVersions;
    private final GetMappingVersion getVersion;
    private final DiffMappingVersions diffVersions;
    private final CopyMapping copyMapping;
    private final DeleteMapping deleteMapping;
    private final SetMappingLifecycle setLifecycle;
    private final GetMappingTree getTree;

    MappingController(ListMappings listMappings, GetMapping getMapping, CreateMapping createMapping, UpdateMapping updateMapping,
                      ListMappingVersions listVersions, GetMappingVersion getVersion, DiffMappingVersions diffVersions,
                      CopyMapping copyMapping, DeleteMapping deleteMapping, SetMappingLifecycle setLifecycle,
                      GetMappingTree getTree) {
        this.listMappings = listMappings;
        this.getMapping = getMapping;
        this.createMapping = createMapping;
        this.updateMapping = updateMapping;
        this.listVersions = listVersions;
        this.getVersion = getVersion;
        this.diffVersions = diffVersions;
        this.copyMapping = copyMapping;
        this.deleteMapping = deleteMapping;
        this.setLifecycle = setLifecycle;
        this.getTree = getTree;
    }

    @Get
    @Operation(summary = "List mappings, filtered by owner, search text and creation time; sorted and paged (limit at most 100)")
    ListEnvelope<MappingWebModel> list(@Nullable @QueryValue String owner, @Nullable @QueryValue String search,
                                       @Nullable @QueryValue("created_after") String createdAfter,
                                       @Nullable @QueryValue("created_before") String createdBefore,
                                       @Nullable @QueryValue("sort_by") String sortBy,
                                       @Nullable @QueryValue("sort_order") String sortOrder,
                                       @Nullable @QueryValue Integer offset, @Nullable @QueryValue Integer limit) {
        MappingQuery query = MappingQuery.of(owner, search, createdAfter, createdBefore);
        PageRequest page = PageRequest.of(offset, limit, sortBy, sortOrder, MappingQuery.SORTABLE, MappingQuery.DEFAULT_SORT);
        return ListEnvelope.of(listMappings.list(query, page), MappingWebModel::from);
    }

    @Get("/{id}")
    @Operation(summary = "Get a mapping with its current version")
    DataEnvelope<MappingWebModel> get(@PathVariable long id) {
        return DataEnvelope.of(MappingWebModel.from(getMapping.get(mappingId(id))));
    }

    @Post
    @Operation(summary = "Create a mapping; every SQL is validated against the source first")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    HttpResponse<DataEnvelope<MappingWebModel>> create(Actor actor, @Body CreateMappingRequest body) {
        var command = new CreateMapping.Command(body.name(), body.description(),
                new MappingDefinition(DefinitionWebModels.nodes(body.nodeDefinitions()), DefinitionWebModels.edges(body.edgeDefinitions())),
                Lifecycle.parse(body.ttl(), body.inactivityTimeout()));
        return HttpResponse.created(DataEnvelope.of(MappingWebModel.from(createMapping.create(actor, command))));
    }

    @Put("/{id}")
    @Operation(summary = "Update a mapping: makes a new version (change_description required; owner or admin)")
    DataEnvelope<MappingWebModel> update(Actor actor, @PathVariable long id, @Body UpdateMappingRequest body) {
        var command = new UpdateMapping.Command(body.changeDescription(), body.name(), body.description(),
                DefinitionWebModels.nodes(body.nodeDefinitions()), DefinitionWebModels.edges(body.edgeDefinitions()));
        return DataEnvelope.of(MappingWebModel.from(updateMapping.update(actor, mappingId(id), command)));
    }

    @Delete("/{id}")
    @Operation(summary = "Delete a mapping with all versions (owner or admin); refused while snapshots of it exist")
    @ApiResponse(responseCode = "204", description = "Done; no body")
    HttpResponse<Void> delete(Actor actor, @PathVariable long id) {
        deleteMapping.delete(actor, mappingId(id));
        return HttpResponse.noContent();
    }

    @Get("/{id}/versions")
    @Operation(summary = "List every version of a mapping, oldest first")
    ListEnvelope<MappingVersionWebModel> versions(@PathVariable long id) {
        return ListEnvelope.all(listVersions.list(mappingId(id)).stream().map(MappingVersionWebModel::from).toList());
    }

    @Get("/{id}/versions/{version}")
    @Operation(summary = "Get one version of a mapping")
    DataEnvelope<MappingVersionWebModel> version(@PathVariable long id, @PathVariable int version) {
        return DataEnvelope.of(MappingVersionWebModel.from(getVersion.get(mappingId(id), version)));
    }

    @Get("/{id}/versions/{fromVersion}/diff/{toVersion}")
    @Operation(summary = "Compare two versions: summary counts and per-node and per-edge changes")
    DataEnvelope<DiffWebModel> diff(@PathVariable long id, @PathVariable int fromVersion, @PathVariable int toVersion) {
        return DataEnvelope.of(DiffWebModel.from(id, diffVersions.diff(mappingId(id), fromVersion, toVersion)));
    }

    @Post("/{id}/copy")
    @Operation(summary = "Copy the current version into a new mapping owned by the caller")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    HttpResponse<DataEnvelope<MappingWebModel>> copy(Actor actor, @PathVariable long id, @Body CopyMappingRequest body) {
        return HttpResponse.created(DataEnvelope.of(MappingWebModel.from(copyMapping.copy(actor, mappingId(id), body.name()))));
    }

    @Put("/{id}/lifecycle")
    @Operation(summary = "Set ttl and inactivity_timeout (ISO-8601 durations); a value left out is cleared")
    DataEnvelope<MappingWebModel> lifecycle(Actor actor, @PathVariable long id, @Body LifecycleRequest body) {
        return DataEnvelope.of(MappingWebModel.from(setLifecycle.set(actor, mappingId(id),
                Lifecycle.parse(body.ttl(), body.inactivityTimeout()))));
    }

    @Get("/{id}/tree")
    @Operation(summary = "The resource hierarchy: versions, their snapshots and those snapshots' instances")
    DataEnvelope<TreeWebModel> tree(@PathVariable long id,
                                    @Nullable @QueryValue("include_instances") String includeInstances,
                                    @Nullable @QueryValue String status) {
        return DataEnvelope.of(TreeWebModel.from(getTree.tree(mappingId(id), flag("include_instances", includeInstances), status)));
    }

    /** Ids are positive; any other number names no mapping. */
    private static MappingId mappingId(long id) {
        if (id <= 0) {
            throw new NotFoundException("mapping", id);
        }
        return new MappingId(id);
    }

    private static boolean flag(String field, String value) {
        if (value == null || value.isBlank()) {
            return true;
        }
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new ValidationException(field, field + " must be true or false, got '" + value + "'");
        };
    }
}
