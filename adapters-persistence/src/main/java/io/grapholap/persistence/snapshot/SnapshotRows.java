package io.grapholap.persistence.snapshot;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;

/** The {@code snapshots} table. Status changes are compare-and-set on the current status. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface SnapshotRows extends CrudRepository<SnapshotRow, Long> {

    @Query("UPDATE snapshots SET status = :to, error_message = :errorMessage, updated_at = :at WHERE id = :id AND status = :from")
    int transition(long id, String from, String to, @Nullable String errorMessage, Instant at);

    /** A failed snapshot back to pending (a retry): a new export, so its claim and attempts start again. */
    @Query("UPDATE snapshots SET status = 'pending', error_message = NULL, claimed_by = NULL, lease_expires_at = NULL,"
            + " attempts = 0, updated_at = :at WHERE id = :id AND status = 'failed'")
    int retry(long id, Instant at);

    @Query("UPDATE snapshots SET status = 'ready', error_message = NULL, node_counts = :nodeCounts, edge_counts = :edgeCounts,"
            + " size_bytes = :sizeBytes, updated_at = :at WHERE id = :id AND status = 'creating'")
    int ready(long id, String nodeCounts, String edgeCounts, long sizeBytes, Instant at);

    @Query("UPDATE snapshots SET progress = :progress WHERE id = :id")
    int progress(long id, String progress);

    @Query("UPDATE snapshots SET name = :name, description = :description, updated_at = :at WHERE id = :id")
    int rename(long id, String name, String description, Instant at);

    @Query("UPDATE snapshots SET ttl = :ttl, inactivity_timeout = :inactivityTimeout, updated_at = :at WHERE id = :id")
    int lifecycle(long id, @Nullable String ttl, @Nullable String inactivityTimeout, Instant at);

    @Query("DELETE FROM snapshots WHERE id = :id")
    int remove(long id);

    List<SnapshotRow> findByStatusIn(List<String> status);

    List<SnapshotRow> findByMappingIdOrderByCreatedAtDesc(long mappingId);

    long countByMappingId(long mappingId);
}
