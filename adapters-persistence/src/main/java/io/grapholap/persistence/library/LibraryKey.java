package io.grapholap.persistence.library;

import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.MappedProperty;

/** The primary key of {@code function_libraries}: namespace (empty strings for global) and name. */
@Embeddable
record LibraryKey(@MappedProperty("bucket") String bucket,
                  @MappedProperty("scope") String scope,
                  @MappedProperty("name") String name) {
}
