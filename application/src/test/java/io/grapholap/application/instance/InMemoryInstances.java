package io.grapholap.application.instance;

import static io.grapholap.application.common.InMemoryPages.micros;

import io.grapholap.application.common.InMemoryPages;
import io.grapholap.application.common.Page;
import io.grapholap.application.common.PageRequest;
import io.grapholap.domain.error.NotFoundException;
import io.grapholap.domain.instance.Instance;
import io.grapholap.domain.instance.InstanceStatus;
import io.grapholap.domain.mapping.Lifecycle;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * An instance repository in memory, with the same compare-and-set semantics, list order and
 * timestamp precision as the database one.
 */
final class InMemoryInstances implements InstanceRepository {

    private static final Map<String, Function<Instance, Comparable<?>>> SORT_KEYS = Map.of(
            "name", i -> i.name().toLowerCase(Locale.ROOT), "created_at", Instance::createdAt, "updated_at", Instance::updatedAt,
            "status", i -> i.status().wire(), "expires_at", Instance::expiresAt);

    final Map<Long, Instance> rows = new ConcurrentHashMap<>();
    private final Map<Long, List<String>> mutateProperties = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    @Override
    public Instance create(NewInstance n) {
        Instance i = new Instance(ids.incrementAndGet(), n.snapshotId(), n.datasetId(), n.dataDirectory(), n.name(),
                n.description(), n.owner(), n.status(), n.engine(), n.cpuCores(), n.memoryBytes(), null, n.lifecycle(),
                micros(n.expiresAt()), null, micros(n.createdAt()), micros(n.createdAt()), null, n.nodeId());
        rows.put(i.id(), i);
        return i;
    }

    /** Puts an instance in any status, as a crashed server would have left it. */
    Instance force(Instance i) {
        rows.put(i.id(), i);
        return i;
    }

    @Override
    public Optional<Instance> find(long id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public synchronized boolean place(long id, String expected, String nodeId, Instant at) {
        Instance i = rows.get(id);
        if (i == null || !Objects.equals(i.nodeId(), expected)) {
            return false;
        }
        rows.put(id, new Instance(i.id(), i.snapshotId(), i.datasetId(), i.dataDirectory(), i.name(), i.description(),
                i.owner(), i.status(), i.engine(), i.cpuCores(), i.memoryBytes(), i.errorMessage(), i.lifecycle(),
                i.expiresAt(), i.lastActivityAt(), i.createdAt(), micros(at), i.notice(), nodeId));
        return true;
    }

    @Override
    public synchronized boolean transition(long id, InstanceStatus from, InstanceStatus to, String errorMessage, Instant at) {
        Instance i = rows.get(id);
        if (i == null || i.status() != from || !from.canMoveTo(to)) {
            return false;
        }
        rows.put(id, with(i, to, errorMessage, i.memoryBytes(), i.lifecycle(), i.expiresAt(), i.cpuCores(), i.lastActivityAt(),
                i.dataDirectory(), i.name(), i.description(), at));
        return true;
    }

    private Instance edit(long id, UnaryOperator<Instance> change) {
        Instance i = rows.computeIfPresent(id, (k, v) -> change.apply(v));
        if (i == null) {
            throw new NotFoundException("instance", id);
        }
        return i;
    }

    @Override
    public void setMemory(long id, long memoryBytes, Instant at) {
        edit(id, i -> with(i, i.status(), i.errorMessage(), memoryBytes, i.lifecycle(), i.expiresAt(), i.cpuCores(),
                i.lastActivityAt(), i.dataDirectory(), i.name(), i.description(), at));
    }

    @Override
    public Instance update(long id, String name, String description, Instant at) {
        return edit(id, i -> with(i, i.status(), i.errorMessage(), i.memoryBytes(), i.lifecycle(), i.expiresAt(), i.cpuCores(),
                i.lastActivityAt(), i.dataDirectory(), name, description, at));
    }

    @Override
    public Instance setLifecycle(long id, Lifecycle lifecycle, Instant expiresAt, Instant at) {
        return edit(id, i -> with(i, i.status(), i.errorMessage(), i.memoryBytes(), lifecycle, expiresAt, i.cpuCores(),
                i.lastActivityAt(), i.dataDirectory(), i.name(), i.description(), at));
    }

    @Override
    public Instance setCpuCores(long id, int cpuCores, Instant at) {
        return edit(id, i -> with(i, i.status(), i.errorMessage(), i.memoryBytes(), i.lifecycle(), i.expiresAt(), cpuCores,
                i.lastActivityAt(), i.dataDirectory(), i.name(), i.description(), at));
    }

    @Override
    public void touch(long id, Instant lastActivityAt) {
        edit(id, i -> i.lastActivityAt() != null && !i.lastActivityAt().isBefore(lastActivityAt) ? i
                : with(i, i.status(), i.errorMessage(), i.memoryBytes(), i.lifecycle(), i.expiresAt(), i.cpuCores(),
                lastActivityAt, i.dataDirectory(), i.name(), i.description(), i.updatedAt()));
    }

    @Override
    public boolean delete(long id) {
        mutateProperties.remove(id);
        return rows.remove(id) != null;
    }

    @Override
    public void addMutateProperty(long id, String property) {
        List<String> stored = mutateProperties.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>());
        if (!stored.contains(property)) {
            stored.add(property);
        }
    }

    @Override
    public List<String> mutateProperties(long id) {
        return List.copyOf(mutateProperties.getOrDefault(id, List.of()));
    }

    @Override
    public void reloaded(long id, String notice, Instant at) {
        mutateProperties.remove(id);
        rows.computeIfPresent(id, (k, i) -> new Instance(i.id(), i.snapshotId(), i.datasetId(), i.dataDirectory(), i.name(),
                i.description(), i.owner(), i.status(), i.engine(), i.cpuCores(), i.memoryBytes(), i.errorMessage(),
                i.lifecycle(), i.expiresAt(), i.lastActivityAt(), i.createdAt(), micros(at), notice, i.nodeId()));
    }

    @Override
    public Page<Instance> list(InstanceQuery q, PageRequest page) {
        List<Instance> matching = rows.values().stream()
                .filter(i -> q.snapshotId() == null || q.snapshotId().equals(i.snapshotId()))
                .filter(i -> q.owner() == null || q.owner().equals(i.owner()))
                .filter(i -> q.status() == null || q.status() == i.status())
                .filter(i -> InMemoryPages.matches(q.search(), i.name(), i.description()))
                .filter(i -> q.namePrefix() == null || i.name().startsWith(q.namePrefix()))
                .filter(i -> InMemoryPages.createdWithin(i.createdAt(), q.createdAfter(), q.createdBefore()))
                .toList();
        return InMemoryPages.page(matching, page, SORT_KEYS, Instance::id);
    }

    @Override
    public List<Instance> withStatus(Set<InstanceStatus> statuses) {
        return rows.values().stream().filter(i -> statuses.contains(i.status())).toList();
    }

    @Override
    public List<Instance> ofSnapshots(Collection<Long> snapshotIds) {
        return rows.values().stream().filter(i -> i.snapshotId() != null && snapshotIds.contains(i.snapshotId())).toList();
    }

    @Override
    public long countLive() {
        return rows.values().stream().filter(i -> i.status().live()).count();
    }

    @Override
    public long countLiveOf(String owner) {
        return rows.values().stream().filter(i -> i.status().live() && i.owner().equals(owner)).count();
    }

    @Override
    public Map<String, Long> countByStatus() {
        return rows.values().stream().collect(Collectors.groupingBy(i -> i.status().wire(), TreeMap::new, Collectors.counting()));
    }

    @Override
    public Map<String, Long> liveCountByOwner() {
        return rows.values().stream().filter(i -> i.status().live())
                .collect(Collectors.groupingBy(Instance::owner, TreeMap::new, Collectors.counting()));
    }

    private static Instance with(Instance i, InstanceStatus status, String error, long memory, Lifecycle lifecycle,
                                 Instant expiresAt, int cores, Instant lastActivity, String dir, String name,
                                 String description, Instant at) {
        return new Instance(i.id(), i.snapshotId(), i.datasetId(), dir, name, description, i.owner(), status, i.engine(), cores,
                memory, error, lifecycle, micros(expiresAt), micros(lastActivity), i.createdAt(), micros(at), i.notice(),
                i.nodeId());
    }
}
