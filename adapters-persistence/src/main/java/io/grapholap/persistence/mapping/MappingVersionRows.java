package io.grapholap.persistence.mapping;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

/** The {@code mapping_versions} table. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface MappingVersionRows extends CrudRepository<MappingVersionRow, VersionKey> {

    @Query("SELECT * FROM mapping_versions WHERE mapping_id = :mappingId ORDER BY version")
    List<MappingVersionRow> listOf(long mappingId);

    @Query("DELETE FROM mapping_versions WHERE mapping_id = :mappingId")
    int deleteOf(long mappingId);
}
