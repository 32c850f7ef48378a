package io.grapholap.domain.favorite;

import java.time.Instant;
import java.util.Objects;

/** One user's bookmark of one resource; a user bookmarks a resource at most once. */
public record Favorite(String username, ResourceType resourceType, long resourceId, Instant createdAt) {

    public Favorite {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
