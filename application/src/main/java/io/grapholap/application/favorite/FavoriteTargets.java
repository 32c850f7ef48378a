package io.grapholap.application.favorite;

import io.grapholap.domain.favorite.ResourceType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The name resolvers of every resource type, by type. */
final class FavoriteTargets {

    private final Map<ResourceType, ResourceNames> byType = new EnumMap<>(ResourceType.class);

    FavoriteTargets(List<ResourceNames> resolvers) {
        resolvers.forEach(r -> byType.put(r.type(), r));
    }

    Optional<String> nameOf(ResourceType type, long id) {
        ResourceNames names = byType.get(type);
        return names == null ? Optional.empty() : names.nameOf(id);
    }
}
