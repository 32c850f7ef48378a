package io.grapholap.persistence.favorite;

import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** One row of {@code favorites}; the resource type in its wire name. */
@MappedEntity("favorites")
record FavoriteRow(@EmbeddedId FavoriteKey id, Instant createdAt) {
}
