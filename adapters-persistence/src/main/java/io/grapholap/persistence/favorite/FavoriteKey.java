package io.grapholap.persistence.favorite;

import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.MappedProperty;

/** The primary key of {@code favorites}: who, what kind of resource, which one. */
@Embeddable
record FavoriteKey(@MappedProperty("username") String username,
                   @MappedProperty("resource_type") String resourceType,
                   @MappedProperty("resource_id") long resourceId) {
}
