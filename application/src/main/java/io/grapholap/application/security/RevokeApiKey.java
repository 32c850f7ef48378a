package io.grapholap.application.security;

import io.grapholap.domain.error.NotFoundException;
import io.grapholap.domain.user.ApiKey;
import java.time.Clock;

/**
 * The owner (or an admin) revokes a key; from then on it authenticates nobody. Keys of other users
 * are not visible to non-admins, so they answer "not found". Revoking twice is harmless.
 */
public final class RevokeApiKey {

    private final ApiKeyRepository keys;
    private final CredentialCache cache;
    private final Clock clock;

    public RevokeApiKey(ApiKeyRepository keys, CredentialCache cache, Clock clock) {
        this.keys = keys;
        this.cache = cache;
        this.clock = clock;
    }

    public void revoke(Actor actor, String id) {
        ApiKey key = keys.findById(id)
                .filter(k -> actor.isAdmin() || k.owner().equals(actor.username()))
                .orElseThrow(() -> new NotFoundException("api_key", id));
        if (!key.revoked()) {
            keys.revoke(id, clock.instant());
        }
        cache.forgetKey(id);
    }
}
