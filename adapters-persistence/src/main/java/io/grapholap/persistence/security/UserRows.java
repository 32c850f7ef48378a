package io.grapholap.persistence.security;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;

/** The {@code users} table. Paging is by offset, which need not be a multiple of the page size. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface UserRows extends CrudRepository<UserRow, String> {

    void update(@Id String username, String roles, String organizations, boolean enabled, Instant updatedAt);

    void update(@Id String username, String passwordHash);

    @Query("SELECT * FROM users ORDER BY username ASC LIMIT :limit OFFSET :offset")
    List<UserRow> pageAscending(int limit, int offset);

    @Query("SELECT * FROM users ORDER BY username DESC LIMIT :limit OFFSET :offset")
    List<UserRow> pageDescending(int limit, int offset);
}
