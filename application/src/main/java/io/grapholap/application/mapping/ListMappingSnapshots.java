package io.grapholap.application.mapping;

import io.grapholap.application.common.Page;
import io.grapholap.application.common.PageRequest;
import io.grapholap.application.mapping.MappingDependencies.SnapshotBranch;
import io.grapholap.domain.mapping.MappingId;
import java.util.Comparator;
import java.util.List;

/** The snapshots made from any version of a mapping, newest first, paged. */
public final class ListMappingSnapshots {

    private final MappingRepository repository;
    private final MappingDependencies dependencies;

    public ListMappingSnapshots(MappingRepository repository, MappingDependencies dependencies) {
        this.repository = repository;
        this.dependencies = dependencies;
    }

    public Page<SnapshotBranch> list(MappingId id, int offset, int limit) {
        MappingAccess.existing(repository, id);
        PageRequest page = new PageRequest(offset, limit, "created_at", true);
        List<SnapshotBranch> all = dependencies.snapshots(id, null, false).stream()
                .sorted(Comparator.comparing(SnapshotBranch::createdAt).reversed()).toList();
        List<SnapshotBranch> slice = all.stream().skip(page.offset()).limit(page.limit()).toList();
        return new Page<>(slice, all.size(), page.offset(), page.limit());
    }
}
