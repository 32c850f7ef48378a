package io.grapholap.application.snapshot;

import io.grapholap.application.graph.snapshot.ColumnSpec;
import io.grapholap.application.graph.snapshot.SnapshotSource;
import io.grapholap.application.graph.snapshot.SnapshotSummary;
import io.grapholap.application.graph.snapshot.SnapshotWriter;
import io.grapholap.application.graph.snapshot.SnapshotWriterFactory;
import io.grapholap.application.graph.snapshot.TableWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A snapshot writer like the Arrow one in the ways the exporter relies on: a temporary directory
 * {@code .{name}.tmp-*} beside the target, renamed to the target by {@code finish()}, discarded by
 * {@code close()} otherwise. Rows are kept per table so tests can read them back.
 */
final class FakeSnapshotWriters implements SnapshotWriterFactory {

    final Map<String, List<Object[]>> tables = new LinkedHashMap<>();

    @Override
    public SnapshotWriter create(Path target, SnapshotSource source) {
        Path temp = target.resolveSibling("." + target.getFileName() + ".tmp-" + UUID.randomUUID());
        try {
            Files.createDirectories(temp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Long> nodes = new LinkedHashMap<>();
        Map<String, Long> edges = new LinkedHashMap<>();
        return new SnapshotWriter() {
            boolean finished;

            @Override
            public TableWriter beginNodes(String label, ColumnSpec key, List<ColumnSpec> properties) {
                return table("node:" + label, nodes, label);
            }

            @Override
            public TableWriter beginEdges(String type, String fromLabel, String toLabel, ColumnSpec fromKey, ColumnSpec toKey,
                                          List<ColumnSpec> properties) {
                return table("edge:" + type, edges, type);
            }

            private TableWriter table(String name, Map<String, Long> counts, String key) {
                List<Object[]> rows = new ArrayList<>();
                tables.put(name, rows);
                return new TableWriter() {
                    @Override
                    public void append(Object... row) {
                        rows.add(row);
                    }

                    @Override
                    public long rowCount() {
                        return rows.size();
                    }

                    @Override
                    public void close() {
                        counts.put(key, (long) rows.size());
                    }
                };
            }

            @Override
            public SnapshotSummary finish() {
                try {
                    Files.writeString(temp.resolve("manifest.json"), "{}");
                    Files.move(temp, target);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                finished = true;
                return new SnapshotSummary(target, nodes, edges, 2);
            }

            @Override
            public void close() {
                if (!finished) {
                    try {
                        Files.deleteIfExists(temp.resolve("manifest.json"));
                        Files.deleteIfExists(temp);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        };
    }
}
