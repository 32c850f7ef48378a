package io.grapholap.application.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, for a short time, which actor an API key hash stands for (or that it stands for
 * nobody), so that authenticating a request does not cost a database round trip each time. Revoking
 * a key or changing a user forgets the affected entries at once on this server; other servers on the
 * same database see the change within {@link #ttl()}. It also keeps the set of disabled accounts,
 * so that every request can be checked against it without a database round trip.
 */
public final class CredentialCache {

    private static final int MAX_ENTRIES = 10_000;

    private record Entry(Optional<Actor> actor, String keyId, Instant expires) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private volatile Set<String> disabledAccounts = Set.of();
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

    /**
     * True when the account is known to be disabled. Tokens issued before an account was disabled
     * stay cryptographically valid until they expire; this is what refuses them meanwhile.
     */
    public boolean isDisabled(String username) {
        return disabledAccounts.contains(username);
    }

    /** Replaces the set of disabled accounts (a periodic refresh from the repository). */
    public void disabledAccounts(Set<String> usernames) {
        disabledAccounts = Set.copyOf(usernames);
    }

    /** Records a change made on this server at once: the account's cached keys go, its status is updated. */
    public void accountChanged(String username, boolean enabled) {
        forgetUser(username);
        Set<String> updated = new HashSet<>(disabledAccounts);
        if (enabled) {
            updated.remove(username);
        } else {
            updated.add(username);
        }
        disabledAccounts = Set.copyOf(updated);
    }
}
