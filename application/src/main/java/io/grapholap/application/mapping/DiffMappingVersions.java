package io.grapholap.application.mapping;

import io.grapholap.domain.mapping.MappingDiff;
import io.grapholap.domain.mapping.MappingId;

/** Compares two versions of one mapping. */
public final class DiffMappingVersions {

    private final MappingRepository repository;

    public DiffMappingVersions(MappingRepository repository) {
        this.repository = repository;
    }

    public MappingDiff diff(MappingId id, int fromVersion, int toVersion) {
        return MappingDiff.between(MappingAccess.existingVersion(repository, id, fromVersion),
                MappingAccess.existingVersion(repository, id, toVersion));
    }
}
