package io.grapholap.persistence.udf;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Optional;

/** The {@code functions} table. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface FunctionRows extends CrudRepository<FunctionRow, String> {

    Optional<FunctionRow> findByOrganizationAndAlias(String organization, String alias);

    Optional<FunctionRow> findByOrganizationAndUuid(String organization, String uuid);

    @Query("DELETE FROM functions WHERE uuid = :uuid")
    int remove(String uuid);
}
