package io.grapholap.application.security;

import io.grapholap.domain.user.User;
import java.util.Objects;

/** A user as the repository keeps it: the account and its password hash. */
public record StoredUser(User user, String passwordHash) {

    public StoredUser {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(passwordHash, "passwordHash");
    }
}
