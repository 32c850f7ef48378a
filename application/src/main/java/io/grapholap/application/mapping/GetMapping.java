package io.grapholap.application.mapping;

import io.grapholap.domain.mapping.Mapping;
import io.grapholap.domain.mapping.MappingId;

/** Reads one mapping with its current version. */
public final class GetMapping {

    private final MappingRepository repository;

    public GetMapping(MappingRepository repository) {
        this.repository = repository;
    }

    public Mapping get(MappingId id) {
        return MappingAccess.existing(repository, id);
    }
}
