package io.grapholap.application.user;

import io.grapholap.application.security.Actor;
import io.grapholap.application.security.CredentialCache;
import io.grapholap.application.security.PasswordHasher;
import io.grapholap.application.security.UserRepository;
import io.grapholap.domain.error.NotFoundException;
import io.grapholap.domain.error.ValidationException;
import io.grapholap.domain.user.Role;
import io.grapholap.domain.user.User;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * An admin changes an account's roles, organisations, enabled flag or password; absent fields keep
 * their value. The change acts at once on every credential of the account, tokens and keys issued
 * before it included: the account's cached entries are forgotten. An admin cannot disable their own
 * account or take away their own admin role, so the platform is never left without the admin who
 * made the change.
 */
public final class UpdateUser {

    public record Command(Set<Role> roles, Set<String> organizations, Boolean enabled, String password) {

        public Command {
            roles = roles == null ? null : Set.copyOf(roles);
            organizations = organizations == null ? null : Set.copyOf(organizations);
            if (password != null) {
                Passwords.check("password", password);
            }
        }

        public static Command of(List<String> roles, List<String> organizations, Boolean enabled, String password) {
            return new Command(roles == null ? null : Roles.parse(roles),
                    organizations == null ? null : Roles.organizations(organizations), enabled, password);
        }
    }

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final CredentialCache cache;
    private final Clock clock;

    public UpdateUser(UserRepository users, PasswordHasher hasher, CredentialCache cache, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.cache = cache;
        this.clock = clock;
    }

    public User update(Actor actor, String username, Command command) {
        actor.require(Role.ADMIN);
        User current = users.find(username).orElseThrow(() -> new NotFoundException("user", username)).user();
        Set<Role> roles = command.roles() == null ? current.roles() : command.roles();
        Set<String> orgs = command.organizations() == null ? current.organizations() : command.organizations();
        boolean enabled = command.enabled() == null ? current.enabled() : command.enabled();
        if (username.equals(actor.username())) {
            if (!enabled) {
                throw new ValidationException("enabled", "an admin cannot disable their own account");
            }
            if (roles.stream().noneMatch(r -> r.includes(Role.ADMIN))) {
                throw new ValidationException("roles", "an admin cannot remove their own admin role");
            }
        }
        User updated = current.withAccess(roles, orgs, enabled, clock.instant());
        users.update(updated);
        if (command.password() != null) {
            users.changePassword(username, hasher.hash(command.password()));
        }
        cache.accountChanged(username);
        return updated;
    }
}
