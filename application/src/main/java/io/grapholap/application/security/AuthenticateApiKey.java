package io.grapholap.application.security;

import io.grapholap.domain.user.ApiKey;
import java.util.Optional;

/**
 * Finds the actor an API key stands for: the owner of a non-revoked key, acting with the owner's
 * current roles and organisations while the owner's account is enabled ({@link FindCurrentAccount}).
 * Answers are cached briefly (see {@link CredentialCache}); this runs on every keyed request.
 */
public final class AuthenticateApiKey {

    private final ApiKeyRepository keys;
    private final CredentialCache cache;
    private final FindCurrentAccount accounts;

    public AuthenticateApiKey(ApiKeyRepository keys, CredentialCache cache, FindCurrentAccount accounts) {
        this.keys = keys;
        this.cache = cache;
        this.accounts = accounts;
    }

    /** The cached answer, when there is one, without touching the repositories. */
    public Optional<Optional<Actor>> cached(String key) {
        if (!ApiKeySecrets.looksLikeKey(key)) {
            return Optional.of(Optional.empty());
        }
        Optional<Optional<String>> holder = cache.holder(ApiKeySecrets.hash(key));
        if (holder.isEmpty()) {
            return Optional.empty();
        }
        if (holder.get().isEmpty()) {
            return Optional.of(Optional.empty());
        }
        return accounts.cached(holder.get().get()).map(account -> account.flatMap(CurrentAccount::activeActor));
    }

    /**
     * Why {@code key} authenticates nobody, for the 401 to say: no such key, revoked (when), or an
     * owner that is disabled or gone. Reads the repositories; called only after a refusal.
     */
    public String refusal(String key) {
        String shown = key.length() > ApiKeySecrets.SHOWN_CHARS ? key.substring(0, ApiKeySecrets.SHOWN_CHARS) + "…" : key;
        if (!ApiKeySecrets.looksLikeKey(key)) {
            return "the bearer token " + shown + " is not an API key";
        }
        Optional<ApiKey> found = keys.findByHash(ApiKeySecrets.hash(key));
        if (found.isEmpty()) {
            return "no API key " + shown + " exists on this server (a key is shown once, when it is created)";
        }
        ApiKey k = found.get();
        if (k.revoked()) {
            return "the API key '" + k.name() + "' (" + k.prefix() + "…) was revoked at " + k.revokedAt();
        }
        Optional<CurrentAccount> owner = accounts.find(k.owner());
        if (owner.isEmpty()) {
            return "the account " + k.owner() + " that owns the API key '" + k.name() + "' no longer exists";
        }
        if (!owner.get().enabled()) {
            return "the account " + k.owner() + " that owns the API key '" + k.name() + "' is disabled";
        }
        return "the API key '" + k.name() + "' authenticates nobody";
    }

    public Optional<Actor> authenticate(String key) {
        if (!ApiKeySecrets.looksLikeKey(key)) {
            return Optional.empty();
        }
        String hash = ApiKeySecrets.hash(key);
        Optional<Optional<String>> holder = cache.holder(hash);
        if (holder.isPresent()) {
            return holder.get().flatMap(accounts::find).flatMap(CurrentAccount::activeActor);
        }
        long stamp = cache.stamp();
        var active = keys.findActiveByHash(hash);
        cache.rememberHolder(hash, active.map(k -> k.key().id()).orElse(null), active.map(k -> k.owner().username()).orElse(null), stamp);
        Optional<CurrentAccount> owner = active.map(k -> CurrentAccount.of(k.owner()));
        owner.ifPresent(account -> cache.rememberAccount(account.actor().username(), owner, stamp));
        return owner.flatMap(CurrentAccount::activeActor);
    }
}
