package io.grapholap.persistence.security;

import io.grapholap.application.common.Page;
import io.grapholap.application.common.PageRequest;
import io.grapholap.application.security.StoredUser;
import io.grapholap.application.security.UserRepository;
import io.grapholap.domain.error.ConflictException;
import io.grapholap.domain.user.Role;
import io.grapholap.domain.user.User;
import io.grapholap.persistence.UniqueViolation;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Accounts in the {@code users} table; roles and organisations as comma-separated lists. */
@Singleton
final class JdbcUserRepository implements UserRepository {

    private final UserRows rows;

    JdbcUserRepository(UserRows rows) {
        this.rows = rows;
    }

    @Override
    public Optional<StoredUser> find(String username) {
        return rows.findById(username).map(row -> new StoredUser(user(row), row.passwordHash()));
    }

    @Override
    public void create(User user, String passwordHash) {
        try {
            rows.save(new UserRow(user.username(), passwordHash, joinRoles(user.roles()), joinOrganizations(user.organizations()),
                    user.enabled(), user.createdAt(), user.updatedAt()));
        } catch (DataAccessException e) {
            if (UniqueViolation.causes(e)) {
                throw new ConflictException("CONFLICT", "user '" + user.username() + "' already exists",
                        Map.of("resource_type", "user", "id", user.username()));
            }
            throw e;
        }
    }

    @Override
    public void update(User user) {
        rows.update(user.username(), joinRoles(user.roles()), joinOrganizations(user.organizations()), user.enabled(), user.updatedAt());
    }

    @Override
    public void changePassword(String username, String passwordHash) {
        rows.update(username, passwordHash);
    }

    @Override
    public Page<User> list(PageRequest page) {
        long total = rows.count();
        List<UserRow> found = page.descending()
                ? rows.pageDescending(page.limit(), page.offset())
                : rows.pageAscending(page.limit(), page.offset());
        return new Page<>(found.stream().map(JdbcUserRepository::user).toList(), total, page.offset(), page.limit());
    }

    @Override
    public long count() {
        return rows.count();
    }

    static User user(UserRow row) {
        return new User(row.username(), parseRoles(row.roles()), splitList(row.organizations()), row.enabled(),
                row.createdAt(), row.updatedAt());
    }

    private static String joinRoles(Set<Role> roles) {
        return roles.stream().sorted().map(Role::wireName).collect(Collectors.joining(","));
    }

    private static String joinOrganizations(Set<String> organizations) {
        return String.join(",", organizations.stream().sorted().toList());
    }

    private static Set<Role> parseRoles(String value) {
        Set<Role> roles = new LinkedHashSet<>();
        for (String name : splitList(value)) {
            roles.add(Role.parse("roles", name));
        }
        return roles;
    }

    private static Set<String> splitList(String value) {
        if (value == null || value.isBlank()) {
            return Set.of();
        }
        return new LinkedHashSet<>(Arrays.asList(value.split(",")));
    }
}
