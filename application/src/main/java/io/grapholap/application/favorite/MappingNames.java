package io.grapholap.application.favorite;

import io.grapholap.application.mapping.MappingRepository;
import io.grapholap.domain.favorite.ResourceType;
import io.grapholap.domain.mapping.Mapping;
import io.grapholap.domain.mapping.MappingId;
import java.util.Optional;

/** Mapping names for favorites, read from the mapping store. */
public final class MappingNames implements ResourceNames {

    private final MappingRepository mappings;

    public MappingNames(MappingRepository mappings) {
        this.mappings = mappings;
    }

    @Override
    public ResourceType type() {
        return ResourceType.MAPPING;
    }

    @Override
    public Optional<String> nameOf(long id) {
        return id <= 0 ? Optional.empty() : mappings.find(new MappingId(id)).map(Mapping::name);
    }
}
