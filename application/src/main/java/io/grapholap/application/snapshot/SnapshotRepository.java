package io.grapholap.application.snapshot;

import io.grapholap.application.common.Page;
import io.grapholap.application.common.PageRequest;
import io.grapholap.domain.mapping.Lifecycle;
import io.grapholap.domain.snapshot.ExportProgress;
import io.grapholap.domain.snapshot.Snapshot;
import io.grapholap.domain.snapshot.SnapshotStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Out-port: where snapshots and their export progress are kept. */
public interface SnapshotRepository {

    /** Stores a new {@code pending} snapshot and returns it with its id. */
    Snapshot create(NewSnapshot snapshot);

    Optional<Snapshot> find(long id);

    /**
     * Moves the snapshot from {@code from} to {@code to} only if it is still in {@code from}
     * (compare-and-set, so two servers or a retry racing a job never both win); sets or clears the
     * error message. False when the snapshot is gone or in another status.
     */
    boolean transition(long id, SnapshotStatus from, SnapshotStatus to, String errorMessage, Instant at);

    /** Moves a {@code creating} snapshot to {@code ready} with its counts and size; false when it was not creating. */
    boolean markReady(long id, Map<String, Long> nodeCounts, Map<String, Long> edgeCounts, long sizeBytes, Instant at);

    /** Writes the progress; false when the snapshot no longer exists (deleted meanwhile). */
    boolean saveProgress(long id, ExportProgress progress);

    Optional<ExportProgress> progress(long id);

    List<Snapshot> withStatus(Set<SnapshotStatus> statuses);

    List<Snapshot> ofMapping(long mappingId);

    long countOfMapping(long mappingId);

    Snapshot update(long id, String name, String description, Instant at);

    Snapshot setLifecycle(long id, Lifecycle lifecycle, Instant at);

    boolean delete(long id);

    Page<Snapshot> list(SnapshotQuery query, PageRequest page);

    record NewSnapshot(long mappingId, int mappingVersion, String name, String description, String owner,
                       Lifecycle lifecycle, Instant createdAt) {
    }
}
