package io.grapholap.persistence.security;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** One row of {@code users}: roles and organisations as comma-separated lists, as the table keeps them. */
@MappedEntity("users")
record UserRow(@Id String username, String passwordHash, String roles, String organizations, boolean enabled,
               Instant createdAt, Instant updatedAt) {
}
