package io.grapholap.rest.web;

import io.grapholap.domain.error.ValidationException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Writes a table of plain values (query results, UDF outputs) as an Arrow IPC stream: Int64,
 * Float64, Bool or UTF-8 columns, typed by {@link ColumnKind} and all nullable, in batches of at
 * most 10,000 rows. Buffers come from a child of the given allocator, closed when the table is
 * written, so a leak shows.
 */
public final class ArrowTables {

    private static final int BATCH_ROWS = 10_000;

    private ArrowTables() {
    }

    /**
     * The stream of {@code rows} under {@code columns}; an answer (or its buffers) over
     * {@code maxBytes} is a {@link ValidationException} on {@code output}.
     */
    public static byte[] write(BufferAllocator parent, String name, List<String> columns, List<List<Object>> rows,
                               long maxBytes) {
        List<Field> fields = new ArrayList<>();
        List<ColumnKind> kinds = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            ColumnKind kind = ColumnKind.of(rows, c);
            kinds.add(kind);
            fields.add(new Field(columns.get(c), FieldType.nullable(arrowType(kind)), null));
        }
        long bufferLimit = maxBytes >= Long.MAX_VALUE / 2 ? Long.MAX_VALUE : Math.max(maxBytes * 2, 1 << 20);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BufferAllocator allocator = parent.newChildAllocator(name, 0, bufferLimit);
             VectorSchemaRoot root = VectorSchemaRoot.create(new Schema(fields), allocator);
             ArrowStreamWriter writer = new ArrowStreamWriter(root, null, Channels.newChannel(out))) {
            writer.start();
            int from = 0;
            do {
                int n = Math.min(BATCH_ROWS, rows.size() - from);
                root.allocateNew();
                for (int c = 0; c < columns.size(); c++) {
                    fill(root.getVector(c), kinds.get(c), rows, from, n, c);
                }
                root.setRowCount(n);
                writer.writeBatch();
                from += n;
                if (out.size() > maxBytes) {
                    throw tooLarge(maxBytes);
                }
            } while (from < rows.size());
            writer.end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Arrow output", e);
        } catch (OutOfMemoryException e) {
            throw tooLarge(maxBytes);
        }
        if (out.size() > maxBytes) {
            throw tooLarge(maxBytes);
        }
        return out.toByteArray();
    }

    private static ValidationException tooLarge(long maxBytes) {
        return new ValidationException("output", "the output is larger than the limit of " + maxBytes + " bytes");
    }

    private static ArrowType arrowType(ColumnKind kind) {
        return switch (kind) {
            case BOOL -> ArrowType.Bool.INSTANCE;
            case INT64 -> new ArrowType.Int(64, true);
            case DOUBLE -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
            case STRING -> ArrowType.Utf8.INSTANCE;
        };
    }

    private static void fill(FieldVector vector, ColumnKind kind, List<List<Object>> rows, int from, int n, int c) {
        for (int i = 0; i < n; i++) {
            Object v = rows.get(from + i).get(c);
            if (v == null) {
                switch (vector) {
                    case BigIntVector b -> b.setNull(i);
                    case Float8Vector f -> f.setNull(i);
                    case BitVector b -> b.setNull(i);
                    case VarCharVector s -> s.setNull(i);
                    default -> throw new IllegalStateException("unexpected vector " + vector);
                }
                continue;
            }
            switch (kind) {
                case BOOL -> ((BitVector) vector).setSafe(i, (Boolean) v ? 1 : 0);
                case INT64 -> ((BigIntVector) vector).setSafe(i, ((Number) v).longValue());
                case DOUBLE -> ((Float8Vector) vector).setSafe(i, ((Number) v).doubleValue());
                case STRING -> ((VarCharVector) vector).setSafe(i, ColumnKind.text(v).getBytes(StandardCharsets.UTF_8));
            }
        }
        vector.setValueCount(n);
    }
}
