package io.grapholap.persistence.endpoint;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;

/** The {@code custom_endpoints} table, listed by id. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface EndpointRows extends CrudRepository<EndpointRow, Long> {

    @Query("SELECT * FROM custom_endpoints ORDER BY id LIMIT :limit OFFSET :offset")
    List<EndpointRow> page(int offset, int limit);

    @Query("SELECT * FROM custom_endpoints WHERE organization IN (:organizations) ORDER BY id LIMIT :limit OFFSET :offset")
    List<EndpointRow> pageOf(Collection<String> organizations, int offset, int limit);

    @Query("SELECT COUNT(*) FROM custom_endpoints WHERE organization IN (:organizations)")
    long countOf(Collection<String> organizations);

    @Query("SELECT * FROM custom_endpoints WHERE segment_count = :segments ORDER BY id LIMIT :limit")
    List<EndpointRow> withSegments(int segments, int limit);

    @Query("DELETE FROM custom_endpoints WHERE id = :id")
    int remove(long id);
}
