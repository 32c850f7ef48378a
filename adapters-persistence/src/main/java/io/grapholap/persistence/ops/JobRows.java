package io.grapholap.persistence.ops;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

/** The {@code background_jobs} table: one row per job. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface JobRows extends CrudRepository<JobRow, String> {
}
