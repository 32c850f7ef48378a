package io.grapholap.application.mapping;

import io.grapholap.application.common.Page;
import io.grapholap.application.common.PageRequest;
import io.grapholap.domain.mapping.Lifecycle;
import io.grapholap.domain.mapping.Mapping;
import io.grapholap.domain.mapping.MappingDefinition;
import io.grapholap.domain.mapping.MappingId;
import io.grapholap.domain.mapping.MappingVersion;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Out-port: where mappings and all their versions are kept. */
public interface MappingRepository {

    /** Stores a new mapping with version 1 and returns it with its assigned id. */
    Mapping create(NewMapping mapping);

    Optional<Mapping> find(MappingId id);

    /**
     * Adds version {@code expectedCurrent + 1} and makes it current, updating name and description.
     * Fails with a conflict when another version was added since {@code expectedCurrent} was read.
     */
    Mapping addVersion(MappingId id, int expectedCurrent, String name, String description,
                       MappingDefinition definition, String changeDescription, String createdBy, Instant at);

    /** All versions, oldest first; empty when the mapping does not exist. */
    List<MappingVersion> versions(MappingId id);

    Optional<MappingVersion> version(MappingId id, int version);

    Mapping setLifecycle(MappingId id, Lifecycle lifecycle, Instant at);

    /** Deletes the mapping and its versions; false when there was none. */
    boolean delete(MappingId id);

    /** One page of the mappings that match {@code query}, filtered and sorted by the store. */
    Page<Mapping> list(MappingQuery query, PageRequest page);

    record NewMapping(String name, String description, String owner, Lifecycle lifecycle,
                      MappingDefinition definition, String changeDescription, Instant createdAt) {
    }
}
