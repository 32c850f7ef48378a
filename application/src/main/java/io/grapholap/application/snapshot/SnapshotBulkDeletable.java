package io.grapholap.application.snapshot;

import io.grapholap.application.admin.BulkDeletable;
import io.grapholap.application.common.Page;
import io.grapholap.application.common.PageRequest;
import io.grapholap.application.security.Actor;
import io.grapholap.domain.snapshot.Snapshot;
import io.grapholap.domain.snapshot.SnapshotStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * Snapshots for admin bulk delete. Owner, status and creation time are filtered by the store; a
 * name prefix narrows the store query by substring and is then matched exactly (case-sensitive)
 * here, reading at most {@link #MAX_SCANNED} snapshots. Deletion goes through
 * {@link SnapshotUseCases#delete}, with its rules.
 */
public final class SnapshotBulkDeletable implements BulkDeletable {

    static final int MAX_SCANNED = 10_000;

    private final SnapshotRepository repository;
    private final SnapshotUseCases snapshots;

    public SnapshotBulkDeletable(SnapshotRepository repository, SnapshotUseCases snapshots) {
        this.repository = repository;
        this.snapshots = snapshots;
    }

    @Override
    public String resourceType() {
        return "snapshot";
    }

    @Override
    public List<Candidate> find(Filter filter, int limit) {
        SnapshotStatus status = filter.status() == null ? null : SnapshotStatus.parse("filters.status", filter.status());
        SnapshotQuery query = new SnapshotQuery(null, null, filter.owner(), status, filter.namePrefix(), null, filter.createdBefore());
        List<Candidate> found = new ArrayList<>();
        for (int offset = 0; offset < MAX_SCANNED && found.size() < limit; offset += PageRequest.MAX_LIMIT) {
            Page<Snapshot> page = repository.list(query, new PageRequest(offset, PageRequest.MAX_LIMIT, "created_at", false));
            for (Snapshot s : page.items()) {
                if ((filter.namePrefix() == null || s.name().startsWith(filter.namePrefix())) && found.size() < limit) {
                    found.add(new Candidate(s.id(), s.name(), s.owner(), s.status().wire(), s.createdAt()));
                }
            }
            if (page.items().size() < PageRequest.MAX_LIMIT) {
                break;
            }
        }
        return found;
    }

    @Override
    public void delete(Actor actor, long id) {
        snapshots.delete(actor, id);
    }
}
