package io.grapholap.snapshot.arrow;

import io.grapholap.application.dataset.ArrowStreamDecoder;
import io.grapholap.application.dataset.UploadedTable;
import io.grapholap.application.graph.ValueType;
import io.grapholap.application.graph.snapshot.ColumnSpec;
import io.grapholap.domain.error.ValidationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.flatbuf.Message;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ReadChannel;
import org.apache.arrow.vector.ipc.message.MessageChannelReader;
import org.apache.arrow.vector.ipc.message.MessageResult;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.ValueVectorUtility;

/**
 * Decodes an uploaded Arrow IPC stream into rows, in a child allocator per upload (closed before
 * returning, so nothing stays off-heap). Column types map back as in {@link ArrowValues#typeOf}.
 * <p>
 * The stream is untrusted: every length it declares is held to the size of the upload before
 * anything is allocated. Each message's metadata and body lengths must fit in the bytes that remain
 * (Arrow allocates the metadata on the heap, outside any allocator); Arrow buffers come from a child
 * allocator limited to what a well-formed stream of that size can need, so a batch claiming more rows
 * than it holds fails its allocation; and each loaded batch passes Arrow's own full validation before
 * a value is read. Any of these ends in a 400 on {@code body}, never in a large allocation.
 */
public final class ArrowStreamTables implements ArrowStreamDecoder {

    /** Arrow allocations beyond the body: validity bitmaps the reader fills in for columns sent without one, and small vectors. */
    private static final long ALLOCATION_SLACK = 1 << 20;

    private final BufferAllocator allocator;

    public ArrowStreamTables(BufferAllocator allocator) {
        this.allocator = allocator;
    }

    @Override
    public UploadedTable decode(InputStream stream, int maxRows) {
        byte[] body = readAll(stream);
        long limit = 2L * body.length + ALLOCATION_SLACK;
        try (BufferAllocator child = allocator.newChildAllocator("arrow-upload", 0, limit);
             BoundedStreamReader reader = new BoundedStreamReader(new BoundedMessageReader(body, child), child)) {
            VectorSchemaRoot root;
            try {
                root = reader.getVectorSchemaRoot();
            } catch (ValidationException e) {
                throw e;
            } catch (IOException | RuntimeException | StackOverflowError e) {
                throw new ValidationException("body", "the body is not an Arrow IPC stream: " + reason(e));
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
            while (loadNext(reader, root)) {
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

    private static byte[] readAll(InputStream stream) {
        try {
            return stream.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the upload", e);
        }
    }

    /** The next batch, loaded and validated; false at the end of the stream. */
    private static boolean loadNext(BoundedStreamReader reader, VectorSchemaRoot root) {
        try {
            if (!reader.loadNextBatch()) {
                return false;
            }
            ValueVectorUtility.validateFull(root);
            return true;
        } catch (ValidationException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ValidationException("body", "the Arrow IPC stream is broken: " + reason(e));
        }
    }

    private static String reason(Throwable e) {
        return e instanceof StackOverflowError ? "its schema nests too deeply" : e.getMessage();
    }

    /** A stream reader that refuses a schema of more than {@link UploadedTable#MAX_COLUMNS} columns before making its vectors. */
    private static final class BoundedStreamReader extends ArrowStreamReader {

        BoundedStreamReader(MessageChannelReader messages, BufferAllocator allocator) {
            super(messages, allocator);
        }

        @Override
        protected Schema readSchema() throws IOException {
            Schema schema = super.readSchema();
            if (schema.getFields().size() > UploadedTable.MAX_COLUMNS) {
                throw new ValidationException("body", "the Arrow schema has " + schema.getFields().size()
                        + " columns; a table takes at most " + UploadedTable.MAX_COLUMNS,
                        Map.of("max_columns", UploadedTable.MAX_COLUMNS));
            }
            return schema;
        }
    }

    /**
     * Reads encapsulated messages ({@code [0xFFFFFFFF] <int32 metadata length> <metadata> <body>}),
     * each after checking that its declared metadata length and body length fit in what remains of
     * the upload (read with Arrow's own flatbuffer accessor): Arrow would otherwise allocate the
     * metadata on the heap before noticing it is missing, and keep a body buffer it failed to fill.
     */
    private static final class BoundedMessageReader extends MessageChannelReader {

        private final byte[] body;
        private final ByteArrayInputStream remaining;

        BoundedMessageReader(byte[] body, BufferAllocator allocator) {
            this(body, new ByteArrayInputStream(body), allocator);
        }

        private BoundedMessageReader(byte[] body, ByteArrayInputStream remaining, BufferAllocator allocator) {
            super(new ReadChannel(Channels.newChannel(remaining)), allocator);
            this.body = body;
            this.remaining = remaining;
        }

        @Override
        public MessageResult readNext() throws IOException {
            int at = body.length - remaining.available();
            if (body.length - at >= 4) {
                ByteBuffer le = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
                int length = le.getInt(at);
                int prefix = 4;
                if (length == -1 && body.length - at >= 8) {
                    length = le.getInt(at + 4);
                    prefix = 8;
                }
                long follows = (long) body.length - at - prefix;
                if (length != -1 && length != 0) {
                    if (length < 0 || length > follows) {
                        throw new ValidationException("body", "the Arrow IPC stream declares a message of "
                                + Integer.toUnsignedLong(length) + " bytes where " + Math.max(0, follows) + " bytes of the body remain");
                    }
                    long bodyLength = Message.getRootAsMessage(ByteBuffer.wrap(body, at + prefix, length)).bodyLength();
                    if (bodyLength < 0 || bodyLength > follows - length) {
                        throw new ValidationException("body", "the Arrow IPC stream declares a message body of " + bodyLength
                                + " bytes where " + (follows - length) + " bytes of the body remain");
                    }
                }
            }
            return super.readNext();
        }
    }
}
