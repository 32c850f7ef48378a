package io.grapholap.application.user;

import io.grapholap.application.security.Actor;
import io.grapholap.application.security.CredentialCache;
import io.grapholap.application.security.PasswordHasher;
import io.grapholap.application.security.UserRepository;
import io.grapholap.domain.user.Role;
import io.grapholap.domain.user.User;
import io.grapholap.domain.user.Username;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * An admin creates an account. A cached "no such account" for its name is forgotten, so the new
 * account's credentials work at once.
 */
public final class CreateUser {

    /** A new account; roles default to analyst when absent, organisations to none. */
    public record Command(String username, String password, Set<Role> roles, Set<String> organizations) {

        public Command {
            Username.check("username", username);
            Passwords.check("password", password);
            roles = Set.copyOf(roles == null ? Set.of(Role.ANALYST) : roles);
            organizations = organizations == null ? Set.of() : Set.copyOf(organizations);
        }

        /** Builds a command from raw client values, naming the field of the first problem. */
        public static Command of(String username, String password, List<String> roles, List<String> organizations) {
            return new Command(username, password, roles == null ? null : Roles.parse(roles), Roles.organizations(organizations));
        }
    }

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final CredentialCache cache;
    private final Clock clock;

    public CreateUser(UserRepository users, PasswordHasher hasher, CredentialCache cache, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.cache = cache;
        this.clock = clock;
    }

    public User create(Actor actor, Command command) {
        actor.require(Role.ADMIN);
        Instant now = clock.instant();
        User user = new User(command.username(), command.roles(), command.organizations(), true, now, now);
        users.create(user, hasher.hash(command.password()));
        cache.accountChanged(user.username());
        return user;
    }
}
