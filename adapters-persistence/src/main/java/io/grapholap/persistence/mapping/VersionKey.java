package io.grapholap.persistence.mapping;

import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.MappedProperty;

/** The primary key of {@code mapping_versions}. */
@Embeddable
record VersionKey(@MappedProperty("mapping_id") long mappingId, @MappedProperty("version") int version) {
}
