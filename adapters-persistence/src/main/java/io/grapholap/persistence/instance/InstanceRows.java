package io.grapholap.persistence.instance;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** The {@code instances} table. Status changes are compare-and-set on the current status. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface InstanceRows extends CrudRepository<InstanceRow, Long> {

    @Query("UPDATE instances SET status = :to, error_message = :errorMessage, updated_at = :at WHERE id = :id AND status = :from")
    int transition(long id, String from, String to, @Nullable String errorMessage, Instant at);

    @Query("UPDATE instances SET node_id = :nodeId, updated_at = :at WHERE id = :id AND node_id IS NULL")
    int placeUnplaced(long id, String nodeId, Instant at);

    @Query("UPDATE instances SET node_id = :nodeId, updated_at = :at WHERE id = :id AND node_id = :expected")
    int moveNode(long id, String expected, String nodeId, Instant at);

    @Query("UPDATE instances SET memory_bytes = :memoryBytes, updated_at = :at WHERE id = :id")
    int memory(long id, long memoryBytes, Instant at);

    @Query("UPDATE instances SET name = :name, description = :description, updated_at = :at WHERE id = :id")
    int rename(long id, String name, String description, Instant at);

    @Query("UPDATE instances SET ttl = :ttl, inactivity_timeout = :inactivityTimeout, expires_at = :expiresAt,"
            + " updated_at = :at WHERE id = :id")
    int lifecycle(long id, @Nullable String ttl, @Nullable String inactivityTimeout, @Nullable Instant expiresAt, Instant at);

    @Query("UPDATE instances SET cpu_cores = :cpuCores, updated_at = :at WHERE id = :id")
    int cpu(long id, int cpuCores, Instant at);

    @Query("UPDATE instances SET last_activity_at = :at WHERE id = :id AND (last_activity_at IS NULL OR last_activity_at < :at)")
    int touch(long id, Instant at);

    @Query("UPDATE instances SET mutate_properties = :mutateProperties WHERE id = :id")
    int mutateProperties(long id, @Nullable String mutateProperties);

    @Query("UPDATE instances SET mutate_properties = NULL, notice = :notice, updated_at = :at WHERE id = :id")
    int reloaded(long id, @Nullable String notice, Instant at);

    @Query("DELETE FROM instances WHERE id = :id")
    int remove(long id);

    List<InstanceRow> findByStatusIn(Collection<String> status);

    List<InstanceRow> findBySnapshotIdInOrderByCreatedAtDesc(Collection<Long> snapshotId);

    long countByStatusIn(Collection<String> status);

    long countByOwnerAndStatusIn(String owner, Collection<String> status);
}
