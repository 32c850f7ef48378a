package io.grapholap.application.favorite;

import io.grapholap.domain.favorite.Favorite;

/** A favorite with the current name of the resource it points to. */
public record NamedFavorite(Favorite favorite, String resourceName) {
}
