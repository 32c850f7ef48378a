package io.grapholap.application.instance;

import io.grapholap.application.common.PageRequest;
import io.grapholap.application.dataset.DatasetCatalog;
import io.grapholap.application.dataset.DatasetRef;
import io.grapholap.application.security.Actor;
import io.grapholap.application.snapshot.SnapshotQuery;
import io.grapholap.application.snapshot.SnapshotRepository;
import io.grapholap.domain.error.NotFoundException;
import io.grapholap.domain.snapshot.Snapshot;
import io.grapholap.domain.snapshot.SnapshotStatus;
import java.util.List;
import java.util.Optional;

/**
 * The datasets that ready snapshots are ({@code snapshot-<id>} or the bare number), each in one
 * version. The server uses it as long as no fuller catalog (uploaded graphs included) is wired.
 */
public final class ReadySnapshotDatasets implements DatasetCatalog {

    private final SnapshotRepository snapshots;
    private final InstanceSources sources;

    public ReadySnapshotDatasets(SnapshotRepository snapshots, InstanceSources sources) {
        this.snapshots = snapshots;
        this.sources = sources;
    }

    @Override
    public DatasetRef resolve(String datasetId, Actor actor) {
        String text = datasetId == null ? "" : datasetId.trim();
        String number = text.startsWith("snapshot-") ? text.substring("snapshot-".length()) : text;
        Optional<Snapshot> snapshot = Optional.empty();
        if (number.matches("[0-9]{1,18}")) {
            snapshot = snapshots.find(Long.parseLong(number)).filter(s -> s.status() == SnapshotStatus.READY);
        }
        return snapshot.map(this::ref).orElseThrow(() -> new NotFoundException("dataset", datasetId));
    }

    @Override
    public List<DatasetRef> list(Actor actor, int limit) {
        SnapshotQuery ready = new SnapshotQuery(null, null, null, SnapshotStatus.READY, null, null, null);
        int bounded = Math.max(1, Math.min(limit, PageRequest.MAX_LIMIT));
        return snapshots.list(ready, new PageRequest(0, bounded, "created_at", true)).items().stream().map(this::ref).toList();
    }

    private DatasetRef ref(Snapshot s) {
        return new DatasetRef("snapshot-" + s.id(), 1, sources.directory(s.id()), s.id());
    }
}
