package io.grapholap.application.security;

import io.grapholap.application.user.StoredUser;
import io.grapholap.application.user.UserRepository;
import io.grapholap.domain.user.User;
import java.util.Optional;

/**
 * Checks a username and password. Unknown users, wrong passwords and disabled accounts all give
 * the same empty answer, and an unknown user costs one hash check like a known one, so that answers
 * and timings do not reveal which accounts exist. Successful checks are remembered briefly in the
 * credential cache (under a SHA-256 of name and password, never the password), so that Basic auth,
 * which sends the password with every call, does not pay a bcrypt check per request; failures are
 * never cached, so guessing stays slow.
 */
public final class AuthenticateWithPassword {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final CredentialCache cache;
    private final String decoyHash;

    public AuthenticateWithPassword(UserRepository users, PasswordHasher hasher, CredentialCache cache) {
        this.users = users;
        this.hasher = hasher;
        this.cache = cache;
        this.decoyHash = hasher.hash("decoy-password-for-unknown-users");
    }

    public Optional<Actor> authenticate(String username, String password) {
        if (username == null || password == null) {
            return Optional.empty();
        }
        String cacheKey = "password:" + ApiKeySecrets.hash(username + '\u0000' + password);
        Optional<Optional<Actor>> cached = cache.lookup(cacheKey);
        if (cached.isPresent() && cached.get().isPresent()) {
            return cached.get();
        }
        Optional<Actor> actor = check(username, password);
        actor.ifPresent(a -> cache.remember(cacheKey, null, actor));
        return actor;
    }

    private Optional<Actor> check(String username, String password) {
        Optional<StoredUser> stored = users.find(username);
        if (stored.isEmpty()) {
            hasher.verify(password, decoyHash);
            return Optional.empty();
        }
        User user = stored.get().user();
        if (!hasher.verify(password, stored.get().passwordHash()) || !user.enabled()) {
            return Optional.empty();
        }
        return Optional.of(actorOf(user));
    }

    /** The actor an account acts as: its roles with everything they include, and its organisations. */
    public static Actor actorOf(User user) {
        return new Actor(user.username(), user.effectiveRoles(), user.organizations());
    }
}
