package io.grapholap.persistence.config;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

/** The {@code platform_config} table: four rows at most. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface PlatformConfigRows extends CrudRepository<PlatformConfigRow, String> {
}
