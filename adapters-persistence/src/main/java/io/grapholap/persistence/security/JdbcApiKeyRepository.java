package io.grapholap.persistence.security;

import io.grapholap.application.security.ApiKeyRepository;
import io.grapholap.domain.user.ApiKey;
import io.micronaut.data.connection.ConnectionDefinition;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.model.Sort;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** API keys in the {@code api_keys} table, found by the unique index on their hash. */
@Singleton
final class JdbcApiKeyRepository implements ApiKeyRepository {

    private static final Sort NEWEST_FIRST = Sort.of(Sort.Order.desc("createdAt"), Sort.Order.asc("id"));

    private final ApiKeyRows rows;
    private final UserRows users;
    private final ConnectionOperations<Connection> connections;

    JdbcApiKeyRepository(ApiKeyRows rows, UserRows users, ConnectionOperations<Connection> connections) {
        this.rows = rows;
        this.users = users;
        this.connections = connections;
    }

    @Override
    public void create(ApiKey key, String keyHash) {
        rows.save(new ApiKeyRow(key.id(), key.owner(), key.name(), key.prefix(), keyHash, key.createdAt(), key.revokedAt()));
    }

    @Override
    public List<ApiKey> listByOwner(String owner) {
        return rows.findByOwner(owner, NEWEST_FIRST).stream().map(JdbcApiKeyRepository::key).toList();
    }

    @Override
    public Optional<ApiKey> findById(String id) {
        return rows.findById(id).map(JdbcApiKeyRepository::key);
    }

    @Override
    public void revoke(String id, Instant at) {
        rows.revoke(id, at);
    }

    @Override
    public Optional<ActiveKey> findActiveByHash(String keyHash) {
        // Two index lookups on one plain connection (a read-only one would cost H2 an extra query);
        // the owner exists while a key refers to it (foreign key).
        return connections.execute(ConnectionDefinition.DEFAULT, status -> rows.findByKeyHashAndRevokedAtIsNull(keyHash)
                .flatMap(row -> users.findById(row.owner()).map(owner -> new ActiveKey(key(row), JdbcUserRepository.user(owner)))));
    }

    @Override
    public Optional<ApiKey> findByHash(String keyHash) {
        return rows.findByKeyHash(keyHash).map(JdbcApiKeyRepository::key);
    }

    private static ApiKey key(ApiKeyRow row) {
        return new ApiKey(row.id(), row.owner(), row.name(), row.prefix(), row.createdAt(), row.revokedAt());
    }
}
