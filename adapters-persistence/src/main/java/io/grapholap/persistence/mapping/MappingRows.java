package io.grapholap.persistence.mapping;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;

/** The {@code mappings} header table. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface MappingRows extends CrudRepository<MappingRow, Long> {

    /** Moves the header to the next version only if it is still at {@code expected}; 0 rows when it moved meanwhile. */
    @Query("UPDATE mappings SET current_version = :expected + 1, name = :name, description = :description, updated_at = :at"
            + " WHERE id = :id AND current_version = :expected")
    int advance(long id, int expected, String name, String description, Instant at);

    @Query("UPDATE mappings SET ttl = :ttl, inactivity_timeout = :inactivityTimeout, updated_at = :at WHERE id = :id")
    int updateLifecycle(long id, @Nullable String ttl, @Nullable String inactivityTimeout, Instant at);

    @Query("DELETE FROM mappings WHERE id = :id")
    int remove(long id);
}
