package io.grapholap.persistence.udf;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

/** The {@code organization_settings} table. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface OrganizationSettingsRows extends CrudRepository<OrganizationSettingsRow, String> {
}
