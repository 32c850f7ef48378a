package io.grapholap.application.favorite;

import io.grapholap.domain.favorite.Favorite;
import io.grapholap.domain.favorite.ResourceType;
import java.util.List;

/** Out-port: users' favorites. */
public interface FavoriteRepository {

    /** A user's favorites, newest first, optionally of one type (null for all). */
    List<Favorite> list(String username, ResourceType type);

    /** Stores a favorite; false when the user already has it. */
    boolean add(Favorite favorite);

    /** Removes a favorite; false when there was none. */
    boolean remove(String username, ResourceType type, long resourceId);
}
