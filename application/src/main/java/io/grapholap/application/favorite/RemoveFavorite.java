package io.grapholap.application.favorite;

import io.grapholap.application.security.Actor;
import io.grapholap.domain.error.NotFoundException;
import io.grapholap.domain.favorite.ResourceType;

/** Removes one of the caller's favorites; 404 when it is not a favorite. */
public final class RemoveFavorite {

    private final FavoriteRepository repository;

    public RemoveFavorite(FavoriteRepository repository) {
        this.repository = repository;
    }

    public void remove(Actor actor, ResourceType type, long resourceId) {
        if (!repository.remove(actor.username(), type, resourceId)) {
            throw new NotFoundException("favorite", type.wireName() + "/" + resourceId);
        }
    }
}
