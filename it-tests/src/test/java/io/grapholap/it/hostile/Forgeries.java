package io.grapholap.it.hostile;

import com.google.flatbuffers.FlatBufferBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.flatbuf.Buffer;
import org.apache.arrow.flatbuf.FieldNode;
import org.apache.arrow.flatbuf.Message;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.flatbuf.MetadataVersion;
import org.apache.arrow.flatbuf.RecordBatch;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;

/**
 * Upload bodies whose framing lies: Arrow IPC streams declaring messages, bodies or row counts far
 * beyond their own size, and CSV tables that claim more than they hold. Each is a few bytes to a few
 * hundred kilobytes; a reader that believes them allocates gigabytes or loops for minutes.
 */
final class Forgeries {

    private static final int CONTINUATION = 0xFFFFFFFF;

    private Forgeries() {
    }

    /** The tester's 68 bytes: a continuation marker, then 0x7f7f7f7f (2 139 062 143) as the schema message's length. */
    static byte[] arrowMessageLengthBomb() {
        byte[] out = new byte[68];
        java.util.Arrays.fill(out, 0, 4, (byte) 0xff);
        java.util.Arrays.fill(out, 4, 68, (byte) 0x7f);
        return out;
    }

    /** A valid schema (one int64 column {@code id}), then a record batch whose metadata says its body is {@code bodyLength} bytes. */
    static byte[] arrowBodyLengthBomb(long bodyLength) {
        return withBatch(schemaOnly(), 4, bodyLength, 32);
    }

    /** A valid schema, then a record batch of {@code rows} rows whose buffers point past its 64-byte body. */
    static byte[] arrowRowCountBomb(long rows) {
        return withBatch(schemaOnly(), rows, 64, 64);
    }

    /** A valid one-batch stream cut in the middle of its record batch. */
    static byte[] arrowTruncated() {
        byte[] whole = validStream();
        return java.util.Arrays.copyOf(whole, whole.length - 20);
    }

    /** A header of {@code columns} distinct names and one short row: a quadratic header check takes minutes. */
    static byte[] csvWideHeader(int columns) {
        StringBuilder header = new StringBuilder(columns * 7);
        for (int c = 0; c < columns; c++) {
            header.append(c == 0 ? "" : ",").append('c').append(c);
        }
        return (header + "\n1\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** A quoted cell that never ends, holding the rest of the body. */
    static byte[] csvUnterminatedQuote() {
        return ("k,v\n1,\"" + "x,\n".repeat(10_000)).getBytes(StandardCharsets.US_ASCII);
    }

    /** A key declared INT64 whose cell is 2^63, one past the largest long. */
    static byte[] csvOutOfRangeKey() {
        return "k:INT64,v\n9223372036854775808,a\n".getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] schemaOnly() {
        try (RootAllocator allocator = new RootAllocator();
             BigIntVector id = new BigIntVector("id", allocator);
             VectorSchemaRoot root = VectorSchemaRoot.of(id)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ArrowStreamWriter writer = new ArrowStreamWriter(root, null, out);
            writer.start();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] validStream() {
        try (RootAllocator allocator = new RootAllocator();
             BigIntVector id = new BigIntVector("id", allocator);
             VectorSchemaRoot root = VectorSchemaRoot.of(id)) {
            for (int i = 0; i < 100; i++) {
                id.setSafe(i, i);
            }
            root.setRowCount(100);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ArrowStreamWriter writer = new ArrowStreamWriter(root, null, out)) {
                writer.start();
                writer.writeBatch();
                writer.end();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code prefix} followed by one encapsulated record-batch message for the int64 column: its
     * metadata declares {@code rows} rows and a body of {@code declaredBody} bytes, of which
     * {@code actualBody} zero bytes follow.
     */
    private static byte[] withBatch(byte[] prefix, long rows, long declaredBody, int actualBody) {
        FlatBufferBuilder b = new FlatBufferBuilder();
        RecordBatch.startBuffersVector(b, 2);
        Buffer.createBuffer(b, 8, Math.max(0, declaredBody - 8));
        Buffer.createBuffer(b, 0, 8);
        int buffers = b.endVector();
        RecordBatch.startNodesVector(b, 1);
        FieldNode.createFieldNode(b, rows, 0);
        int nodes = b.endVector();
        int batch = RecordBatch.createRecordBatch(b, rows, nodes, buffers, 0, 0);
        int message = Message.createMessage(b, MetadataVersion.V5, MessageHeader.RecordBatch, batch, declaredBody, 0);
        b.finish(message);
        byte[] metadata = b.sizedByteArray();
        int padded = (metadata.length + 7) / 8 * 8;
        ByteBuffer out = ByteBuffer.allocate(prefix.length + 8 + padded + actualBody).order(ByteOrder.LITTLE_ENDIAN);
        out.put(prefix).putInt(CONTINUATION).putInt(padded).put(metadata);
        return out.array();
    }
}
