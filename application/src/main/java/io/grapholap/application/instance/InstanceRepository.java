package io.grapholap.application.instance;

import io.grapholap.application.common.Page;
import io.grapholap.application.common.PageRequest;
import io.grapholap.domain.instance.Instance;
import io.grapholap.domain.instance.InstanceStatus;
import io.grapholap.domain.mapping.Lifecycle;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Out-port: where instances are kept. Status changes are compare-and-set on the current status. */
public interface InstanceRepository {

    /** Stores a new instance in {@code n.status()} and returns it with its id. */
    Instance create(NewInstance n);

    Optional<Instance> find(long id);

    /**
     * Moves the instance from {@code from} to {@code to} only if it is still in {@code from}; sets
     * (or, with null, clears) the error message. False when it is gone or in another status, or the
     * move is not allowed.
     */
    boolean transition(long id, InstanceStatus from, InstanceStatus to, String errorMessage, Instant at);

    /**
     * Places the instance on node {@code nodeId} if it is still on {@code expected} (null: not placed
     * yet); false when another node took it meanwhile or it is gone.
     */
    boolean place(long id, String expected, String nodeId, Instant at);

    /** Records the engine's memory estimate once the source is known. */
    void setMemory(long id, long memoryBytes, Instant at);

    Instance update(long id, String name, String description, Instant at);

    Instance setLifecycle(long id, Lifecycle lifecycle, Instant expiresAt, Instant at);

    Instance setCpuCores(long id, int cpuCores, Instant at);

    /** Records activity: keeps the later of the stored and the given time. */
    void touch(long id, Instant lastActivityAt);

    boolean delete(long id);

    /**
     * Remembers that a mutate run stored {@code property} on the graph of instance {@code id}. Such
     * properties live in memory only; a reload after a restart loses them and says so.
     */
    void addMutateProperty(long id, String property);

    /** The properties mutate runs stored on the graph of {@code id} since it was loaded, first stored first. */
    List<String> mutateProperties(long id);

    /** After a reload: forgets the stored properties and sets the instance's notice ({@code null} clears it). */
    void reloaded(long id, String notice, Instant at);

    Page<Instance> list(InstanceQuery query, PageRequest page);

    List<Instance> withStatus(Set<InstanceStatus> statuses);

    /** Instances made from any of {@code snapshotIds}, newest first. */
    List<Instance> ofSnapshots(Collection<Long> snapshotIds);

    long countLive();

    long countLiveOf(String owner);

    Map<String, Long> countByStatus();

    Map<String, Long> liveCountByOwner();

    record NewInstance(Long snapshotId, String datasetId, String dataDirectory, String name, String description,
                       String owner, InstanceStatus status, String engine, int cpuCores, long memoryBytes,
                       Lifecycle lifecycle, Instant expiresAt, Instant createdAt, String nodeId) {

        /** A new instance not placed on a node yet. */
        public NewInstance(Long snapshotId, String datasetId, String dataDirectory, String name, String description,
                           String owner, InstanceStatus status, String engine, int cpuCores, long memoryBytes,
                           Lifecycle lifecycle, Instant expiresAt, Instant createdAt) {
            this(snapshotId, datasetId, dataDirectory, name, description, owner, status, engine, cpuCores, memoryBytes,
                    lifecycle, expiresAt, createdAt, null);
        }
    }
}
