package io.grapholap.domain.instance;

import io.grapholap.domain.common.ResourceText;
import io.grapholap.domain.mapping.Lifecycle;
import java.time.Instant;
import java.util.Objects;

/**
 * A graph loaded (or to be loaded) into an engine. It is made from a snapshot ({@code snapshotId})
 * or from a dataset ({@code datasetId}, whose resolved directory is {@code dataDirectory}); at
 * least one is set. {@code engine} is the engine it runs on ({@code cpu} or {@code gpu}, never
 * {@code auto}: that is resolved at creation). {@code memoryBytes} is the engine's estimate, known
 * once the source is ready. {@code expiresAt} is creation (or the last extension) plus the TTL;
 * null means no expiry. {@code errorMessage} says why it failed or was terminated by the server.
 * {@code notice} tells the user of something the server did to a live instance that was not asked
 * for (a reload after a restart that lost the properties mutate runs had stored); null when none.
 * {@code nodeId} is the server node the instance is placed on, which loads and serves its graph;
 * null while it waits for its snapshot (it is placed once the snapshot is ready).
 */
public record Instance(long id, Long snapshotId, String datasetId, String dataDirectory, String name, String description,
                       String owner, InstanceStatus status, String engine, int cpuCores, long memoryBytes,
                       String errorMessage, Lifecycle lifecycle, Instant expiresAt, Instant lastActivityAt,
                       Instant createdAt, Instant updatedAt, String notice, String nodeId) {

    public Instance {
        if (snapshotId == null && datasetId == null) {
            throw new IllegalArgumentException("an instance needs a snapshot or a dataset");
        }
        ResourceText.requireName(name);
        description = description == null ? "" : description;
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(engine, "engine");
        if (cpuCores < 1) {
            throw new IllegalArgumentException("cpu_cores must be >= 1: " + cpuCores);
        }
        lifecycle = lifecycle == null ? Lifecycle.NONE : lifecycle;
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** An instance not placed on any node. */
    public Instance(long id, Long snapshotId, String datasetId, String dataDirectory, String name, String description,
                    String owner, InstanceStatus status, String engine, int cpuCores, long memoryBytes,
                    String errorMessage, Lifecycle lifecycle, Instant expiresAt, Instant lastActivityAt,
                    Instant createdAt, Instant updatedAt, String notice) {
        this(id, snapshotId, datasetId, dataDirectory, name, description, owner, status, engine, cpuCores, memoryBytes,
                errorMessage, lifecycle, expiresAt, lastActivityAt, createdAt, updatedAt, notice, null);
    }

    /** Whether the instance is past its TTL at {@code now}. */
    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** Whether the instance has been idle for its inactivity timeout at {@code now}. */
    public boolean idleAt(Instant now) {
        if (lifecycle.inactivityTimeout() == null) {
            return false;
        }
        Instant since = lastActivityAt == null ? createdAt : lastActivityAt;
        return !now.isBefore(since.plus(lifecycle.inactivityTimeout()));
    }
}
