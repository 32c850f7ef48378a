package io.grapholap.application.security;

import io.grapholap.domain.user.Role;
import io.grapholap.domain.user.Username;
import java.util.Optional;
import java.util.Set;

/**
 * Development mode only: trusts a username the client names, without a password. A known, enabled
 * account acts with its own roles; an unknown (well-formed) name acts as an analyst without
 * organisations; a disabled account is refused. Never wire this outside an explicit dev-mode setting.
 */
public final class AuthenticateDevUser {

    private final UserRepository users;

    public AuthenticateDevUser(UserRepository users) {
        this.users = users;
    }

    public Optional<Actor> authenticate(String username) {
        if (username == null || !Username.PATTERN.matcher(username).matches()) {
            return Optional.empty();
        }
        Optional<StoredUser> stored = users.find(username);
        if (stored.isEmpty()) {
            return Optional.of(new Actor(username, Set.of(Role.ANALYST), Set.of()));
        }
        return stored.map(StoredUser::user).filter(u -> u.enabled()).map(AuthenticateWithPassword::actorOf);
    }
}
