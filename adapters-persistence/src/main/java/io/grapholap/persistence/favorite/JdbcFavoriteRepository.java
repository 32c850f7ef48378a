package io.grapholap.persistence.favorite;

import io.grapholap.application.favorite.FavoriteRepository;
import io.grapholap.domain.favorite.Favorite;
import io.grapholap.domain.favorite.ResourceType;
import io.grapholap.persistence.UniqueViolation;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/** Favorites in the metadata database; the primary key makes a second add of the same one fail. */
@Singleton
final class JdbcFavoriteRepository implements FavoriteRepository {

    private final FavoriteRows rows;

    JdbcFavoriteRepository(FavoriteRows rows) {
        this.rows = rows;
    }

    @Override
    public List<Favorite> list(String username, ResourceType type) {
        List<FavoriteRow> found = type == null ? rows.listOf(username) : rows.listOf(username, type.wireName());
        return found.stream().map(row -> new Favorite(username, ResourceType.valueOf(row.id().resourceType().toUpperCase(Locale.ROOT)),
                row.id().resourceId(), row.createdAt())).toList();
    }

    @Override
    public boolean add(Favorite favorite) {
        try {
            rows.save(new FavoriteRow(new FavoriteKey(favorite.username(), favorite.resourceType().wireName(), favorite.resourceId()),
                    favorite.createdAt().truncatedTo(ChronoUnit.MICROS)));
            return true;
        } catch (DataAccessException e) {
            if (UniqueViolation.causes(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public boolean remove(String username, ResourceType type, long resourceId) {
        return rows.remove(username, type.wireName(), resourceId) == 1;
    }
}
