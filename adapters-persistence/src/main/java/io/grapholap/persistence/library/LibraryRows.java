package io.grapholap.persistence.library;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** The {@code function_libraries} table, listed by bucket, scope, name. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface LibraryRows extends CrudRepository<LibraryRow, LibraryKey> {

    @Query("SELECT * FROM function_libraries WHERE bucket = :bucket AND scope = :scope ORDER BY name")
    List<LibraryRow> inNamespace(String bucket, String scope);

    @Query("SELECT * FROM function_libraries ORDER BY bucket, scope, name")
    List<LibraryRow> everything();

    @Query("SELECT * FROM function_libraries WHERE bucket = '' OR bucket IN (:buckets) ORDER BY bucket, scope, name")
    List<LibraryRow> globalOr(Collection<String> buckets);

    @Query("SELECT * FROM function_libraries WHERE (bucket = '' OR bucket = :bucket) AND name IN (:names) ORDER BY bucket, scope, name")
    List<LibraryRow> named(String bucket, Collection<String> names);

    @Query("SELECT COUNT(*) FROM function_libraries WHERE bucket = :bucket AND scope = :scope")
    int countIn(String bucket, String scope);

    @Query("UPDATE function_libraries SET language = :language, code = :code, updated_by = :updatedBy, updated_at = :updatedAt"
            + " WHERE bucket = :bucket AND scope = :scope AND name = :name")
    int replace(String bucket, String scope, String name, String language, String code, String updatedBy, Instant updatedAt);

    @Query("DELETE FROM function_libraries WHERE bucket = :bucket AND scope = :scope AND name = :name")
    int remove(String bucket, String scope, String name);
}
