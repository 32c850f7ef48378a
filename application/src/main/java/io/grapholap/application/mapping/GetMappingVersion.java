package io.grapholap.application.mapping;

import io.grapholap.domain.mapping.MappingId;
import io.grapholap.domain.mapping.MappingVersion;

/** Reads one version of a mapping. */
public final class GetMappingVersion {

    private final MappingRepository repository;

    public GetMappingVersion(MappingRepository repository) {
        this.repository = repository;
    }

    public MappingVersion get(MappingId id, int version) {
        return MappingAccess.existingVersion(repository, id, version);
    }
}
