package io.grapholap.graph.csr.load;

import io.grapholap.application.graph.ValueType;
import io.grapholap.domain.error.SnapshotCorruptException;
import io.grapholap.snapshot.arrow.SnapshotManifest;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.apache.arrow.flatbuf.FieldNode;
import org.apache.arrow.flatbuf.Message;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.flatbuf.RecordBatch;
import org.apache.arrow.vector.ipc.message.ArrowBlock;

/**
 * The two endpoint key columns of an edge file, read in place from the memory-mapped Arrow IPC file
 * instead of being copied batch by batch into Arrow vectors. Only the plainest files qualify: exactly
 * the two key columns (no properties), both of a fixed-width integer type, every record batch
 * uncompressed and free of nulls. {@link #map} answers {@code null} for any other file, which is then
 * read through Arrow as before (and a null key is reported there).
 *
 * <p>Every offset and length taken from the file is checked against the file before use, so a
 * corrupt or truncated file is a {@link SnapshotCorruptException} naming it, never a crash. The
 * schema and the footer have already been checked by {@link SnapshotFiles#open}.
 */
final class MappedEndpoints {

    static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    /** Marks the start of a message's metadata in the current IPC format. */
    private static final int CONTINUATION = 0xFFFFFFFF;

    private final MemorySegment file;
    private final int[] rows;
    private final long[] from;
    private final long[] to;
    private final int fromWidth;
    private final int toWidth;

    private MappedEndpoints(MemorySegment file, int[] rows, long[] from, long[] to, int fromWidth, int toWidth) {
        this.file = file;
        this.rows = rows;
        this.from = from;
        this.to = to;
        this.fromWidth = fromWidth;
        this.toWidth = toWidth;
    }

    /** Whether an edge table's layout can be read in place: two integer key columns and nothing else. */
    static boolean eligible(SnapshotManifest.EdgeTable table) {
        return table.properties().isEmpty() && width(table.fromKey().type()) > 0 && width(table.toKey().type()) > 0;
    }

    private static int width(ValueType type) {
        return type.isLongBacked() ? 8 : type.isIntBacked() ? 4 : 0;
    }

    /**
     * Maps {@code file} (in {@code arena}, which the caller closes once every reader is done) and
     * locates the key columns of each of its record {@code blocks}; {@code null} when some batch is
     * compressed or has a null key.
     */
    static MappedEndpoints map(Path dir, SnapshotManifest.EdgeTable table, List<ArrowBlock> blocks, Arena arena) {
        String name = table.file().file();
        MemorySegment segment;
        try (FileChannel ch = FileChannel.open(dir.resolve(name), StandardOpenOption.READ)) {
            segment = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size(), arena);
        } catch (IOException e) {
            throw new SnapshotCorruptException(name, "cannot be read: " + e.getMessage(), Map.of(), e);
        }
        int fromWidth = width(table.fromKey().type());
        int toWidth = width(table.toKey().type());
        int[] rows = new int[blocks.size()];
        long[] from = new long[blocks.size()];
        long[] to = new long[blocks.size()];
        Message message = new Message();
        RecordBatch batch = new RecordBatch();
        FieldNode node = new FieldNode();
        for (int b = 0; b < blocks.size(); b++) {
            ArrowBlock block = blocks.get(b);
            try {
                if (!readBatch(segment, block, message, batch)) {
                    return null;
                }
                long length = batch.length();
                if (length < 0 || length > Integer.MAX_VALUE) {
                    throw corrupt(name, b, "has " + length + " rows");
                }
                if (batch.nodesLength() != 2 || batch.buffersLength() != 4) {
                    throw corrupt(name, b, "has " + batch.nodesLength() + " columns and " + batch.buffersLength()
                            + " buffers, expected 2 and 4");
                }
                for (int c = 0; c < 2; c++) {
                    batch.nodes(node, c);
                    if (node.length() != length) {
                        throw corrupt(name, b, "column " + c + " has " + node.length() + " rows, the batch " + length);
                    }
                    if (node.nullCount() != 0) {
                        return null;
                    }
                }
                rows[b] = (int) length;
                long body = block.getOffset() + block.getMetadataLength();
                from[b] = body + buffer(name, b, batch, 1, block.getBodyLength(), length * fromWidth);
                to[b] = body + buffer(name, b, batch, 3, block.getBodyLength(), length * toWidth);
            } catch (IndexOutOfBoundsException | IllegalArgumentException | IllegalStateException e) {
                throw corrupt(name, b, "cannot be read: " + e.getMessage());
            }
        }
        return new MappedEndpoints(segment, rows, from, to, fromWidth, toWidth);
    }

    /**
     * Reads the metadata of one record batch into {@code batch}; {@code false} when the batch is
     * compressed. Block and metadata bounds are checked against the file.
     */
    private static boolean readBatch(MemorySegment segment, ArrowBlock block, Message message, RecordBatch batch) {
        long offset = block.getOffset();
        long metadataLength = block.getMetadataLength();
        long size = segment.byteSize();
        if (offset < 0 || metadataLength < 8 || block.getBodyLength() < 0
                || offset + metadataLength + block.getBodyLength() > size) {
            throw new IllegalStateException("record batch at offset " + offset + " runs past the end of the file ("
                    + size + " bytes)");
        }
        int prefix = segment.get(INT, offset);
        long start = offset + 4;
        if (prefix == CONTINUATION) {
            prefix = segment.get(INT, offset + 4);
            start = offset + 8;
        }
        if (prefix <= 0 || start + prefix > offset + metadataLength) {
            throw new IllegalStateException("record batch at offset " + offset + " has metadata of " + prefix + " bytes");
        }
        ByteBuffer metadata = segment.asSlice(start, prefix).asByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        Message.getRootAsMessage(metadata, message);
        if (message.headerType() != MessageHeader.RecordBatch) {
            throw new IllegalStateException("block at offset " + offset + " is not a record batch");
        }
        if (message.header(batch) == null) {
            throw new IllegalStateException("record batch at offset " + offset + " has no header");
        }
        return batch.compression() == null;
    }

    /** Offset within the body of data buffer {@code index}, checked to hold {@code bytes} inside the body. */
    private static long buffer(String name, int b, RecordBatch batch, int index, long bodyLength, long bytes) {
        var buffer = batch.buffers(index);
        long offset = buffer.offset();
        long length = buffer.length();
        if (offset < 0 || length < bytes || offset + length > bodyLength) {
            throw corrupt(name, b, "buffer " + index + " (offset " + offset + ", " + length + " bytes) does not hold "
                    + bytes + " bytes within a body of " + bodyLength);
        }
        return offset;
    }

    private static SnapshotCorruptException corrupt(String name, int batch, String what) {
        return new SnapshotCorruptException(name, "is corrupt: record batch " + batch + " " + what,
                Map.of("record_batch", batch), null);
    }

    MemorySegment segment() {
        return file;
    }

    int rows(int batch) {
        return rows[batch];
    }

    /** Byte offset in the file of batch {@code batch}'s source keys. */
    long fromOffset(int batch) {
        return from[batch];
    }

    /** Byte offset in the file of batch {@code batch}'s target keys. */
    long toOffset(int batch) {
        return to[batch];
    }

    int fromWidth() {
        return fromWidth;
    }

    int toWidth() {
        return toWidth;
    }
}
