package io.grapholap.persistence.library;

import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** One row of {@code function_libraries}; the language in its wire name. */
@MappedEntity("function_libraries")
record LibraryRow(@EmbeddedId LibraryKey id, String language, String code, String updatedBy, Instant createdAt, Instant updatedAt) {
}
