package io.grapholap.application.mapping;

import io.grapholap.application.mapping.MappingDependencies.SnapshotBranch;
import io.grapholap.domain.error.ValidationException;
import io.grapholap.domain.mapping.Mapping;
import io.grapholap.domain.mapping.MappingId;
import io.grapholap.domain.mapping.MappingVersion;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The resource hierarchy of a mapping: its versions, each with its snapshots and their instances. */
public final class GetMappingTree {

    public static final Set<String> SNAPSHOT_STATUSES = Set.of("pending", "creating", "ready", "failed");

    private final MappingRepository repository;
    private final MappingDependencies dependencies;

    public GetMappingTree(MappingRepository repository, MappingDependencies dependencies) {
        this.repository = repository;
        this.dependencies = dependencies;
    }

    public record Tree(Mapping mapping, List<VersionBranch> versions) {
    }

    public record VersionBranch(MappingVersion version, List<SnapshotBranch> snapshots) {
    }

    public Tree tree(MappingId id, boolean includeInstances, String status) {
        String wanted = null;
        if (status != null && !status.isBlank()) {
            wanted = status.trim().toLowerCase(Locale.ROOT);
            if (!SNAPSHOT_STATUSES.contains(wanted)) {
                throw new ValidationException("status", "unknown snapshot status '" + status + "'; expected one of pending, creating, ready, failed");
            }
        }
        Mapping mapping = MappingAccess.existing(repository, id);
        List<SnapshotBranch> snapshots = dependencies.snapshots(id, wanted, includeInstances);
        List<VersionBranch> versions = repository.versions(id).stream()
                .map(v -> new VersionBranch(v, snapshots.stream().filter(s -> s.mappingVersion() == v.version()).toList()))
                .toList();
        return new Tree(mapping, versions);
    }
}
