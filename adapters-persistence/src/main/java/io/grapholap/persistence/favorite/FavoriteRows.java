package io.grapholap.persistence.favorite;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

/** The {@code favorites} table, newest first with a stable order for equal times. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface FavoriteRows extends CrudRepository<FavoriteRow, FavoriteKey> {

    @Query("SELECT * FROM favorites WHERE username = :username ORDER BY created_at DESC, resource_type, resource_id")
    List<FavoriteRow> listOf(String username);

    @Query("SELECT * FROM favorites WHERE username = :username AND resource_type = :resourceType"
            + " ORDER BY created_at DESC, resource_type, resource_id")
    List<FavoriteRow> listOf(String username, String resourceType);

    @Query("DELETE FROM favorites WHERE username = :username AND resource_type = :resourceType AND resource_id = :resourceId")
    int remove(String username, String resourceType, long resourceId);
}
