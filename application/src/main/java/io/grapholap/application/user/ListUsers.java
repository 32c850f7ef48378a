package io.grapholap.application.user;

import io.grapholap.application.common.Page;
import io.grapholap.application.common.PageRequest;
import io.grapholap.application.security.Actor;
import io.grapholap.application.security.UserRepository;
import io.grapholap.domain.user.Role;
import io.grapholap.domain.user.User;

/** An admin lists accounts, ordered by username. */
public final class ListUsers {

    private final UserRepository users;

    public ListUsers(UserRepository users) {
        this.users = users;
    }

    public Page<User> list(Actor actor, PageRequest page) {
        actor.require(Role.ADMIN);
        return users.list(page);
    }
}
