package io.grapholap.persistence.dataset;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.Optional;

/** The {@code datasets} table; the current version moves by compare-and-set. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface DatasetRows extends CrudRepository<DatasetRow, Long> {

    Optional<DatasetRow> findByName(String name);

    long countByCurrentVersionGreaterThan(int version);

    @Query("UPDATE datasets SET current_version = :to, updated_at = :at WHERE id = :id AND current_version = :from")
    int advance(long id, int from, int to, Instant at);

    @Query("DELETE FROM datasets WHERE id = :id")
    int remove(long id);
}
