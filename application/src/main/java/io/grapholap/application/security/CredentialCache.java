package io.grapholap.application.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Remembers for a short time ({@link #ttl()}) what authenticating a request needs, so that it does
 * not cost a database round trip each time:
 * <ul>
 *   <li>the holder of a credential (an API key's hash, a checked password's hash): the account it
 *   stands for, or nobody;</li>
 *   <li>each account as it stands ({@link CurrentAccount}), or that there is no such account.</li>
 * </ul>
 * A credential only names its holder; what the caller may do is always the holder's account entry.
 * Changes made through this server's use cases forget the affected entries at once and are published
 * ({@link CredentialChanges}) to the other server nodes on the same database, whose caches drop the
 * same entries when the notification arrives ({@link #apply}); a node that lost the notifications
 * drops everything ({@link #clear}). Changes made in the database directly are seen within {@link #ttl()}.
 * An answer read from the repository before a change but remembered after it is dropped, so a change
 * is never undone by a lookup that raced it.
 */
public final class CredentialCache {

    private static final System.Logger LOG = System.getLogger(CredentialCache.class.getName());
    private static final int MAX_ENTRIES = 10_000;
    private static final String KEY = "key:";
    private static final String ACCOUNT = "account:";

    /** {@code username} null: the credential stands for nobody. */
    private record Holder(String username, String keyId, Instant expires) {
    }

    private record Account(Optional<CurrentAccount> account, Instant expires) {
    }

    private final ConcurrentHashMap<String, Holder> holders = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Account> accounts = new ConcurrentHashMap<>();
    /** Counts changes, so that an answer read before one is not remembered after it. */
    private final AtomicLong changes = new AtomicLong();
    private final Clock clock;
    private final Duration ttl;
    private final CredentialChanges others;

    /** A cache of a node alone on its database: nobody to tell of changes. */
    public CredentialCache(Clock clock, Duration ttl) {
        this(clock, ttl, CredentialChanges.NONE);
    }

    public CredentialCache(Clock clock, Duration ttl, CredentialChanges others) {
        this.clock = clock;
        this.ttl = ttl;
        this.others = others;
    }

    public Duration ttl() {
        return ttl;
    }

    /** Taken before reading the repository, and handed to {@code remember…} with what was read. */
    long stamp() {
        return changes.get();
    }

    /** Empty when unknown or expired; otherwise the holder's username (itself empty for "nobody"). */
    Optional<Optional<String>> holder(String credentialHash) {
        Holder entry = holders.get(credentialHash);
        if (entry == null) {
            return Optional.empty();
        }
        if (clock.instant().isAfter(entry.expires())) {
            holders.remove(credentialHash, entry);
            return Optional.empty();
        }
        return Optional.of(Optional.ofNullable(entry.username()));
    }

    /** {@code keyId} names an API key, so that revoking it forgets the entry; null for passwords. */
    void rememberHolder(String credentialHash, String keyId, String username, long stamp) {
        if (holders.size() >= MAX_ENTRIES) {
            holders.clear();
        }
        Holder entry = new Holder(username, keyId, clock.instant().plus(ttl));
        holders.put(credentialHash, entry);
        if (changes.get() != stamp) {
            holders.remove(credentialHash, entry);
        }
    }

    /** Empty when unknown or expired; otherwise the account (itself empty when there is none). */
    Optional<Optional<CurrentAccount>> account(String username) {
        Account entry = accounts.get(username);
        if (entry == null) {
            return Optional.empty();
        }
        if (clock.instant().isAfter(entry.expires())) {
            accounts.remove(username, entry);
            return Optional.empty();
        }
        return Optional.of(entry.account());
    }

    void rememberAccount(String username, Optional<CurrentAccount> account, long stamp) {
        if (accounts.size() >= MAX_ENTRIES) {
            accounts.clear();
        }
        Account entry = new Account(account, clock.instant().plus(ttl));
        accounts.put(username, entry);
        if (changes.get() != stamp) {
            accounts.remove(username, entry);
        }
    }

    /** A key was revoked: it stands for nobody from now on, here and, once notified, on the other nodes. */
    public void forgetKey(String keyId) {
        dropKey(keyId);
        tellOthers(KEY + keyId);
    }

    /**
     * An account was created, changed or removed (roles, disabled): its entry and its credentials'
     * entries go, here and, once notified, on the other nodes, so the next request reads it afresh.
     */
    public void accountChanged(String username) {
        dropAccount(username);
        tellOthers(ACCOUNT + username);
    }

    /**
     * The change is committed and in force here; a failed notification must not fail the request, so
     * it is logged, and the other nodes see the change when their entries expire ({@link #ttl()}).
     */
    private void tellOthers(String change) {
        try {
            others.publish(change);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not tell the other nodes of credential change {0}: {1}", change,
                    e.getMessage());
        }
    }

    /** A change another node published ({@link #forgetKey}, {@link #accountChanged}); anything unknown drops everything. */
    public void apply(String change) {
        if (change.startsWith(KEY)) {
            dropKey(change.substring(KEY.length()));
        } else if (change.startsWith(ACCOUNT)) {
            dropAccount(change.substring(ACCOUNT.length()));
        } else {
            clear();
        }
    }

    /** Forgets everything: for a node that may have missed changes (its notification connection was lost). */
    public void clear() {
        changes.incrementAndGet();
        holders.clear();
        accounts.clear();
    }

    private void dropKey(String keyId) {
        changes.incrementAndGet();
        holders.values().removeIf(e -> keyId.equals(e.keyId()));
    }

    private void dropAccount(String username) {
        changes.incrementAndGet();
        accounts.remove(username);
        holders.values().removeIf(e -> username.equals(e.username()));
    }
}
