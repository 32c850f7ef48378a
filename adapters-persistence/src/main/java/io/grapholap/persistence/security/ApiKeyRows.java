package io.grapholap.persistence.security;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Sort;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code api_keys} table; a lookup by hash uses its unique index. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ApiKeyRows extends CrudRepository<ApiKeyRow, String> {

    List<ApiKeyRow> findByOwner(String owner, Sort sort);

    Optional<ApiKeyRow> findByKeyHashAndRevokedAtIsNull(String keyHash);

    Optional<ApiKeyRow> findByKeyHash(String keyHash);

    /** Revokes a key once: a second revocation keeps the first time. */
    @Query("UPDATE api_keys SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
    void revoke(String id, Instant at);
}
