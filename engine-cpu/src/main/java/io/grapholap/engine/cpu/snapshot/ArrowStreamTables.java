package io.grapholap.engine.cpu.snapshot;

import io.grapholap.application.dataset.ArrowStreamDecoder;
import io.grapholap.application.dataset.UploadedTable;
import io.grapholap.application.graph.ValueType;
import io.grapholap.application.graph.snapshot.ColumnSpec;
import io.grapholap.domain.error.ValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Decodes an uploaded Arrow IPC stream into rows, in a child allocator per upload (closed before
 * returning, so nothing stays off-heap). Column types map back as in {@link ArrowValues#typeOf}.
 */
public final class ArrowStreamTables implements ArrowStreamDecoder {

    private final BufferAllocator allocator;

    public ArrowStreamTables(BufferAllocator allocator) {
        this.allocator = allocator;
    }

    @Override
    public UploadedTable decode(InputStream stream, int maxRows) {
        try (BufferAllocator child = allocator.newChildAllocator("arrow-upload", 0, Long.MAX_VALUE);
             ArrowStreamReader reader = new ArrowStreamReader(stream, child)) {
            VectorSchemaRoot root;
            try {
                root = reader.getVectorSchemaRoot();
            } catch (IOException | RuntimeException e) {
                throw new ValidationException("body", "the body is not an Arrow IPC stream: " + e.getMessage());
            }
            List<ColumnSpec> columns = new ArrayList<>();
            for (Field f : root.getSchema().getFields()) {
                ValueType type = ArrowValues.typeOf(f.getType());
                if (type == null) {
                    throw new ValidationException(f.getName(), "column " + f.getName() + " has Arrow type " + f.getType()
                            + ", which has no dataset type (utf8, int64, int32, float64, float32, bool, date32,"
                            + " timestamp[us] or fixed_size_binary(16))");
                }
                columns.add(ColumnSpec.of(f.getName(), type));
            }
            List<Object[]> rows = new ArrayList<>();
            while (loadNext(reader)) {
                if (rows.size() + root.getRowCount() > maxRows) {
                    throw new ValidationException("body", "one upload takes at most " + maxRows + " rows", Map.of("max", maxRows));
                }
                List<FieldVector> vectors = root.getFieldVectors();
                for (int r = 0; r < root.getRowCount(); r++) {
                    Object[] row = new Object[columns.size()];
                    for (int c = 0; c < row.length; c++) {
                        row[c] = ArrowValues.get(vectors.get(c), columns.get(c).type(), r);
                    }
                    rows.add(row);
                }
            }
            return new UploadedTable(columns, rows);
        } catch (IOException e) {
            throw new ValidationException("body", "the body is not a valid Arrow IPC stream: " + e.getMessage());
        }
    }

    private static boolean loadNext(ArrowStreamReader reader) {
        try {
            return reader.loadNextBatch();
        } catch (IOException | RuntimeException e) {
            throw new ValidationException("body", "the Arrow IPC stream is broken: " + e.getMessage());
        }
    }
}
