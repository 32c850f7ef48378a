package io.grapholap.domain.user;

import java.time.Instant;
import java.util.Objects;

/**
 * An API key's public record: who owns it, its label and the first characters of the key (so that
 * users can tell keys apart). The key itself is shown once at creation and only its hash is kept.
 */
public record ApiKey(String id, String owner, String name, String prefix, Instant createdAt, Instant revokedAt) {

    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public boolean revoked() {
        return revokedAt != null;
    }
}
