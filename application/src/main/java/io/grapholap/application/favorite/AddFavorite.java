package io.grapholap.application.favorite;

import io.grapholap.application.security.Actor;
import io.grapholap.domain.error.ConflictException;
import io.grapholap.domain.error.NotFoundException;
import io.grapholap.domain.favorite.Favorite;
import io.grapholap.domain.favorite.ResourceType;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Marks an existing resource as one of the caller's favorites (404 unknown, 409 already marked). */
public final class AddFavorite {

    private final FavoriteRepository repository;
    private final FavoriteTargets targets;
    private final Clock clock;

    public AddFavorite(FavoriteRepository repository, List<ResourceNames> resolvers, Clock clock) {
        this.repository = repository;
        this.targets = new FavoriteTargets(resolvers);
        this.clock = clock;
    }

    public NamedFavorite add(Actor actor, ResourceType type, long resourceId) {
        String name = targets.nameOf(type, resourceId).orElseThrow(() -> new NotFoundException(type.wireName(), resourceId));
        Favorite favorite = new Favorite(actor.username(), type, resourceId, clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        if (!repository.add(favorite)) {
            throw new ConflictException("CONFLICT", type.wireName() + " " + resourceId + " is already a favorite",
                    Map.of("resource_type", type.wireName(), "resource_id", resourceId));
        }
        return new NamedFavorite(favorite, name);
    }
}
