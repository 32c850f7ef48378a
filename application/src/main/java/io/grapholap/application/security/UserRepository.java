package io.grapholap.application.security;

import io.grapholap.application.common.Page;
import io.grapholap.application.common.PageRequest;
import io.grapholap.domain.user.User;
import java.util.Optional;

/** Where accounts live: authentication reads them, the user administration use cases write them. */
public interface UserRepository {

    Optional<StoredUser> find(String username);

    /** Adds an account; a taken username raises a {@code ConflictException}. */
    void create(User user, String passwordHash);

    /** Replaces roles, organisations, enabled and updated-at of an existing account. */
    void update(User user);

    void changePassword(String username, String passwordHash);

    /** Users ordered by username. */
    Page<User> list(PageRequest page);

    long count();
}
