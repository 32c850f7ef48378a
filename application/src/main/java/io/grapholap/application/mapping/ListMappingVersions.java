package io.grapholap.application.mapping;

import io.grapholap.domain.mapping.MappingId;
import io.grapholap.domain.mapping.MappingVersion;
import java.util.List;

/** Lists every version of a mapping, oldest first. */
public final class ListMappingVersions {

    private final MappingRepository repository;

    public ListMappingVersions(MappingRepository repository) {
        this.repository = repository;
    }

    public List<MappingVersion> list(MappingId id) {
        MappingAccess.existing(repository, id);
        return repository.versions(id);
    }
}
