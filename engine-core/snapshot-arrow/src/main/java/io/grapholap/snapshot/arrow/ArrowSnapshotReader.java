package io.grapholap.snapshot.arrow;

import io.grapholap.application.graph.CancellationToken;
import io.grapholap.application.graph.snapshot.ColumnSpec;
import io.grapholap.application.graph.snapshot.SnapshotReader;
import io.grapholap.application.graph.snapshot.StoredGraph;
import io.grapholap.domain.error.SnapshotCorruptException;
import io.grapholap.domain.error.ValidationException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.message.ArrowBlock;

/**
 * Reads a snapshot's tables back into memory after checking every file against the manifest (size,
 * SHA-256, schema), with a child allocator per read so a leak fails loudly.
 */
public final class ArrowSnapshotReader implements SnapshotReader {

    private final BufferAllocator allocator;

    public ArrowSnapshotReader(BufferAllocator allocator) {
        this.allocator = allocator;
    }

    @Override
    public StoredGraph read(Path directory, long maxRows) {
        SnapshotManifest manifest = SnapshotManifest.read(directory);
        long rows = manifest.vertexRows() + manifest.edgeRows();
        if (rows > maxRows) {
            throw new ValidationException("dataset", "the current version holds " + rows + " vertices and edges, more than the "
                    + maxRows + " an upload may copy forward", Map.of("max_rows", maxRows));
        }
        SnapshotFiles.verify(directory, manifest, true, null, CancellationToken.create());
        try (BufferAllocator child = allocator.newChildAllocator("snapshot-reader", 0, Long.MAX_VALUE)) {
            List<StoredGraph.Nodes> nodes = new ArrayList<>();
            for (SnapshotManifest.NodeTable n : manifest.nodes()) {
                List<SnapshotManifest.ColumnMeta> columns = new ArrayList<>();
                columns.add(n.key());
                columns.addAll(n.properties());
                nodes.add(new StoredGraph.Nodes(n.label(), spec(n.key()), specs(n.properties()),
                        rows(directory, n.file().file(), columns, child)));
            }
            List<StoredGraph.Edges> edges = new ArrayList<>();
            for (SnapshotManifest.EdgeTable e : manifest.edges()) {
                List<SnapshotManifest.ColumnMeta> columns = new ArrayList<>();
                columns.add(e.fromKey());
                columns.add(e.toKey());
                columns.addAll(e.properties());
                edges.add(new StoredGraph.Edges(e.type(), e.fromLabel(), e.toLabel(), spec(e.fromKey()), spec(e.toKey()),
                        specs(e.properties()), rows(directory, e.file().file(), columns, child)));
            }
            return new StoredGraph(nodes, edges);
        }
    }

    private static List<Object[]> rows(Path dir, String file, List<SnapshotManifest.ColumnMeta> columns,
                                       BufferAllocator allocator) {
        List<Object[]> rows = new ArrayList<>();
        try (ArrowFileReader reader = SnapshotFiles.open(dir, file, columns, allocator)) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            for (ArrowBlock block : reader.getRecordBlocks()) {
                reader.loadRecordBatch(block);
                List<FieldVector> vectors = root.getFieldVectors();
                for (int r = 0; r < root.getRowCount(); r++) {
                    Object[] row = new Object[columns.size()];
                    for (int c = 0; c < row.length; c++) {
                        row[c] = ArrowValues.get(vectors.get(c), columns.get(c).type(), r);
                    }
                    rows.add(row);
                }
            }
        } catch (IOException e) {
            throw new SnapshotCorruptException(file, "cannot be read: " + e.getMessage(), Map.of(), e);
        }
        return rows;
    }

    private static ColumnSpec spec(SnapshotManifest.ColumnMeta c) {
        return ColumnSpec.of(c.name(), c.type());
    }

    private static List<ColumnSpec> specs(List<SnapshotManifest.ColumnMeta> columns) {
        return columns.stream().map(ArrowSnapshotReader::spec).toList();
    }
}
