package io.grapholap.application.favorite;

import io.grapholap.application.security.Actor;
import io.grapholap.domain.favorite.ResourceType;
import java.util.List;

/** The caller's favorites, newest first; favorites of resources deleted since are left out. */
public final class ListFavorites {

    private final FavoriteRepository repository;
    private final FavoriteTargets targets;

    public ListFavorites(FavoriteRepository repository, List<ResourceNames> resolvers) {
        this.repository = repository;
        this.targets = new FavoriteTargets(resolvers);
    }

    public List<NamedFavorite> list(Actor actor, ResourceType type) {
        return repository.list(actor.username(), type).stream()
                .flatMap(f -> targets.nameOf(f.resourceType(), f.resourceId()).map(n -> new NamedFavorite(f, n)).stream())
                .toList();
    }
}
