package io.grapholap.application.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, for a short time, which actor an API key hash stands for (or that it stands for
 * nobody), so that authenticating a request does not cost a database round trip each time. Revoking
 * a key or changing a user forgets the affected entries at once on this server; other servers on the
 * same database see the change within {@link #ttl()}.
 */
public final class CredentialCache {

    private static final int MAX_ENTRIES = 10_000;

    private record Entry(Optional<Actor> actor, String keyId, Instant expires) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration ttl;

    public CredentialCache(Clock clock, Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
    }

    public Duration ttl() {
        return ttl;
    }

    /** Empty when unknown or expired; otherwise the remembered answer (itself empty for "nobody"). */
    Optional<Optional<Actor>> lookup(String keyHash) {
        Entry entry = entries.get(keyHash);
        if (entry == null) {
            return Optional.empty();
        }
        if (clock.instant().isAfter(entry.expires())) {
            entries.remove(keyHash, entry);
            return Optional.empty();
        }
        return Optional.of(entry.actor());
    }

    void remember(String keyHash, String keyId, Optional<Actor> actor) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(keyHash, new Entry(actor, keyId, clock.instant().plus(ttl)));
    }

    public void forgetKey(String keyId) {
        entries.values().removeIf(e -> keyId.equals(e.keyId()));
    }

    public void forgetUser(String username) {
        entries.values().removeIf(e -> e.actor().map(a -> a.username().equals(username)).orElse(false));
    }
}
