package io.grapholap.persistence.favorite;

import io.grapholap.application.favorite.FavoriteRepository;
import io.grapholap.domain.favorite.Favorite;
import io.grapholap.domain.favorite.ResourceType;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/** Favorites in the metadata database; the primary key makes a second add of the same one fail. */
@Singleton
final class JdbcFavoriteRepository implements FavoriteRepository {

    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;

    JdbcFavoriteRepository(DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    @Override
    public List<Favorite> list(String username, ResourceType type) {
        String sql = "SELECT resource_type, resource_id, created_at FROM favorites WHERE username = ?"
                + (type == null ? "" : " AND resource_type = ?") + " ORDER BY created_at DESC, resource_type, resource_id";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, username);
            if (type != null) {
                ps.setString(2, type.wireName());
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<Favorite> favorites = new ArrayList<>();
                while (rs.next()) {
                    favorites.add(new Favorite(username, ResourceType.valueOf(rs.getString(1).toUpperCase(Locale.ROOT)),
                            rs.getLong(2), rs.getObject(3, OffsetDateTime.class).toInstant()));
                }
                return favorites;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("metadata database: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean add(Favorite favorite) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO favorites (username, resource_type, resource_id, created_at) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, favorite.username());
            ps.setString(2, favorite.resourceType().wireName());
            ps.setLong(3, favorite.resourceId());
            ps.setObject(4, OffsetDateTime.ofInstant(favorite.createdAt().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw new IllegalStateException("metadata database: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean remove(String username, ResourceType type, long resourceId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "DELETE FROM favorites WHERE username = ? AND resource_type = ? AND resource_id = ?")) {
            ps.setString(1, username);
            ps.setString(2, type.wireName());
            ps.setLong(3, resourceId);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("metadata database: " + e.getMessage(), e);
        }
    }
}
