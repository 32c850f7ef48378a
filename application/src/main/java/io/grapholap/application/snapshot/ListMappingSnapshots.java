package io.grapholap.application.snapshot;

import io.grapholap.application.common.Page;
import io.grapholap.application.common.PageRequest;
import io.grapholap.application.mapping.MappingRepository;
import io.grapholap.domain.error.NotFoundException;
import io.grapholap.domain.mapping.MappingId;
import io.grapholap.domain.snapshot.Snapshot;

/**
 * The snapshots made from any version of a mapping, as whole snapshot objects (seed 001's
 * {@code list_snapshots(mapping_id)}), newest first, paged; 404 for a mapping that does not exist.
 */
public final class ListMappingSnapshots {

    private final MappingRepository mappings;
    private final SnapshotRepository snapshots;

    public ListMappingSnapshots(MappingRepository mappings, SnapshotRepository snapshots) {
        this.mappings = mappings;
        this.snapshots = snapshots;
    }

    public Page<Snapshot> list(MappingId id, int offset, int limit) {
        mappings.find(id).orElseThrow(() -> new NotFoundException("mapping", id));
        return snapshots.list(new SnapshotQuery(id.value(), null, null, null, null, null, null),
                new PageRequest(offset, limit, "created_at", true));
    }
}
