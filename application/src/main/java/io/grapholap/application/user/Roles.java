package io.grapholap.application.user;

import io.grapholap.domain.error.ValidationException;
import io.grapholap.domain.user.Organization;
import io.grapholap.domain.user.Role;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/** Parsing of the role and organisation lists that clients send. */
final class Roles {

    private Roles() {
    }

    static Set<Role> parse(Collection<String> values) {
        if (values == null || values.isEmpty()) {
            throw new ValidationException("roles", "roles must list at least one of analyst, ops, admin");
        }
        Set<Role> roles = new LinkedHashSet<>();
        for (String value : values) {
            roles.add(Role.parse("roles", value));
        }
        return roles;
    }

    static Set<String> organizations(Collection<String> values) {
        Set<String> orgs = new LinkedHashSet<>();
        if (values != null) {
            for (String value : values) {
                orgs.add(new Organization(value).name());
            }
        }
        return orgs;
    }
}
