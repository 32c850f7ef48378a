package io.grapholap.persistence.security;

import io.grapholap.application.security.ApiKeyRepository;
import io.grapholap.domain.user.ApiKey;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** API keys in the {@code api_keys} table, found by the unique index on their hash. */
@Singleton
final class JdbcApiKeyRepository implements ApiKeyRepository {

    private static final String COLUMNS = "k.id, k.owner, k.name, k.prefix, k.created_at, k.revoked_at";

    private final Jdbc jdbc;

    JdbcApiKeyRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void create(ApiKey key, String keyHash) {
        try (Connection c = jdbc.connection();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO api_keys (id, owner, name, prefix, key_hash, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, key.id());
            ps.setString(2, key.owner());
            ps.setString(3, key.name());
            ps.setString(4, key.prefix());
            ps.setString(5, keyHash);
            Jdbc.setInstant(ps, 6, key.createdAt());
            Jdbc.setInstant(ps, 7, key.revokedAt());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store API key " + key.id() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<ApiKey> listByOwner(String owner) {
        try (Connection c = jdbc.connection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM api_keys k WHERE k.owner = ? ORDER BY k.created_at DESC, k.id")) {
            ps.setString(1, owner);
            List<ApiKey> keys = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(key(rs));
                }
            }
            return keys;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list API keys of " + owner + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<ApiKey> findById(String id) {
        try (Connection c = jdbc.connection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM api_keys k WHERE k.id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(key(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read API key " + id + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void revoke(String id, Instant at) {
        try (Connection c = jdbc.connection();
             PreparedStatement ps = c.prepareStatement("UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
            Jdbc.setInstant(ps, 1, at);
            ps.setString(2, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot revoke API key " + id + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<ActiveKey> findActiveByHash(String keyHash) {
        try (Connection c = jdbc.connection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                     + ", u.username, u.password_hash, u.roles, u.organizations, u.enabled, u.created_at AS user_created_at,"
                     + " u.updated_at AS user_updated_at"
                     + " FROM api_keys k JOIN users u ON u.username = k.owner WHERE k.key_hash = ? AND k.revoked_at IS NULL")) {
            ps.setString(1, keyHash);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ActiveKey(key(rs), JdbcUserRepository.user(rs, "user_created_at", "user_updated_at")));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot look up an API key: " + e.getMessage(), e);
        }
    }

    private static ApiKey key(ResultSet rs) throws SQLException {
        return new ApiKey(rs.getString("id"), rs.getString("owner"), rs.getString("name"), rs.getString("prefix"),
                Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "revoked_at"));
    }
}
