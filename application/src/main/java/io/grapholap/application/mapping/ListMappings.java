package io.grapholap.application.mapping;

import io.grapholap.application.common.Page;
import io.grapholap.application.common.PageRequest;
import io.grapholap.domain.mapping.Mapping;

/** Lists mappings visible to every authenticated user, filtered and paged. */
public final class ListMappings {

    private final MappingRepository repository;

    public ListMappings(MappingRepository repository) {
        this.repository = repository;
    }

    public Page<Mapping> list(MappingQuery query, PageRequest page) {
        return repository.list(query, page);
    }
}
