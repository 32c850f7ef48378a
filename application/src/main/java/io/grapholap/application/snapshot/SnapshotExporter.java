package io.grapholap.application.snapshot;

import io.grapholap.application.graph.ValueType;
import io.grapholap.application.graph.snapshot.ColumnSpec;
import io.grapholap.application.graph.snapshot.SnapshotSource;
import io.grapholap.application.graph.snapshot.SnapshotSummary;
import io.grapholap.application.graph.snapshot.SnapshotWriter;
import io.grapholap.application.graph.snapshot.SnapshotWriterFactory;
import io.grapholap.application.graph.snapshot.TableWriter;
import io.grapholap.application.mapping.MappingRepository;
import io.grapholap.domain.mapping.EdgeDefinition;
import io.grapholap.domain.mapping.MappingDefinition;
import io.grapholap.domain.mapping.MappingId;
import io.grapholap.domain.mapping.MappingVersion;
import io.grapholap.domain.mapping.NodeDefinition;
import io.grapholap.domain.mapping.PropertyDefinition;
import io.grapholap.domain.mapping.PropertyType;
import io.grapholap.domain.snapshot.ExportProgress;
import io.grapholap.domain.snapshot.ExportProgress.Step;
import io.grapholap.domain.snapshot.ExportProgress.StepStatus;
import io.grapholap.domain.snapshot.Snapshot;
import io.grapholap.domain.snapshot.SnapshotStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Exports a snapshot: takes it from {@code pending} to {@code creating}, streams every node and
 * then every edge definition of its mapping version from the source into a snapshot writer, and
 * marks it {@code ready} once the writer has published the directory. Any failure (SQL error, time
 * limit, disk, bad value) marks it {@code failed} with the cause and leaves no files behind. Progress
 * is written every {@link ExportSettings#progressRows()} rows or {@link ExportSettings#progressInterval()};
 * a snapshot deleted meanwhile makes the next progress write stop the export. An export whose node
 * lost its claim ({@link ExportJobs#holds}) stops at its next progress write, and one that cannot
 * confirm its claim before publishing stops there, both leaving the snapshot to the node that took it.
 */
public final class SnapshotExporter {

    /** One line when an export starts, finishes (rows, bytes, time) and fails (the reason), for operators. */
    private static final System.Logger LOG = System.getLogger(SnapshotExporter.class.getName());

    private final SnapshotRepository snapshots;
    private final MappingRepository mappings;
    private final SourceRows source;
    private final SnapshotWriterFactory writers;
    private final SnapshotDirectories directories;
    private final ExportJobs jobs;
    private final ExportSettings settings;
    private final Supplier<Duration> timeLimit;
    private final Clock clock;

    public SnapshotExporter(SnapshotRepository snapshots, MappingRepository mappings, SourceRows source,
                            SnapshotWriterFactory writers, SnapshotDirectories directories, ExportJobs jobs,
                            ExportSettings settings, Clock clock) {
        this(snapshots, mappings, source, writers, directories, jobs, settings, settings::timeLimit, clock);
    }

    /**
     * As above, with the time limit read from {@code timeLimit} when each export starts (the live
     * platform setting), instead of {@link ExportSettings#timeLimit()}.
     */
    public SnapshotExporter(SnapshotRepository snapshots, MappingRepository mappings, SourceRows source,
                            SnapshotWriterFactory writers, SnapshotDirectories directories, ExportJobs jobs,
                            ExportSettings settings, Supplier<Duration> timeLimit, Clock clock) {
        this.timeLimit = timeLimit;
        this.snapshots = snapshots;
        this.mappings = mappings;
        this.source = source;
        this.writers = writers;
        this.directories = directories;
        this.jobs = jobs;
        this.settings = settings;
        this.clock = clock;
    }

    public ExportSettings settings() {
        return settings;
    }

    /** Queues the export of a {@code pending} snapshot. */
    public void schedule(long snapshotId) {
        jobs.submit(snapshotId, () -> run(snapshotId));
    }

    /** Runs the export now, on the calling thread; does nothing unless the snapshot is {@code pending}. */
    public void run(long id) {
        Snapshot snapshot = snapshots.find(id).orElse(null);
        if (snapshot == null || !snapshots.transition(id, SnapshotStatus.PENDING, SnapshotStatus.CREATING, null, clock.instant())) {
            return;
        }
        long began = System.nanoTime();
        LOG.log(System.Logger.Level.INFO, "export of snapshot {0} (mapping {1} version {2}) started",
                Long.toString(id), Long.toString(snapshot.mappingId()), Integer.toString(snapshot.mappingVersion()));
        try {
            directories.removeAll(id);
            MappingVersion version = mappings.version(new MappingId(snapshot.mappingId()), snapshot.mappingVersion())
                    .orElseThrow(() -> new ExportFailure("mapping " + snapshot.mappingId() + " version "
                            + snapshot.mappingVersion() + " no longer exists"));
            SnapshotSummary summary = write(id, snapshot, version.definition());
            if (snapshots.markReady(id, summary.nodeCounts(), summary.edgeCounts(), summary.sizeBytes(), clock.instant())) {
                long rows = summary.nodeCounts().values().stream().mapToLong(Long::longValue).sum()
                        + summary.edgeCounts().values().stream().mapToLong(Long::longValue).sum();
                LOG.log(System.Logger.Level.INFO, "export of snapshot {0} finished in {1} ms: {2} rows, {3} bytes",
                        Long.toString(id), Long.toString((System.nanoTime() - began) / 1_000_000), Long.toString(rows),
                        Long.toString(summary.sizeBytes()));
            } else {
                directories.removeAll(id);
                LOG.log(System.Logger.Level.INFO, "export of snapshot {0} finished but the snapshot was deleted meanwhile", Long.toString(id));
            }
        } catch (Cancelled e) {
            directories.removeAll(id);
            LOG.log(System.Logger.Level.INFO, "export of snapshot {0} cancelled", Long.toString(id));
        } catch (ClaimLost e) {
            LOG.log(System.Logger.Level.WARNING, "export of snapshot {0} stopped: this node no longer holds its claim",
                    Long.toString(id));
        } catch (RuntimeException | Error e) {
            if (!jobs.holds(id)) {
                LOG.log(System.Logger.Level.WARNING, "export of snapshot {0} stopped ({1}); this node no longer holds its claim",
                        Long.toString(id), describe(e));
                return;
            }
            if (jobs.stopping()) {
                // The server is stopping; the next start resumes or fails this snapshot.
                LOG.log(System.Logger.Level.INFO, "export of snapshot {0} abandoned: the server is stopping", Long.toString(id));
                return;
            }
            safelyRemove(id);
            LOG.log(System.Logger.Level.WARNING, "export of snapshot {0} failed: {1}", Long.toString(id), describe(e));
            snapshots.transition(id, SnapshotStatus.CREATING, SnapshotStatus.FAILED, describe(e), clock.instant());
            if (e instanceof Error error && !(e instanceof OutOfMemoryError)) {
                throw error;
            }
        }
    }

    private SnapshotSummary write(long id, Snapshot snapshot, MappingDefinition definition) {
        Instant started = clock.instant();
        Duration limit = timeLimit.get();
        Instant deadline = started.plus(limit);
        List<Step> steps = new ArrayList<>();
        definition.nodes().forEach(n -> steps.add(new Step("node:" + n.label(), StepStatus.PENDING, 0)));
        definition.edges().forEach(e -> steps.add(new Step("edge:" + e.type(), StepStatus.PENDING, 0)));
        Tracker tracker = new Tracker(id, new ExportProgress(steps, started), deadline, limit);
        tracker.save();
        try (SnapshotWriter writer = writers.create(directories.staging(id),
                SnapshotSource.mapping(Long.toString(snapshot.mappingId()), snapshot.mappingVersion()))) {
            int index = 0;
            for (NodeDefinition node : definition.nodes()) {
                List<PropertyDefinition> columns = node.columns();
                int step = index++;
                exportTable(tracker, step, node.sql(), columns,
                        () -> writer.beginNodes(node.label(), spec(node.primaryKey()), specs(node.properties())));
            }
            for (EdgeDefinition edge : definition.edges()) {
                PropertyType fromType = definition.node(edge.fromNode()).orElseThrow().primaryKey().type();
                PropertyType toType = definition.node(edge.toNode()).orElseThrow().primaryKey().type();
                List<PropertyDefinition> columns = new ArrayList<>();
                columns.add(new PropertyDefinition(edge.fromKey(), fromType));
                columns.add(new PropertyDefinition(edge.toKey(), toType));
                columns.addAll(edge.properties());
                int step = index++;
                exportTable(tracker, step, edge.sql(), columns,
                        () -> writer.beginEdges(edge.type(), edge.fromNode(), edge.toNode(), spec(columns.get(0)),
                                spec(columns.get(1)), specs(edge.properties())));
            }
            tracker.check();
            if (!jobs.confirm(id)) {
                throw new ClaimLost();
            }
            SnapshotSummary summary = writer.finish();
            directories.publish(id);
            return summary;
        }
    }

    private void exportTable(Tracker tracker, int step, String sql, List<PropertyDefinition> columns,
                             java.util.function.Supplier<TableWriter> begin) {
        tracker.start(step);
        long count;
        try {
            List<SourceRows.Column> wanted = columns.stream().map(c -> new SourceRows.Column(c.name(), c.type())).toList();
            String name = tracker.progress.steps().get(step).name();
            try (TableWriter table = begin.get()) {
                source.stream(sql, wanted, settings.fetchSize(), row -> {
                    table.append(row);
                    tracker.row(step);
                });
                count = table.rowCount();
            } catch (Cancelled | ClaimLost | ExportFailure e) {
                throw e;
            } catch (RuntimeException e) {
                throw new ExportFailure(name + ": " + describe(e), e);
            }
        } catch (ClaimLost e) {
            throw e;
        } catch (RuntimeException e) {
            tracker.fail(step);
            throw e;
        }
        tracker.complete(step, count);
    }

    private static ColumnSpec spec(PropertyDefinition p) {
        return ColumnSpec.of(p.name(), valueType(p.type()));
    }

    private static List<ColumnSpec> specs(List<PropertyDefinition> properties) {
        return properties.stream().map(SnapshotExporter::spec).toList();
    }

    /** The snapshot column type of a mapping property type: the same names, one to one. */
    public static ValueType valueType(PropertyType type) {
        return switch (type) {
            case STRING -> ValueType.STRING;
            case INT64 -> ValueType.INT64;
            case INT32 -> ValueType.INT32;
            case DOUBLE -> ValueType.DOUBLE;
            case FLOAT -> ValueType.FLOAT;
            case BOOL -> ValueType.BOOL;
            case DATE -> ValueType.DATE;
            case TIMESTAMP -> ValueType.TIMESTAMP;
        };
    }

    private void safelyRemove(long id) {
        try {
            directories.removeAll(id);
        } catch (RuntimeException ignored) {
            // The failure being reported matters more; start-up reconciliation removes leftovers.
        }
    }

    private static String describe(Throwable e) {
        if (e instanceof ExportFailure) {
            return e.getMessage();
        }
        if (e instanceof OutOfMemoryError) {
            return "the export ran out of memory";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /** Counts rows, writes progress now and then, and enforces the time limit and deletion. */
    private final class Tracker {
        private final long id;
        private final Instant deadline;
        private final Duration limit;
        private ExportProgress progress;
        private long rowsSinceSave;
        private long lastSaveNanos = System.nanoTime();
        private long rows;

        Tracker(long id, ExportProgress progress, Instant deadline, Duration limit) {
            this.id = id;
            this.limit = limit;
            this.progress = progress;
            this.deadline = deadline;
        }

        void start(int step) {
            rows = 0;
            update(step, s -> new Step(s.name(), StepStatus.RUNNING, 0));
            save();
        }

        void row(int step) {
            rows++;
            if (++rowsSinceSave >= settings.progressRows()
                    || (rowsSinceSave & 1023) == 0 && System.nanoTime() - lastSaveNanos >= settings.progressInterval().toNanos()) {
                update(step, s -> new Step(s.name(), StepStatus.RUNNING, rows));
                save();
            }
        }

        void complete(int step, long count) {
            update(step, s -> new Step(s.name(), StepStatus.COMPLETED, count));
            save();
        }

        void fail(int step) {
            progress = progress.withStep(step, new Step(progress.steps().get(step).name(), StepStatus.FAILED, rows));
            snapshots.saveProgress(id, progress);
        }

        private void update(int step, Function<Step, Step> change) {
            progress = progress.withStep(step, change.apply(progress.steps().get(step)));
        }

        void save() {
            if (jobs.stopping()) {
                throw new ExportFailure("the server is stopping");
            }
            if (!jobs.holds(id)) {
                throw new ClaimLost();
            }
            rowsSinceSave = 0;
            lastSaveNanos = System.nanoTime();
            if (!snapshots.saveProgress(id, progress)) {
                throw new Cancelled();
            }
            check();
        }

        void check() {
            if (clock.instant().isAfter(deadline)) {
                throw new ExportFailure("the export exceeded its time limit of " + limit
                        + " (max_duration_seconds of /api/config/export)");
            }
        }
    }

    /** A failure whose message is already fit for the snapshot's error_message. */
    static final class ExportFailure extends RuntimeException {
        ExportFailure(String message) {
            super(message);
        }

        ExportFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Another node took the export over: this one must leave the snapshot and its files alone. */
    private static final class ClaimLost extends RuntimeException {
        ClaimLost() {
            super(null, null, false, false);
        }
    }

    /** The snapshot was deleted while it was being exported. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super(null, null, false, false);
        }
    }
}
