package io.grapholap.application.security;

import io.grapholap.domain.user.User;
import java.util.Optional;

/**
 * Checks a username and password. Unknown users, wrong passwords and disabled accounts all give
 * the same empty answer, and an unknown user costs one hash check like a known one, so that answers
 * and timings do not reveal which accounts exist. Successful checks are remembered briefly in the
 * credential cache (under a SHA-256 of name and password, never the password), so that Basic auth,
 * which sends the password with every call, does not pay a bcrypt check per request; failures are
 * never cached, so guessing stays slow. A remembered check acts with the account as it stands now
 * ({@link FindCurrentAccount}), not as it stood when the password was checked.
 */
public final class AuthenticateWithPassword {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final CredentialCache cache;
    private final FindCurrentAccount accounts;
    private final String decoyHash;

    public AuthenticateWithPassword(UserRepository users, PasswordHasher hasher, CredentialCache cache, FindCurrentAccount accounts) {
        this.users = users;
        this.hasher = hasher;
        this.cache = cache;
        this.accounts = accounts;
        this.decoyHash = hasher.hash("decoy-password-for-unknown-users");
    }

    public Optional<Actor> authenticate(String username, String password) {
        if (username == null || password == null) {
            return Optional.empty();
        }
        String cacheKey = "password:" + ApiKeySecrets.hash(username + '\u0000' + password);
        Optional<String> checked = cache.holder(cacheKey).flatMap(holder -> holder);
        if (checked.isPresent()) {
            return accounts.find(checked.get()).flatMap(CurrentAccount::activeActor);
        }
        long stamp = cache.stamp();
        Optional<User> user = check(username, password);
        user.ifPresent(u -> {
            cache.rememberHolder(cacheKey, null, u.username(), stamp);
            cache.rememberAccount(u.username(), Optional.of(CurrentAccount.of(u)), stamp);
        });
        return user.map(AuthenticateWithPassword::actorOf);
    }

    /** The account when the password is its own and the account is enabled. */
    private Optional<User> check(String username, String password) {
        Optional<StoredUser> stored = users.find(username);
        if (stored.isEmpty()) {
            hasher.verify(password, decoyHash);
            return Optional.empty();
        }
        User user = stored.get().user();
        if (!hasher.verify(password, stored.get().passwordHash()) || !user.enabled()) {
            return Optional.empty();
        }
        return Optional.of(user);
    }

    /** The actor an account acts as: its roles with everything they include, and its organisations. */
    public static Actor actorOf(User user) {
        return new Actor(user.username(), user.effectiveRoles(), user.organizations());
    }
}
