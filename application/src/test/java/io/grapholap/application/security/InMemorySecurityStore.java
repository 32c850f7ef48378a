package io.grapholap.application.security;

import io.grapholap.application.common.Page;
import io.grapholap.application.common.PageRequest;
import io.grapholap.domain.error.ConflictException;
import io.grapholap.domain.user.ApiKey;
import io.grapholap.domain.user.User;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Users and API keys in maps, for use-case tests; counts user and key lookups so caching can be
 * checked, and runs {@link #afterUserRead} after each user lookup so a test can change an account
 * while a lookup is under way.
 */
public final class InMemorySecurityStore implements UserRepository, ApiKeyRepository {

    private final Map<String, StoredUser> users = new TreeMap<>();
    private final Map<String, ApiKey> keys = new TreeMap<>();
    private final Map<String, String> keyHashes = new TreeMap<>();
    public final AtomicInteger hashLookups = new AtomicInteger();
    public final AtomicInteger userLookups = new AtomicInteger();
    public Runnable afterUserRead = () -> { };

    @Override
    public Optional<StoredUser> find(String username) {
        userLookups.incrementAndGet();
        Optional<StoredUser> found = Optional.ofNullable(users.get(username));
        afterUserRead.run();
        return found;
    }

    @Override
    public void create(User user, String passwordHash) {
        if (users.containsKey(user.username())) {
            throw new ConflictException("user '" + user.username() + "' already exists");
        }
        users.put(user.username(), new StoredUser(user, passwordHash));
    }

    @Override
    public void update(User user) {
        users.put(user.username(), new StoredUser(user, users.get(user.username()).passwordHash()));
    }

    @Override
    public void changePassword(String username, String passwordHash) {
        users.put(username, new StoredUser(users.get(username).user(), passwordHash));
    }

    @Override
    public Page<User> list(PageRequest page) {
        List<User> all = users.values().stream().map(StoredUser::user).toList();
        if (page.descending()) {
            all = all.reversed();
        }
        List<User> slice = all.stream().skip(page.offset()).limit(page.limit()).toList();
        return new Page<>(slice, all.size(), page.offset(), page.limit());
    }

    @Override
    public long count() {
        return users.size();
    }

    /** Removes an account behind the use cases' back, as another server or an operator might. */
    public void delete(String username) {
        users.remove(username);
    }

    public String passwordHashOf(String username) {
        return users.get(username).passwordHash();
    }

    @Override
    public void create(ApiKey key, String keyHash) {
        keys.put(key.id(), key);
        keyHashes.put(keyHash, key.id());
    }

    @Override
    public List<ApiKey> listByOwner(String owner) {
        return keys.values().stream().filter(k -> k.owner().equals(owner))
                .sorted(Comparator.comparing(ApiKey::createdAt).reversed()).toList();
    }

    @Override
    public Optional<ApiKey> findById(String id) {
        return Optional.ofNullable(keys.get(id));
    }

    @Override
    public void revoke(String id, Instant at) {
        ApiKey k = keys.get(id);
        if (k != null && !k.revoked()) {
            keys.put(id, new ApiKey(k.id(), k.owner(), k.name(), k.prefix(), k.createdAt(), at));
        }
    }

    @Override
    public Optional<ActiveKey> findActiveByHash(String keyHash) {
        hashLookups.incrementAndGet();
        return Optional.ofNullable(keyHashes.get(keyHash)).map(keys::get).filter(k -> !k.revoked())
                .map(k -> new ActiveKey(k, users.get(k.owner()).user()));
    }

    @Override
    public Optional<ApiKey> findByHash(String keyHash) {
        return Optional.ofNullable(keyHashes.get(keyHash)).map(keys::get);
    }

    public boolean storesSecret(String secret) {
        return keyHashes.containsKey(secret) || keys.values().stream().anyMatch(k -> k.toString().contains(secret));
    }
}
