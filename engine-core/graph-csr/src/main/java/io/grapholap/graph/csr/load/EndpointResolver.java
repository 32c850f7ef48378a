package io.grapholap.graph.csr.load;

import io.grapholap.application.graph.ValueType;
import io.grapholap.domain.error.SnapshotCorruptException;
import io.grapholap.graph.csr.VertexKeys;
import io.grapholap.graph.csr.VertexLabel;
import io.grapholap.snapshot.arrow.ArrowTypes;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Maps one edge-table key column to dense vertex ids of its endpoint label, a batch at a time.
 * Integer keys take a primitive path (identity: a range check; otherwise the primitive hash map);
 * other keys are read as objects. An unknown or null key is a {@link SnapshotCorruptException}
 * naming the edge file, the row and the key.
 */
final class EndpointResolver {

    private final String file;
    private final String column;
    private final ValueType keyType;
    private final VertexLabel label;

    EndpointResolver(String file, String column, ValueType keyType, VertexLabel label) {
        this.file = file;
        this.column = column;
        this.keyType = keyType;
        this.label = label;
    }

    /**
     * Fills {@code out[0..count)} with the dense ids of the keys in {@code vector}, record batch
     * {@code batch} of the file whose first row is {@code firstRow} ({@code -1} when not known yet;
     * errors then give the row within the batch).
     */
    void resolve(FieldVector vector, int count, int batch, long firstRow, int[] out) {
        if (vector.getNullCount() > 0) {
            for (int i = 0; i < count; i++) {
                if (vector.isNull(i)) {
                    throw new SnapshotCorruptException(file, where(batch, firstRow, i) + " has a null " + column,
                            Map.of("row", where(batch, firstRow, i), "column", column), null);
                }
            }
        }
        int start = label.start();
        VertexKeys keys = label.keys();
        boolean longBacked = keyType.isLongBacked();
        if (longBacked || keyType.isIntBacked()) {
            ArrowBuf data = vector.getDataBuffer();
            if (keys instanceof VertexKeys.Identity identity) {
                long size = identity.size();
                for (int i = 0; i < count; i++) {
                    long k = longBacked ? data.getLong(8L * i) : data.getInt(4L * i);
                    if (k < 0 || k >= size) {
                        throw unknown(batch, firstRow, i, k);
                    }
                    out[i] = start + (int) k;
                }
                return;
            }
            if (keys instanceof VertexKeys.Longs l) {
                for (int i = 0; i < count; i++) {
                    long k = longBacked ? data.getLong(8L * i) : data.getInt(4L * i);
                    int local = l.localId(k);
                    if (local < 0) {
                        throw unknown(batch, firstRow, i, k);
                    }
                    out[i] = start + local;
                }
                return;
            }
        }
        for (int i = 0; i < count; i++) {
            Object k = objectKey(vector, i);
            int local = keys.localId(k);
            if (local < 0) {
                throw unknown(batch, firstRow, i, k);
            }
            out[i] = start + local;
        }
    }

    /** Whether the label's keys allow {@link #resolve(MemorySegment, long, int, int, int, long, int[])}. */
    boolean readsInPlace() {
        return label.keys() instanceof VertexKeys.Identity || label.keys() instanceof VertexKeys.Longs;
    }

    /**
     * Fills {@code out[0..count)} with the dense ids of {@code count} integer keys of {@code width}
     * bytes (8 or 4, little-endian) at {@code offset} in {@code keys}, a column of a memory-mapped
     * file without nulls (see {@link MappedEndpoints}); errors are reported as by the other overload.
     * Only for labels whose keys are {@link VertexKeys.Identity} or {@link VertexKeys.Longs}
     * ({@link #readsInPlace()}).
     */
    void resolve(MemorySegment keys, long offset, int width, int count, int batch, long firstRow, int[] out) {
        int start = label.start();
        VertexKeys vertexKeys = label.keys();
        if (vertexKeys instanceof VertexKeys.Identity identity) {
            long size = identity.size();
            if (width == 8) {
                for (int i = 0; i < count; i++) {
                    long k = keys.get(MappedEndpoints.LONG, offset + 8L * i);
                    if (k < 0 || k >= size) {
                        throw unknown(batch, firstRow, i, k);
                    }
                    out[i] = start + (int) k;
                }
            } else {
                for (int i = 0; i < count; i++) {
                    int k = keys.get(MappedEndpoints.INT, offset + 4L * i);
                    if (k < 0 || k >= size) {
                        throw unknown(batch, firstRow, i, k);
                    }
                    out[i] = start + k;
                }
            }
            return;
        }
        VertexKeys.Longs longs = (VertexKeys.Longs) vertexKeys;
        for (int i = 0; i < count; i++) {
            long k = width == 8 ? keys.get(MappedEndpoints.LONG, offset + 8L * i) : keys.get(MappedEndpoints.INT, offset + 4L * i);
            int local = longs.localId(k);
            if (local < 0) {
                throw unknown(batch, firstRow, i, k);
            }
            out[i] = start + local;
        }
    }

    private Object objectKey(FieldVector vector, int i) {
        return switch (keyType) {
            case STRING -> new String(((VarCharVector) vector).get(i), StandardCharsets.UTF_8);
            case UUID -> {
                byte[] b = ((FixedSizeBinaryVector) vector).get(i);
                UUID u = ArrowTypes.uuid(b);
                yield u;
            }
            default -> vector.getObject(i);
        };
    }

    private static String where(int batch, long firstRow, int i) {
        return firstRow >= 0 ? "edge row " + (firstRow + i) : "row " + i + " of record batch " + batch;
    }

    private SnapshotCorruptException unknown(int batch, long firstRow, int i, Object key) {
        return new SnapshotCorruptException(file, where(batch, firstRow, i) + ": " + column + " " + key + " is not a vertex of label "
                + label.name(), Map.of("row", where(batch, firstRow, i), "column", column, "key", String.valueOf(key), "label", label.name()),
                null);
    }
}
