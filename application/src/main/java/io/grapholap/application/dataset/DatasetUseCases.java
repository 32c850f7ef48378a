package io.grapholap.application.dataset;

import io.grapholap.application.common.Page;
import io.grapholap.application.common.PageRequest;
import io.grapholap.application.security.Actor;
import io.grapholap.application.snapshot.SnapshotDirectories;
import io.grapholap.application.snapshot.SnapshotQuery;
import io.grapholap.application.snapshot.SnapshotRepository;
import io.grapholap.domain.dataset.Dataset;
import io.grapholap.domain.dataset.DatasetName;
import io.grapholap.domain.dataset.DatasetVersion;
import io.grapholap.domain.error.ConflictException;
import io.grapholap.domain.error.NotFoundException;
import io.grapholap.domain.error.ValidationException;
import io.grapholap.domain.snapshot.Snapshot;
import io.grapholap.domain.snapshot.SnapshotStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dataset views and the catalog the engines resolve through: every uploaded dataset (by name)
 * and every ready snapshot ({@code snapshot-<id>}, or its bare number). Every authenticated user may
 * read every dataset, as with snapshots; deleting an uploaded dataset needs its owner or an admin and
 * removes all its versions' files; snapshots are deleted through {@code /api/snapshots}.
 */
public final class DatasetUseCases implements DatasetCatalog {

    /** The combined list merges two sources, so its offset is bounded to keep each page's cost bounded. */
    public static final int MAX_OFFSET = 10_000;
    private static final int CHUNK = PageRequest.MAX_LIMIT;

    private final DatasetRepository datasets;
    private final DatasetDirectories directories;
    private final SnapshotRepository snapshots;
    private final SnapshotDirectories snapshotDirectories;
    private final DatasetDependants dependants;

    public DatasetUseCases(DatasetRepository datasets, DatasetDirectories directories, SnapshotRepository snapshots,
                           SnapshotDirectories snapshotDirectories, DatasetDependants dependants) {
        this.datasets = datasets;
        this.dependants = dependants;
        this.directories = directories;
        this.snapshots = snapshots;
        this.snapshotDirectories = snapshotDirectories;
    }

    /** Uploaded datasets and ready snapshots together, by creation time ({@code sort_by} created_at only). */
    public Page<DatasetView> list(PageRequest page) {
        if (!"created_at".equals(page.sortBy())) {
            throw new ValidationException("sort_by", "datasets can be sorted by created_at only");
        }
        if (page.offset() > MAX_OFFSET) {
            throw new ValidationException("offset", "offset must be at most " + MAX_OFFSET + ", got " + page.offset());
        }
        int wanted = page.offset() + page.limit();
        List<DatasetView> merged = new ArrayList<>();
        long total = 0;
        for (int offset = 0; ; offset += CHUNK) {
            Page<Dataset> chunk = datasets.list(new PageRequest(offset, CHUNK, "created_at", page.descending()));
            total = chunk.total();
            chunk.items().forEach(d -> merged.add(view(d, false)));
            if (chunk.items().size() < CHUNK || offset + CHUNK >= wanted) {
                break;
            }
        }
        SnapshotQuery ready = new SnapshotQuery(null, null, null, SnapshotStatus.READY, null, null, null);
        for (int offset = 0; ; offset += CHUNK) {
            Page<Snapshot> chunk = snapshots.list(ready, new PageRequest(offset, CHUNK, "created_at", page.descending()));
            if (offset == 0) {
                total += chunk.total();
            }
            chunk.items().forEach(s -> merged.add(view(s)));
            if (chunk.items().size() < CHUNK || offset + CHUNK >= wanted) {
                break;
            }
        }
        Comparator<DatasetView> byCreation = Comparator.comparing(DatasetView::createdAt).thenComparing(DatasetView::id);
        merged.sort(page.descending() ? byCreation.reversed() : byCreation);
        List<DatasetView> slice = merged.subList(Math.min(page.offset(), merged.size()), Math.min(wanted, merged.size()));
        return new Page<>(slice, total, page.offset(), page.limit());
    }

    /** One dataset with its versions. */
    public DatasetView get(String id) {
        Optional<Long> snapshotId = snapshotId(id);
        if (snapshotId.isPresent()) {
            return view(readySnapshot(id, snapshotId.get()));
        }
        return view(uploaded(id), true);
    }

    /**
     * Deletes an uploaded dataset and the files of all its versions (owner or admin). Refused with
     * 409 {@code RESOURCE_HAS_DEPENDENCIES} while a live instance uses the dataset.
     */
    public void delete(Actor actor, String id) {
        if (snapshotId(id).isPresent()) {
            throw ConflictException.invalidState("dataset " + id + " is a snapshot; delete it with DELETE /api/snapshots/"
                    + snapshotId(id).get(), Map.of("dataset", id));
        }
        Dataset dataset = uploaded(id);
        actor.requireOwnerOrAdmin(dataset.owner(), "dataset " + id);
        long live = dependants.liveInstances(dataset.name().value());
        if (live > 0) {
            throw new ConflictException("RESOURCE_HAS_DEPENDENCIES", "dataset " + id + " is used by " + live
                    + " live instance(s); terminate them first", Map.of("dataset", id, "live_instances", live));
        }
        datasets.delete(dataset.id());
        directories.removeAll(dataset.id());
    }

    @Override
    public DatasetRef resolve(String datasetId, Actor actor) {
        return ref(datasetId, true);
    }

    /**
     * The current version of {@code datasetId}; with {@code copy}, its directory is a verified node-local
     * copy (downloaded from an object store when need be), else only where that copy lives.
     */
    private DatasetRef ref(String datasetId, boolean copy) {
        Optional<Long> snapshotId = snapshotId(datasetId);
        if (snapshotId.isPresent()) {
            Snapshot s = readySnapshot(datasetId, snapshotId.get());
            Path dir = copy ? snapshotDirectories.localCopy(s.id()) : snapshotDirectories.staging(s.id());
            return new DatasetRef(DatasetName.SNAPSHOT_PREFIX + s.id(), 1, dir, s.id());
        }
        Dataset d = uploaded(datasetId);
        DatasetVersion current = datasets.version(d.id(), d.currentVersion())
                .orElseThrow(() -> new NotFoundException("dataset", datasetId));
        Path dir = copy ? directories.localCopy(d.id(), current.directory()) : directories.staging(d.id(), current.directory());
        return new DatasetRef(d.name().value(), current.version(), dir, null);
    }

    /**
     * Newest first, at most 100; a dataset deleted while the list is built is left out. Nothing is
     * fetched from the store: resolve a listed dataset to load it.
     */
    @Override
    public List<DatasetRef> list(Actor actor, int limit) {
        int bounded = Math.max(1, Math.min(limit, PageRequest.MAX_LIMIT));
        List<DatasetRef> refs = new ArrayList<>();
        for (DatasetView v : list(new PageRequest(0, bounded, "created_at", true)).items()) {
            try {
                refs.add(ref(v.id(), false));
            } catch (NotFoundException deletedMeanwhile) {
                // listed a moment ago, gone now: not loadable, so not in the list
            }
        }
        return refs;
    }

    private Dataset uploaded(String id) {
        DatasetName name;
        try {
            name = new DatasetName(id);
        } catch (ValidationException notAName) {
            throw new NotFoundException("dataset", id);
        }
        Dataset d = datasets.findByName(name).orElseThrow(() -> new NotFoundException("dataset", id));
        if (d.currentVersion() == 0) {
            throw new NotFoundException("dataset", id);
        }
        return d;
    }

    private Snapshot readySnapshot(String id, long snapshotId) {
        return snapshots.find(snapshotId).filter(s -> s.status() == SnapshotStatus.READY)
                .orElseThrow(() -> new NotFoundException("dataset", id));
    }

    /** The snapshot id named by {@code snapshot-<id>} or a bare number. */
    private static Optional<Long> snapshotId(String id) {
        String digits = id.startsWith(DatasetName.SNAPSHOT_PREFIX) ? id.substring(DatasetName.SNAPSHOT_PREFIX.length()) : id;
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(digits));
    }

    private DatasetView view(Dataset d, boolean withVersions) {
        List<DatasetVersion> versions = withVersions ? datasets.versions(d.id()) : List.of();
        DatasetVersion current = withVersions
                ? versions.stream().filter(v -> v.version() == d.currentVersion()).findFirst().orElse(null)
                : datasets.version(d.id(), d.currentVersion()).orElse(null);
        return new DatasetView(d.name().value(), d.name().value(), DatasetView.UPLOAD, d.description(), d.owner(),
                d.currentVersion(), current == null ? Map.of() : current.nodeCounts(),
                current == null ? Map.of() : current.edgeCounts(), current == null ? 0 : current.sizeBytes(),
                d.createdAt(), d.updatedAt(), versions);
    }

    private static DatasetView view(Snapshot s) {
        return new DatasetView(DatasetName.SNAPSHOT_PREFIX + s.id(), s.name(), DatasetView.SNAPSHOT, s.description(), s.owner(),
                1, s.nodeCounts(), s.edgeCounts(), s.sizeBytes(), s.createdAt(), s.updatedAt(), List.of());
    }
}
