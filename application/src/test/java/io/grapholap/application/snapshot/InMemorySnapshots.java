package io.grapholap.application.snapshot;

import io.grapholap.application.common.InMemoryPages;
import io.grapholap.application.common.Page;
import io.grapholap.application.common.PageRequest;
import io.grapholap.domain.mapping.Lifecycle;
import io.grapholap.domain.snapshot.ExportProgress;
import io.grapholap.domain.snapshot.Snapshot;
import io.grapholap.domain.snapshot.SnapshotStatus;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/** A snapshot repository in memory, with the same compare-and-set semantics and list order as the database one. */
final class InMemorySnapshots implements SnapshotRepository {

    private static final Map<String, Function<Snapshot, Comparable<?>>> SORT_KEYS = Map.of(
            "name", s -> s.name().toLowerCase(Locale.ROOT), "created_at", Snapshot::createdAt, "updated_at", Snapshot::updatedAt,
            "status", s -> s.status().wire());

    final Map<Long, Snapshot> rows = new ConcurrentHashMap<>();
    final Map<Long, ExportProgress> progress = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    @Override
    public Snapshot create(NewSnapshot n) {
        Snapshot s = new Snapshot(ids.incrementAndGet(), n.mappingId(), n.mappingVersion(), n.name(), n.description(), n.owner(),
                SnapshotStatus.PENDING, null, Map.of(), Map.of(), 0, n.lifecycle(), n.createdAt(), n.createdAt());
        rows.put(s.id(), s);
        return s;
    }

    /** Puts a snapshot in any status, as a crashed server would have left it. */
    Snapshot force(Snapshot s) {
        rows.put(s.id(), s);
        return s;
    }

    @Override
    public Optional<Snapshot> find(long id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public synchronized boolean transition(long id, SnapshotStatus from, SnapshotStatus to, String errorMessage, Instant at) {
        Snapshot s = rows.get(id);
        if (s == null || s.status() != from || !from.canMoveTo(to)) {
            return false;
        }
        rows.put(id, new Snapshot(id, s.mappingId(), s.mappingVersion(), s.name(), s.description(), s.owner(), to, errorMessage,
                s.nodeCounts(), s.edgeCounts(), s.sizeBytes(), s.lifecycle(), s.createdAt(), at));
        return true;
    }

    @Override
    public synchronized boolean markReady(long id, Map<String, Long> nodeCounts, Map<String, Long> edgeCounts, long sizeBytes, Instant at) {
        Snapshot s = rows.get(id);
        if (s == null || s.status() != SnapshotStatus.CREATING) {
            return false;
        }
        rows.put(id, new Snapshot(id, s.mappingId(), s.mappingVersion(), s.name(), s.description(), s.owner(),
                SnapshotStatus.READY, null, nodeCounts, edgeCounts, sizeBytes, s.lifecycle(), s.createdAt(), at));
        return true;
    }

    @Override
    public boolean saveProgress(long id, ExportProgress p) {
        if (!rows.containsKey(id)) {
            return false;
        }
        progress.put(id, p);
        return true;
    }

    @Override
    public Optional<ExportProgress> progress(long id) {
        return Optional.ofNullable(progress.get(id));
    }

    @Override
    public List<Snapshot> withStatus(Set<SnapshotStatus> statuses) {
        return rows.values().stream().filter(s -> statuses.contains(s.status())).toList();
    }

    @Override
    public List<Snapshot> ofMapping(long mappingId) {
        return rows.values().stream().filter(s -> s.mappingId() == mappingId).toList();
    }

    @Override
    public long countOfMapping(long mappingId) {
        return ofMapping(mappingId).size();
    }

    @Override
    public Snapshot update(long id, String name, String description, Instant at) {
        Snapshot s = rows.get(id);
        return force(new Snapshot(id, s.mappingId(), s.mappingVersion(), name, description, s.owner(), s.status(),
                s.errorMessage(), s.nodeCounts(), s.edgeCounts(), s.sizeBytes(), s.lifecycle(), s.createdAt(), at));
    }

    @Override
    public Snapshot setLifecycle(long id, Lifecycle lifecycle, Instant at) {
        Snapshot s = rows.get(id);
        return force(new Snapshot(id, s.mappingId(), s.mappingVersion(), s.name(), s.description(), s.owner(), s.status(),
                s.errorMessage(), s.nodeCounts(), s.edgeCounts(), s.sizeBytes(), lifecycle, s.createdAt(), at));
    }

    @Override
    public boolean delete(long id) {
        progress.remove(id);
        return rows.remove(id) != null;
    }

    @Override
    public Page<Snapshot> list(SnapshotQuery query, PageRequest page) {
        List<Snapshot> matching = rows.values().stream()
                .filter(s -> query.mappingId() == null || query.mappingId() == s.mappingId())
                .filter(s -> query.mappingVersion() == null || query.mappingVersion() == s.mappingVersion())
                .filter(s -> query.owner() == null || query.owner().equals(s.owner()))
                .filter(s -> query.status() == null || query.status() == s.status())
                .filter(s -> InMemoryPages.matches(query.search(), s.name(), s.description()))
                .filter(s -> InMemoryPages.createdWithin(s.createdAt(), query.createdAfter(), query.createdBefore()))
                .toList();
        return InMemoryPages.page(matching, page, SORT_KEYS, Snapshot::id);
    }
}
