package io.grapholap.application.user;

import io.grapholap.application.security.Actor;
import io.grapholap.application.security.StoredUser;
import io.grapholap.application.security.UserRepository;
import io.grapholap.domain.user.User;
import java.util.Optional;

/**
 * The caller's own account. Principals that have no account (the internal caller, dev-mode
 * callers without one) get an empty account and are described by their {@link Actor} alone.
 */
public final class GetCurrentUser {

    public record Me(Actor actor, Optional<User> account) {
    }

    private final UserRepository users;

    public GetCurrentUser(UserRepository users) {
        this.users = users;
    }

    public Me me(Actor actor) {
        return new Me(actor, users.find(actor.username()).map(StoredUser::user));
    }
}
