package io.grapholap.rest.udf.output;

import io.grapholap.application.udf.TableEncoder;
import io.grapholap.domain.error.ValidationException;
import io.grapholap.domain.udf.OutputFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;

/**
 * Writes a table as one Arrow IPC stream batch: BIGINT, FLOAT8, BIT or UTF-8 columns (types from
 * {@link ColumnKind}), all nullable. Buffers come from a child of the server's allocator, closed
 * after each table, so a leak shows.
 */
final class ArrowTableEncoder implements TableEncoder {

    private final BufferAllocator root;

    ArrowTableEncoder(BufferAllocator root) {
        this.root = root;
    }

    @Override
    public OutputFormat format() {
        return OutputFormat.ARROW;
    }

    @Override
    public String contentType() {
        return "application/vnd.apache.arrow.stream";
    }

    @Override
    public byte[] encode(List<String> columns, List<List<Object>> rows, long maxBytes) {
        try (BufferAllocator allocator = root.newChildAllocator("udf-output", 0, Math.max(maxBytes * 2, 1 << 20))) {
            List<FieldVector> vectors = new ArrayList<>();
            try {
                for (int c = 0; c < columns.size(); c++) {
                    vectors.add(vector(allocator, columns.get(c), rows, c));
                }
                try (VectorSchemaRoot root = new VectorSchemaRoot(vectors)) {
                    vectors.clear();
                    root.setRowCount(rows.size());
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    try (ArrowStreamWriter writer = new ArrowStreamWriter(root, null, Channels.newChannel(out))) {
                        writer.start();
                        writer.writeBatch();
                        writer.end();
                    }
                    if (out.size() > maxBytes) {
                        throw new ValidationException("output", "the output is larger than the limit of " + maxBytes + " bytes");
                    }
                    return out.toByteArray();
                }
            } finally {
                vectors.forEach(FieldVector::close);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Arrow output", e);
        } catch (org.apache.arrow.memory.OutOfMemoryException e) {
            throw new ValidationException("output", "the output is larger than the limit of " + maxBytes + " bytes");
        }
    }

    private static FieldVector vector(BufferAllocator allocator, String name, List<List<Object>> rows, int c) {
        int n = rows.size();
        switch (ColumnKind.of(rows, c)) {
            case BOOL -> {
                BitVector v = new BitVector(name, allocator);
                v.allocateNew(n);
                for (int r = 0; r < n; r++) {
                    Object x = rows.get(r).get(c);
                    if (x == null) {
                        v.setNull(r);
                    } else {
                        v.set(r, (Boolean) x ? 1 : 0);
                    }
                }
                v.setValueCount(n);
                return v;
            }
            case INT64 -> {
                BigIntVector v = new BigIntVector(name, allocator);
                v.allocateNew(n);
                for (int r = 0; r < n; r++) {
                    Object x = rows.get(r).get(c);
                    if (x == null) {
                        v.setNull(r);
                    } else {
                        v.set(r, ((Number) x).longValue());
                    }
                }
                v.setValueCount(n);
                return v;
            }
            case DOUBLE -> {
                Float8Vector v = new Float8Vector(name, allocator);
                v.allocateNew(n);
                for (int r = 0; r < n; r++) {
                    Object x = rows.get(r).get(c);
                    if (x == null) {
                        v.setNull(r);
                    } else {
                        v.set(r, ((Number) x).doubleValue());
                    }
                }
                v.setValueCount(n);
                return v;
            }
            default -> {
                VarCharVector v = new VarCharVector(name, allocator);
                v.allocateNew(n);
                for (int r = 0; r < n; r++) {
                    Object x = rows.get(r).get(c);
                    if (x == null) {
                        v.setNull(r);
                    } else {
                        v.setSafe(r, ColumnKind.text(x).getBytes(StandardCharsets.UTF_8));
                    }
                }
                v.setValueCount(n);
                return v;
            }
        }
    }
}
