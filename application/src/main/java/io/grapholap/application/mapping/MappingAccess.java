package io.grapholap.application.mapping;

import io.grapholap.domain.error.NotFoundException;
import io.grapholap.domain.mapping.Mapping;
import io.grapholap.domain.mapping.MappingId;
import io.grapholap.domain.mapping.MappingVersion;

/** Lookups shared by the mapping use cases, turning absence into the domain's not-found error. */
final class MappingAccess {

    private MappingAccess() {
    }

    static Mapping existing(MappingRepository repository, MappingId id) {
        return repository.find(id).orElseThrow(() -> new NotFoundException("mapping", id));
    }

    static MappingVersion existingVersion(MappingRepository repository, MappingId id, int version) {
        existing(repository, id);
        return repository.version(id, version)
                .orElseThrow(() -> new NotFoundException("mapping version", id + "/" + version));
    }
}
