package io.grapholap.application.security;

import io.grapholap.domain.error.PermissionDeniedException;
import io.grapholap.domain.user.Role;
import java.security.Principal;
import java.util.Objects;
import java.util.Set;

/**
 * The authenticated caller of a use case: who they are, what roles they hold and which
 * organisations they belong to. Every use case that reads or changes owned data takes one. It is
 * the request's {@link Principal}, which is also how HTTP tooling (the OpenAPI generator) knows it
 * comes from the credentials and never from the request's parameters or body.
 */
public record Actor(String username, Set<Role> roles, Set<String> organizations) implements Principal {

    public Actor {
        Objects.requireNonNull(username, "username");
        roles = Set.copyOf(roles);
        organizations = Set.copyOf(organizations);
    }

    /** The username. */
    @Override
    public String getName() {
        return username;
    }

    public boolean has(Role role) {
        return roles.stream().anyMatch(r -> r.includes(role));
    }

    public boolean isAdmin() {
        return has(Role.ADMIN);
    }

    /** Passes when the actor holds {@code role} (or a role that includes it). */
    public void require(Role role) {
        if (!has(role)) {
            throw new PermissionDeniedException("this call needs the " + role.wireName() + " role");
        }
    }

    /** Passes when the actor owns the resource or is an admin. */
    public void requireOwnerOrAdmin(String owner, String what) {
        if (!isAdmin() && !username.equals(owner)) {
            throw new PermissionDeniedException("only the owner (" + owner + ") or an admin may change " + what);
        }
    }
}
