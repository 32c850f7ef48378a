package io.grapholap.persistence.instance;

import io.grapholap.application.common.Page;
import io.grapholap.persistence.PagedSql;
import io.grapholap.application.common.PageRequest;
import io.grapholap.application.instance.InstanceQuery;
import io.grapholap.application.instance.InstanceRepository;
import io.grapholap.domain.error.NotFoundException;
import io.grapholap.domain.instance.Instance;
import io.grapholap.domain.instance.InstanceStatus;
import io.grapholap.domain.mapping.Lifecycle;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Instances in the metadata database, through the Micronaut Data repository {@link InstanceRows};
 * the filtered list and the counts are portable SQL over {@link JdbcOperations} with bound
 * parameters. Status changes are single compare-and-set updates.
 */
@Singleton
final class JdbcInstanceRepository implements InstanceRepository {

    private static final Map<String, String> SORT_COLUMNS = Map.of("name", "LOWER(name)", "created_at", "created_at",
            "updated_at", "updated_at", "status", "status", "expires_at", "expires_at");
    private static final List<String> LIVE = InstanceStatus.LIVE.stream().map(InstanceStatus::wire).sorted().toList();
    private static final String LIVE_IN = "('" + String.join("','", LIVE) + "')";

    private final InstanceRows rows;
    private final JdbcOperations jdbc;
    private final ConnectionOperations<Connection> connections;

    JdbcInstanceRepository(InstanceRows rows, JdbcOperations jdbc, ConnectionOperations<Connection> connections) {
        this.rows = rows;
        this.jdbc = jdbc;
        this.connections = connections;
    }

    @Override
    public Instance create(NewInstance n) {
        Instant at = micros(n.createdAt());
        InstanceRow row = rows.save(new InstanceRow(null, n.snapshotId(), n.datasetId(), n.dataDirectory(), n.name(),
                n.description(), n.owner(), n.status().wire(), n.engine(), n.cpuCores(), n.memoryBytes(), null,
                text(n.lifecycle().ttl()), text(n.lifecycle().inactivityTimeout()), micros(n.expiresAt()), null, at, at, null, null, n.nodeId()));
        return instance(row);
    }

    @Override
    public Optional<Instance> find(long id) {
        return rows.findById(id).map(JdbcInstanceRepository::instance);
    }

    @Override
    public boolean transition(long id, InstanceStatus from, InstanceStatus to, String errorMessage, Instant at) {
        if (!from.canMoveTo(to)) {
            return false;
        }
        return rows.transition(id, from.wire(), to.wire(), clip(errorMessage), micros(at)) == 1;
    }

    @Override
    public boolean place(long id, String expected, String nodeId, Instant at) {
        return (expected == null ? rows.placeUnplaced(id, nodeId, micros(at)) : rows.moveNode(id, expected, nodeId, micros(at))) == 1;
    }

    @Override
    public void setMemory(long id, long memoryBytes, Instant at) {
        rows.memory(id, memoryBytes, micros(at));
    }

    @Override
    public Instance update(long id, String name, String description, Instant at) {
        rows.rename(id, name, description, micros(at));
        return existing(id);
    }

    @Override
    public Instance setLifecycle(long id, Lifecycle lifecycle, Instant expiresAt, Instant at) {
        rows.lifecycle(id, text(lifecycle.ttl()), text(lifecycle.inactivityTimeout()), micros(expiresAt), micros(at));
        return existing(id);
    }

    @Override
    public Instance setCpuCores(long id, int cpuCores, Instant at) {
        rows.cpu(id, cpuCores, micros(at));
        return existing(id);
    }

    @Override
    public void touch(long id, Instant lastActivityAt) {
        rows.touch(id, micros(lastActivityAt));
    }

    @Override
    public boolean delete(long id) {
        return rows.remove(id) == 1;
    }

    @Override
    public List<Instance> withStatus(Set<InstanceStatus> statuses) {
        if (statuses.isEmpty()) {
            return List.of();
        }
        return rows.findByStatusIn(statuses.stream().map(InstanceStatus::wire).toList()).stream()
                .map(JdbcInstanceRepository::instance).toList();
    }

    @Override
    public List<Instance> ofSnapshots(Collection<Long> snapshotIds) {
        if (snapshotIds.isEmpty()) {
            return List.of();
        }
        return rows.findBySnapshotIdInOrderByCreatedAtDesc(snapshotIds).stream().map(JdbcInstanceRepository::instance).toList();
    }

    @Override
    public long countLive() {
        return rows.countByStatusIn(LIVE);
    }

    @Override
    public long countLiveOf(String owner) {
        return rows.countByOwnerAndStatusIn(owner, LIVE);
    }

    @Override
    public Map<String, Long> countByStatus() {
        return grouped("SELECT status, COUNT(*) FROM instances GROUP BY status ORDER BY status");
    }

    @Override
    public Map<String, Long> liveCountByOwner() {
        return grouped("SELECT owner, COUNT(*) FROM instances WHERE status IN " + LIVE_IN + " GROUP BY owner ORDER BY owner");
    }

    private Map<String, Long> grouped(String sql) {
        return connections.executeRead(status -> jdbc.prepareStatement(sql, ps -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
            return counts;
        }));
    }

    @Override
    public Page<Instance> list(InstanceQuery query, PageRequest page) {
        PagedSql.Where where = new PagedSql.Where("")
                .equal("snapshot_id", query.snapshotId())
                .equal("owner", query.owner())
                .equal("status", query.status() == null ? null : query.status().wire())
                .search(query.search())
                .namePrefix(query.namePrefix())
                .created(query.createdAfter(), query.createdBefore());
        return PagedSql.page(jdbc, connections, "SELECT COUNT(*) FROM instances" + where, "SELECT * FROM instances" + where,
                where.args(),
                SORT_COLUMNS, "id", page, rs -> instance(jdbc.readEntity(rs, InstanceRow.class)));
    }

    @Override
    public void addMutateProperty(long id, String property) {
        List<String> stored = new ArrayList<>(mutateProperties(id));
        if (!stored.contains(property)) {
            stored.add(property);
            rows.mutateProperties(id, String.join(",", stored));
        }
    }

    @Override
    public List<String> mutateProperties(long id) {
        return rows.findById(id).map(InstanceRow::mutateProperties).filter(names -> !names.isEmpty())
                .map(names -> List.of(names.split(","))).orElse(List.of());
    }

    @Override
    public void reloaded(long id, String notice, Instant at) {
        rows.reloaded(id, clip(notice), micros(at));
    }

    private Instance existing(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("instance", id));
    }

    private static Instance instance(InstanceRow r) {
        return new Instance(r.id(), r.snapshotId(), r.datasetId(), r.dataDirectory(), r.name(), r.description(), r.owner(),
                InstanceStatus.parse("status", r.status()), r.engine(), r.cpuCores(), r.memoryBytes(), r.errorMessage(),
                new Lifecycle(duration(r.ttl()), duration(r.inactivityTimeout())), r.expiresAt(), r.lastActivityAt(),
                r.createdAt(), r.updatedAt(), r.notice(), r.nodeId());
    }

    private static String clip(String message) {
        return message == null || message.length() <= 4000 ? message : message.substring(0, 3997) + "...";
    }

    private static Instant micros(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.MICROS);
    }

    private static String text(Duration d) {
        return d == null ? null : d.toString();
    }

    private static Duration duration(String text) {
        return text == null ? null : Duration.parse(text);
    }
}
