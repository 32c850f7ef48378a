package io.grapholap.domain.user;

import io.grapholap.domain.error.ValidationException;
import java.util.Locale;

/**
 * A platform role. Roles are ordered: each one includes the rights of those below it
 * ({@code admin} ⊇ {@code ops} ⊇ {@code analyst}).
 */
public enum Role {
    ANALYST, OPS, ADMIN;

    /** The wire name, as clients send and receive it. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean includes(Role other) {
        return ordinal() >= other.ordinal();
    }

    public static Role parse(String field, String value) {
        if (value != null) {
            for (Role role : values()) {
                if (role.wireName().equals(value.trim().toLowerCase(Locale.ROOT))) {
                    return role;
                }
            }
        }
        throw new ValidationException(field, "unknown role '" + value + "'; expected one of analyst, ops, admin");
    }
}
