package io.grapholap.persistence.security;

import io.grapholap.application.common.Page;
import io.grapholap.application.common.PageRequest;
import io.grapholap.application.user.StoredUser;
import io.grapholap.application.user.UserRepository;
import io.grapholap.domain.error.ConflictException;
import io.grapholap.domain.user.Role;
import io.grapholap.domain.user.User;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/** Accounts in the {@code users} table; roles and organisations as comma-separated lists. */
@Singleton
final class JdbcUserRepository implements UserRepository {

    private static final String COLUMNS = "username, password_hash, roles, organizations, enabled, created_at, updated_at";

    private final Jdbc jdbc;

    JdbcUserRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public Optional<StoredUser> find(String username) {
        try (Connection c = jdbc.connection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM users WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new StoredUser(user(rs), rs.getString("password_hash"))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read user " + username + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void create(User user, String passwordHash) {
        try (Connection c = jdbc.connection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO users (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, user.username());
            ps.setString(2, passwordHash);
            ps.setString(3, joinRoles(user.roles()));
            ps.setString(4, String.join(",", user.organizations().stream().sorted().toList()));
            ps.setBoolean(5, user.enabled());
            Jdbc.setInstant(ps, 6, user.createdAt());
            Jdbc.setInstant(ps, 7, user.updatedAt());
            ps.executeUpdate();
        } catch (SQLException e) {
            if (Jdbc.UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new ConflictException("CONFLICT", "user '" + user.username() + "' already exists",
                        Map.of("resource_type", "user", "id", user.username()));
            }
            throw new IllegalStateException("cannot create user " + user.username() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void update(User user) {
        try (Connection c = jdbc.connection();
             PreparedStatement ps = c.prepareStatement(
                     "UPDATE users SET roles = ?, organizations = ?, enabled = ?, updated_at = ? WHERE username = ?")) {
            ps.setString(1, joinRoles(user.roles()));
            ps.setString(2, String.join(",", user.organizations().stream().sorted().toList()));
            ps.setBoolean(3, user.enabled());
            Jdbc.setInstant(ps, 4, user.updatedAt());
            ps.setString(5, user.username());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update user " + user.username() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void changePassword(String username, String passwordHash) {
        try (Connection c = jdbc.connection();
             PreparedStatement ps = c.prepareStatement("UPDATE users SET password_hash = ? WHERE username = ?")) {
            ps.setString(1, passwordHash);
            ps.setString(2, username);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot change the password of " + username + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Page<User> list(PageRequest page) {
        try (Connection c = jdbc.connection()) {
            long total;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM users"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
            List<User> users = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM users ORDER BY username "
                    + (page.descending() ? "DESC" : "ASC") + " LIMIT ? OFFSET ?")) {
                ps.setInt(1, page.limit());
                ps.setInt(2, page.offset());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        users.add(user(rs));
                    }
                }
            }
            return new Page<>(users, total, page.offset(), page.limit());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list users: " + e.getMessage(), e);
        }
    }

    @Override
    public long count() {
        try (Connection c = jdbc.connection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM users");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count users: " + e.getMessage(), e);
        }
    }

    @Override
    public Set<String> disabledUsernames() {
        try (Connection c = jdbc.connection();
             PreparedStatement ps = c.prepareStatement("SELECT username FROM users WHERE enabled = FALSE");
             ResultSet rs = ps.executeQuery()) {
            Set<String> names = new LinkedHashSet<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return names;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list disabled users: " + e.getMessage(), e);
        }
    }

    static User user(ResultSet rs) throws SQLException {
        return user(rs, "created_at", "updated_at");
    }

    static User user(ResultSet rs, String createdAt, String updatedAt) throws SQLException {
        return new User(rs.getString("username"), parseRoles(rs.getString("roles")),
                splitList(rs.getString("organizations")), rs.getBoolean("enabled"),
                Jdbc.instant(rs, createdAt), Jdbc.instant(rs, updatedAt));
    }

    private static String joinRoles(Set<Role> roles) {
        return roles.stream().sorted().map(Role::wireName).collect(Collectors.joining(","));
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
