package io.grapholap.persistence.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** One row of {@code api_keys}: the public record of a key and the hex SHA-256 of the key itself. */
@MappedEntity("api_keys")
record ApiKeyRow(@Id String id, String owner, String name, String prefix, String keyHash, Instant createdAt,
                 @Nullable Instant revokedAt) {
}
