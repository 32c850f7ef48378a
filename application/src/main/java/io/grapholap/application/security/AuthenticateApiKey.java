package io.grapholap.application.security;

import java.util.Optional;

/**
 * Finds the actor an API key stands for: the owner of a non-revoked key whose account is enabled.
 * Answers are cached briefly (see {@link CredentialCache}); this runs on every keyed request.
 */
public final class AuthenticateApiKey {

    private final ApiKeyRepository keys;
    private final CredentialCache cache;

    public AuthenticateApiKey(ApiKeyRepository keys, CredentialCache cache) {
        this.keys = keys;
        this.cache = cache;
    }

    /** The cached answer, when there is one, without touching the repository. */
    public Optional<Optional<Actor>> cached(String key) {
        if (!ApiKeySecrets.looksLikeKey(key)) {
            return Optional.of(Optional.empty());
        }
        return cache.lookup(ApiKeySecrets.hash(key));
    }

    public Optional<Actor> authenticate(String key) {
        if (!ApiKeySecrets.looksLikeKey(key)) {
            return Optional.empty();
        }
        String hash = ApiKeySecrets.hash(key);
        Optional<Optional<Actor>> cached = cache.lookup(hash);
        if (cached.isPresent()) {
            return cached.get();
        }
        var active = keys.findActiveByHash(hash);
        Optional<Actor> actor = active
                .filter(k -> k.owner().enabled())
                .map(k -> AuthenticateWithPassword.actorOf(k.owner()));
        cache.remember(hash, active.map(k -> k.key().id()).orElse(null), actor);
        return actor;
    }
}
