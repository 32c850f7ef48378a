package io.grapholap.persistence.audit;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

/** The {@code audit_log} table; {@code saveAll} writes a batch in one JDBC batch. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface AuditRows extends CrudRepository<AuditRow, Long> {
}
