package io.grapholap.persistence.snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grapholap.application.common.Page;
import io.grapholap.persistence.PagedSql;
import io.grapholap.application.common.PageRequest;
import io.grapholap.application.snapshot.SnapshotQuery;
import io.grapholap.application.snapshot.SnapshotRepository;
import io.grapholap.domain.error.NotFoundException;
import io.grapholap.domain.mapping.Lifecycle;
import io.grapholap.domain.snapshot.ExportProgress;
import io.grapholap.domain.snapshot.Snapshot;
import io.grapholap.domain.snapshot.SnapshotStatus;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Snapshots in the metadata database, through the Micronaut Data repository {@link SnapshotRows};
 * the filtered list is portable SQL over {@link JdbcOperations} with bound parameters. Status
 * changes are single compare-and-set updates, so a retry, a delete and a running job never both win.
 */
@Singleton
final class JdbcSnapshotRepository implements SnapshotRepository {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Long>> COUNTS = new TypeReference<>() {
    };
    private static final Map<String, String> SORT_COLUMNS = Map.of("name", "LOWER(name)", "created_at", "created_at",
            "updated_at", "updated_at", "status", "status");

    private final SnapshotRows rows;
    private final JdbcOperations jdbc;
    private final ConnectionOperations<Connection> connections;

    JdbcSnapshotRepository(SnapshotRows rows, JdbcOperations jdbc, ConnectionOperations<Connection> connections) {
        this.rows = rows;
        this.jdbc = jdbc;
        this.connections = connections;
    }

    @Override
    public Snapshot create(NewSnapshot n) {
        Instant at = micros(n.createdAt());
        SnapshotRow row = rows.save(new SnapshotRow(null, n.mappingId(), n.mappingVersion(), n.name(), n.description(), n.owner(),
                SnapshotStatus.PENDING.wire(), null, "{}", "{}", 0, text(n.lifecycle().ttl()),
                text(n.lifecycle().inactivityTimeout()), null, at, at));
        return snapshot(row);
    }

    @Override
    public Optional<Snapshot> find(long id) {
        return rows.findById(id).map(JdbcSnapshotRepository::snapshot);
    }

    @Override
    public boolean transition(long id, SnapshotStatus from, SnapshotStatus to, String errorMessage, Instant at) {
        if (!from.canMoveTo(to)) {
            return false;
        }
        if (from == SnapshotStatus.FAILED && to == SnapshotStatus.PENDING) {
            return rows.retry(id, micros(at)) == 1;
        }
        return rows.transition(id, from.wire(), to.wire(), clip(errorMessage), micros(at)) == 1;
    }

    @Override
    public boolean markReady(long id, Map<String, Long> nodeCounts, Map<String, Long> edgeCounts, long sizeBytes, Instant at) {
        return rows.ready(id, write(nodeCounts), write(edgeCounts), sizeBytes, micros(at)) == 1;
    }

    @Override
    public boolean saveProgress(long id, ExportProgress progress) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("started_at", progress.startedAt() == null ? null : progress.startedAt().toString());
        json.put("steps", progress.steps().stream().map(s -> Map.of("name", s.name(), "status", s.status().name(),
                "rows", s.rows())).toList());
        return rows.progress(id, write(json)) == 1;
    }

    @Override
    public Optional<ExportProgress> progress(long id) {
        return rows.findById(id).map(SnapshotRow::progress).map(JdbcSnapshotRepository::readProgress);
    }

    @Override
    public List<Snapshot> withStatus(Set<SnapshotStatus> statuses) {
        return rows.findByStatusIn(statuses.stream().map(SnapshotStatus::wire).toList()).stream()
                .map(JdbcSnapshotRepository::snapshot).toList();
    }

    @Override
    public List<Snapshot> ofMapping(long mappingId) {
        return rows.findByMappingIdOrderByCreatedAtDesc(mappingId).stream().map(JdbcSnapshotRepository::snapshot).toList();
    }

    @Override
    public long countOfMapping(long mappingId) {
        return rows.countByMappingId(mappingId);
    }

    @Override
    public Snapshot update(long id, String name, String description, Instant at) {
        rows.rename(id, name, description, micros(at));
        return find(id).orElseThrow(() -> new NotFoundException("snapshot", id));
    }

    @Override
    public Snapshot setLifecycle(long id, Lifecycle lifecycle, Instant at) {
        rows.lifecycle(id, text(lifecycle.ttl()), text(lifecycle.inactivityTimeout()), micros(at));
        return find(id).orElseThrow(() -> new NotFoundException("snapshot", id));
    }

    @Override
    public boolean delete(long id) {
        return rows.remove(id) == 1;
    }

    @Override
    public Page<Snapshot> list(SnapshotQuery query, PageRequest page) {
        PagedSql.Where where = new PagedSql.Where("")
                .equal("mapping_id", query.mappingId())
                .equal("mapping_version", query.mappingVersion())
                .equal("owner", query.owner())
                .equal("status", query.status() == null ? null : query.status().wire())
                .search(query.search())
                .created(query.createdAfter(), query.createdBefore());
        return PagedSql.page(jdbc, connections, "SELECT COUNT(*) FROM snapshots" + where, "SELECT * FROM snapshots" + where,
                where.args(),
                SORT_COLUMNS, "id", page, rs -> snapshot(jdbc.readEntity(rs, SnapshotRow.class)));
    }

    private static Snapshot snapshot(SnapshotRow r) {
        return new Snapshot(r.id(), r.mappingId(), r.mappingVersion(), r.name(), r.description(), r.owner(),
                SnapshotStatus.parse("status", r.status()), r.errorMessage(), read(r.nodeCounts()), read(r.edgeCounts()),
                r.sizeBytes(), new Lifecycle(duration(r.ttl()), duration(r.inactivityTimeout())), r.createdAt(), r.updatedAt());
    }

    @SuppressWarnings("unchecked")
    private static ExportProgress readProgress(String text) {
        try {
            Map<String, Object> json = JSON.readValue(text, Map.class);
            Object started = json.get("started_at");
            List<ExportProgress.Step> steps = ((List<Map<String, Object>>) json.get("steps")).stream()
                    .map(s -> new ExportProgress.Step((String) s.get("name"),
                            ExportProgress.StepStatus.valueOf((String) s.get("status")), ((Number) s.get("rows")).longValue()))
                    .toList();
            return new ExportProgress(steps, started == null ? null : Instant.parse((String) started));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("stored snapshot progress is not valid JSON", e);
        }
    }

    private static Map<String, Long> read(String text) {
        try {
            return JSON.readValue(text, COUNTS);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("stored snapshot counts are not valid JSON", e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String clip(String message) {
        return message == null || message.length() <= 4000 ? message : message.substring(0, 3997) + "...";
    }

    private static Instant micros(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    private static String text(Duration d) {
        return d == null ? null : d.toString();
    }

    private static Duration duration(String text) {
        return text == null ? null : Duration.parse(text);
    }
}
