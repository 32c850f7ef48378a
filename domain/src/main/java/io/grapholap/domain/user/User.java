package io.grapholap.domain.user;

import io.grapholap.domain.error.ValidationException;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A platform account. A user holds at least one role and any number of organisations; a disabled
 * user can neither log in nor use its API keys. The password hash is not part of this model: it
 * never leaves the persistence port that stores it.
 */
public record User(String username, Set<Role> roles, Set<String> organizations, boolean enabled,
                   Instant createdAt, Instant updatedAt) {

    public User {
        Username.check("username", username);
        if (roles == null || roles.isEmpty()) {
            throw new ValidationException("roles", "a user needs at least one role (analyst, ops or admin)");
        }
        roles = Set.copyOf(roles);
        organizations = organizations == null ? Set.of() : Set.copyOf(organizations);
        organizations.forEach(Organization::new);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** The roles this user holds, each with the roles it includes (admin brings ops and analyst). */
    public Set<Role> effectiveRoles() {
        Set<Role> all = new TreeSet<>();
        for (Role held : roles) {
            for (Role r : Role.values()) {
                if (held.includes(r)) {
                    all.add(r);
                }
            }
        }
        return all;
    }

    public User withAccess(Set<Role> newRoles, Set<String> newOrganizations, boolean newEnabled, Instant now) {
        return new User(username, newRoles, newOrganizations, newEnabled, createdAt, now);
    }
}
