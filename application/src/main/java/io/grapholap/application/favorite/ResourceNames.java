package io.grapholap.application.favorite;

import io.grapholap.domain.favorite.ResourceType;
import java.util.Optional;

/**
 * Out-port: resolves a resource of one type to its display name, empty when it does not exist.
 * One implementation per resource type; types without one have no resources yet.
 */
public interface ResourceNames {

    ResourceType type();

    Optional<String> nameOf(long id);
}
