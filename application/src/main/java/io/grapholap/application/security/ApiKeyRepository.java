package io.grapholap.application.security;

import io.grapholap.domain.user.ApiKey;
import io.grapholap.domain.user.User;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where API keys are kept: their public record and the SHA-256 hash of the key, never the key. */
public interface ApiKeyRepository {

    /** A non-revoked key and the account that owns it. */
    record ActiveKey(ApiKey key, User owner) {
    }

    void create(ApiKey key, String keyHash);

    /** The owner's keys, newest first, revoked ones included. */
    List<ApiKey> listByOwner(String owner);

    Optional<ApiKey> findById(String id);

    void revoke(String id, Instant at);

    Optional<ActiveKey> findActiveByHash(String keyHash);

    /** The key with this hash, revoked or not. */
    Optional<ApiKey> findByHash(String keyHash);
}
