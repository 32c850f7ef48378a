package io.grapholap.rest.favorite;

import io.grapholap.application.favorite.AddFavorite;
import io.grapholap.application.favorite.ListFavorites;
import io.grapholap.application.favorite.NamedFavorite;
import io.grapholap.application.favorite.RemoveFavorite;
import io.grapholap.application.security.Actor;
import io.grapholap.domain.error.ValidationException;
import io.grapholap.domain.favorite.ResourceType;
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

/** The FavoriteResource of the platform API: the caller's own bookmarks. */
@Controller("/api/favorites")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "favorites")
@PlatformErrors
final class FavoriteController {

    private final ListFavorites listFavorites;
    private final AddFavorite addFavorite;
    private final RemoveFavorite removeFavorite;

    FavoriteController(ListFavorites listFavorites, AddFavorite addFavorite, RemoveFavorite removeFavorite) {
        this.listFavorites = listFavorites;
        this.addFavorite = addFavorite;
        this.removeFavorite = removeFavorite;
    }

    @Introspected
    record FavoriteWebModel(String resourceType, long resourceId, String resourceName, Instant createdAt) {
        static FavoriteWebModel from(NamedFavorite f) {
            return new FavoriteWebModel(f.favorite().resourceType().wireName(), f.favorite().resourceId(), f.resourceName(),
                    f.favorite().createdAt());
        }
    }

    @Introspected
    record AddFavoriteRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"mapping", "snapshot", "instance"}) String resourceType,
                              @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Long resourceId) {
    }

    @Get
    @Operation(summary = "List the caller's favorites, newest first, optionally of one resource_type")
    ListEnvelope<FavoriteWebModel> list(Actor actor, @Nullable @QueryValue("resource_type") String resourceType) {
        ResourceType type = resourceType == null || resourceType.isBlank() ? null : ResourceType.parse("resource_type", resourceType);
        return ListEnvelope.all(listFavorites.list(actor, type).stream().map(FavoriteWebModel::from).toList());
    }

    @Post
    @Operation(summary = "Add a resource to the caller's favorites (404 unknown resource, 409 already a favorite)")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    HttpResponse<DataEnvelope<FavoriteWebModel>> add(Actor actor, @Body AddFavoriteRequest body) {
        ResourceType type = ResourceType.parse("resource_type", body.resourceType());
        if (body.resourceId() == null) {
            throw new ValidationException("resource_id", "resource_id is required");
        }
        return HttpResponse.created(DataEnvelope.of(FavoriteWebModel.from(addFavorite.add(actor, type, body.resourceId()))));
    }

    @Delete("/{resourceType}/{resourceId}")
    @Operation(summary = "Remove a resource from the caller's favorites (404 when it is not one)")
    @ApiResponse(responseCode = "204", description = "Done; no body")
    HttpResponse<Void> remove(Actor actor, @PathVariable String resourceType, @PathVariable long resourceId) {
        removeFavorite.remove(actor, ResourceType.parse("resource_type", resourceType), resourceId);
        return HttpResponse.noContent();
    }
}
