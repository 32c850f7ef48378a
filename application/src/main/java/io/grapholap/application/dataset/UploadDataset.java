package io.grapholap.application.dataset;

import io.grapholap.application.graph.snapshot.ColumnSpec;
import io.grapholap.application.graph.snapshot.SnapshotReader;
import io.grapholap.application.graph.snapshot.SnapshotSource;
import io.grapholap.application.graph.snapshot.SnapshotSummary;
import io.grapholap.application.graph.snapshot.SnapshotWriter;
import io.grapholap.application.graph.snapshot.SnapshotWriterFactory;
import io.grapholap.application.dataset.GraphTables.Value;
import io.grapholap.application.security.Actor;
import io.grapholap.domain.dataset.Dataset;
import io.grapholap.domain.dataset.DatasetName;
import io.grapholap.domain.dataset.DatasetVersion;
import io.grapholap.domain.error.ConflictException;
import io.grapholap.domain.error.ValidationException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Uploads into a dataset: a JSON upsert, or a bulk node or edge table as CSV or an Arrow IPC stream.
 * Every upload writes a new immutable version (copy-on-write: the current version's tables plus the
 * upserts) into a directory of its own and then publishes it. The newest
 * {@code keepVersions} versions stay, and older ones while a live instance loads from them; the rest
 * are removed after each publish (row first, then files). The dataset is created, owned by the
 * caller, by its first successful upload; later uploads need its owner or an admin. Uploads to one
 * dataset run one at a time in this server; across servers the compare-and-set on the version number
 * lets one win and the other fail with 409 {@code RESOURCE_LOCKED}.
 */
public final class UploadDataset {

    /** Formats of a bulk table. */
    public enum TableFormat { CSV, ARROW }

    /** What an upload did: the dataset and its new version, and how many vertex and edge upserts it took. */
    public record Result(Dataset dataset, DatasetVersion version, long acceptedVertices, long acceptedEdges) {
    }

    private static final System.Logger LOG = System.getLogger(UploadDataset.class.getName());
    private static final int LOCK_STRIPES = 64;

    private final DatasetRepository datasets;
    private final DatasetDirectories directories;
    private final SnapshotWriterFactory writers;
    private final SnapshotReader reader;
    private final ArrowStreamDecoder arrow;
    private final UploadSettings settings;
    private final DatasetDependants dependants;
    private final Clock clock;
    private final ReentrantLock[] locks = new ReentrantLock[LOCK_STRIPES];

    public UploadDataset(DatasetRepository datasets, DatasetDirectories directories, SnapshotWriterFactory writers,
                         SnapshotReader reader, ArrowStreamDecoder arrow, UploadSettings settings, DatasetDependants dependants,
                         Clock clock) {
        this.datasets = datasets;
        this.directories = directories;
        this.writers = writers;
        this.reader = reader;
        this.arrow = arrow;
        this.settings = settings;
        this.dependants = dependants;
        this.clock = clock;
        for (int i = 0; i < LOCK_STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /** The upsert of {@code POST /graph/{dataset}}; {@code body} is the parsed JSON (see {@link UpsertJson}). */
    public Result upsert(Actor actor, String dataset, Object body) {
        DatasetName name = new DatasetName(dataset);
        GraphChanges changes = UpsertJson.parse(body, settings.maxVerticesPerCall(), settings.maxEdgesPerCall());
        return apply(actor, name, changes);
    }

    /**
     * Upserts the vertices of {@code label} from a table; {@code keyColumn} (default: the first
     * column) holds the keys, every other column is an attribute.
     */
    public Result uploadNodes(Actor actor, String dataset, String label, String keyColumn, TableFormat format,
                              InputStream body) {
        DatasetName name = new DatasetName(dataset);
        DatasetValues.requireName("label", label);
        UploadedTable table = decode(format, body);
        int key = column(table, "key", keyColumn, 0);
        List<GraphChanges.Vertex> vertices = new ArrayList<>(table.rows().size());
        for (Object[] row : table.rows()) {
            vertices.add(new GraphChanges.Vertex(label, table.columns().get(key).name(), value(table, row, key),
                    attributes(table, row, key, -1)));
        }
        if (vertices.isEmpty()) {
            throw new ValidationException("body", "the table has no rows");
        }
        return apply(actor, name, new GraphChanges(vertices, List.of()));
    }

    /**
     * Upserts the edges of {@code type} from {@code fromLabel} to {@code toLabel} from a table;
     * {@code fromColumn} and {@code toColumn} (default: the first two columns) hold the endpoint keys.
     */
    public Result uploadEdges(Actor actor, String dataset, String type, String fromLabel, String toLabel,
                              String fromColumn, String toColumn, TableFormat format, InputStream body) {
        DatasetName name = new DatasetName(dataset);
        DatasetValues.requireName("type", type);
        DatasetValues.requireName("from_label", fromLabel);
        DatasetValues.requireName("to_label", toLabel);
        UploadedTable table = decode(format, body);
        int from = column(table, "from_column", fromColumn, 0);
        int to = column(table, "to_column", toColumn, 1);
        if (from == to) {
            throw new ValidationException("to_column", "the from and to columns must differ");
        }
        List<GraphChanges.Edge> edges = new ArrayList<>(table.rows().size());
        String fromName = table.columns().get(from).name();
        String toName = table.columns().get(to).name();
        for (Object[] row : table.rows()) {
            edges.add(new GraphChanges.Edge(type, fromLabel, toLabel, fromName, toName, value(table, row, from),
                    value(table, row, to), attributes(table, row, from, to)));
        }
        if (edges.isEmpty()) {
            throw new ValidationException("body", "the table has no rows");
        }
        return apply(actor, name, new GraphChanges(List.of(), edges));
    }

    private UploadedTable decode(TableFormat format, InputStream body) {
        return switch (format) {
            case ARROW -> arrow.decode(body, settings.maxRowsPerTable());
            case CSV -> CsvTables.parse(new InputStreamReader(body, StandardCharsets.UTF_8), settings.maxRowsPerTable());
        };
    }

    private static int column(UploadedTable table, String field, String name, int fallback) {
        if (name == null || name.isBlank()) {
            if (table.columns().size() <= fallback) {
                throw new ValidationException(field, "the table needs at least " + (fallback + 1) + " columns");
            }
            return fallback;
        }
        for (int i = 0; i < table.columns().size(); i++) {
            if (table.columns().get(i).name().equals(name)) {
                return i;
            }
        }
        throw new ValidationException(field, "the table has no column " + name + "; it has "
                + table.columns().stream().map(ColumnSpec::name).toList());
    }

    private static Value value(UploadedTable table, Object[] row, int column) {
        Object v = row[column];
        return v == null ? Value.NULL : new Value(table.columns().get(column).type(), v);
    }

    private static Map<String, Value> attributes(UploadedTable table, Object[] row, int skipA, int skipB) {
        Map<String, Value> attributes = new LinkedHashMap<>();
        for (int c = 0; c < row.length; c++) {
            if (c != skipA && c != skipB) {
                attributes.put(table.columns().get(c).name(), value(table, row, c));
            }
        }
        return attributes;
    }

    private Result apply(Actor actor, DatasetName name, GraphChanges changes) {
        ReentrantLock lock = locks[Math.floorMod(name.value().hashCode(), LOCK_STRIPES)];
        lock.lock();
        try {
            Dataset existing = datasets.findByName(name).orElse(null);
            if (existing != null) {
                actor.requireOwnerOrAdmin(existing.owner(), "dataset " + name);
            }
            GraphTables tables = existing == null || existing.currentVersion() == 0
                    ? GraphTables.empty(settings.maxRowsPerVersion())
                    : GraphTables.of(reader.read(currentDirectory(existing), settings.maxRowsPerVersion()),
                    settings.maxRowsPerVersion());
            tables.apply(changes);
            Dataset dataset = existing != null ? existing
                    : datasets.create(new DatasetRepository.NewDataset(name, "", actor.username(), clock.instant()));
            try {
                DatasetVersion version = write(actor, dataset, tables);
                prune(dataset.id(), version.version());
                return new Result(datasets.find(dataset.id()).orElse(dataset), version, changes.vertices().size(),
                        changes.edges().size());
            } catch (RuntimeException e) {
                if (existing == null) {
                    datasets.delete(dataset.id());
                    directories.removeAll(dataset.id());
                }
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Removes the versions older than the newest {@code keepVersions} that no live instance loads
     * from. The upload has succeeded by now: a version that cannot be removed stays until the next
     * upload tries again, and the failure is logged, not thrown.
     */
    private void prune(long datasetId, int current) {
        int oldestKept = current - settings.keepVersions() + 1;
        if (oldestKept <= 1) {
            return;
        }
        try {
            Set<String> inUse = dependants.liveDataDirectories();
            for (DatasetVersion v : datasets.versions(datasetId)) {
                if (v.version() >= oldestKept) {
                    break;
                }
                if (!inUse.contains(directories.staging(datasetId, v.directory()).toString())
                        && datasets.deleteVersion(datasetId, v.version())) {
                    directories.remove(datasetId, v.directory());
                }
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "removing old versions of dataset " + datasetId + " failed; the next upload tries again", e);
        }
    }

    private java.nio.file.Path currentDirectory(Dataset dataset) {
        DatasetVersion current = datasets.version(dataset.id(), dataset.currentVersion())
                .orElseThrow(() -> new IllegalStateException("dataset " + dataset.name() + " has no row for its current version "
                        + dataset.currentVersion()));
        return directories.localCopy(dataset.id(), current.directory());
    }

    private DatasetVersion write(Actor actor, Dataset dataset, GraphTables tables) {
        int next = dataset.currentVersion() + 1;
        String directory = DatasetDirectories.newName(next);
        SnapshotSummary summary;
        try (SnapshotWriter writer = writers.create(directories.staging(dataset.id(), directory),
                SnapshotSource.dataset(dataset.name().value()))) {
            summary = tables.writeTo(writer);
        }
        try {
            directories.publish(dataset.id(), directory);
        } catch (RuntimeException e) {
            directories.remove(dataset.id(), directory);
            throw e;
        }
        DatasetVersion version = new DatasetVersion(dataset.id(), next, directory, summary.nodeCounts(), summary.edgeCounts(),
                summary.sizeBytes(), actor.username(), clock.instant());
        if (!datasets.publish(version)) {
            directories.remove(dataset.id(), directory);
            throw new ConflictException("RESOURCE_LOCKED", "another upload published version " + next + " of dataset "
                    + dataset.name() + " first; upload again", Map.of("dataset", dataset.name().value(), "version", next));
        }
        return version;
    }
}
