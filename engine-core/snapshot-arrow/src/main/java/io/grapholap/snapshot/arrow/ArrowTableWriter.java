package io.grapholap.snapshot.arrow;

import io.grapholap.application.graph.ValueType;
import io.grapholap.application.graph.snapshot.ColumnSpec;
import io.grapholap.application.graph.snapshot.TableWriter;
import io.grapholap.domain.error.ValidationException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Streams rows into one Arrow IPC file, one record batch per {@code batchRows} rows, hashing the
 * bytes with SHA-256 as they are written. The first {@code keyColumns} columns are keys and must
 * not be null. Memory is one batch of vectors, whatever the row count.
 */
final class ArrowTableWriter implements TableWriter {

    /** What a closed table reports to its snapshot writer. */
    record Written(String file, long rows, long bytes, String sha256, long[] nullCounts, boolean keyIdentity) {
    }

    private final String fileName;
    private final String tableName;
    private final List<ColumnSpec> columns;
    private final int keyColumns;
    private final int batchRows;
    private final BufferAllocator allocator;
    private final VectorSchemaRoot root;
    private final FieldVector[] vectors;
    private final FileChannel channel;
    private final MessageDigest digest;
    private final ArrowFileWriter writer;
    private final Consumer<Written> onClose;
    private final long[] nullCounts;
    private boolean keyIdentity;
    private int pending;
    private long rows;
    private boolean closed;

    ArrowTableWriter(BufferAllocator parent, Path file, String tableName, List<ColumnSpec> columns, int keyColumns,
                     int batchRows, Consumer<Written> onClose) {
        this.fileName = file.getFileName().toString();
        this.tableName = tableName;
        this.columns = List.copyOf(columns);
        this.keyColumns = keyColumns;
        this.batchRows = batchRows;
        this.onClose = onClose;
        this.nullCounts = new long[columns.size()];
        ValueType keyType = columns.getFirst().type();
        this.keyIdentity = keyColumns == 1 && (keyType == ValueType.INT64 || keyType == ValueType.INT32);
        List<Field> fields = new ArrayList<>();
        var names = new java.util.HashSet<String>();
        for (int i = 0; i < columns.size(); i++) {
            ColumnSpec c = columns.get(i);
            if (!names.add(c.name())) {
                throw new ValidationException(c.name(), "table " + tableName + " has two columns named " + c.name());
            }
            fields.add(ArrowTypes.field(c.name(), c.type(), i >= keyColumns));
        }
        this.allocator = parent.newChildAllocator("table-" + fileName, 0, Long.MAX_VALUE);
        VectorSchemaRoot r = null;
        FileChannel ch = null;
        try {
            r = VectorSchemaRoot.create(new Schema(fields), allocator);
            r.allocateNew();
            ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            this.digest = MessageDigest.getInstance("SHA-256");
            OutputStream out = new DigestOutputStream(Channels.newOutputStream(ch), digest);
            this.writer = new ArrowFileWriter(r, null, Channels.newChannel(out));
            this.writer.start();
        } catch (IOException | NoSuchAlgorithmException | RuntimeException e) {
            if (r != null) {
                r.close();
            }
            closeQuietly(ch);
            allocator.close();
            if (e instanceof RuntimeException re) {
                throw re;
            }
            throw new UncheckedIOException(new IOException("cannot create " + file + ": " + e.getMessage(), e));
        }
        this.root = r;
        this.channel = ch;
        this.vectors = root.getFieldVectors().toArray(new FieldVector[0]);
    }

    @Override
    public void append(Object... row) {
        if (closed) {
            throw new IllegalStateException("table " + tableName + " is closed");
        }
        if (row.length != columns.size()) {
            throw new ValidationException("row", "table " + tableName + " expects " + columns.size() + " values per row, got "
                    + row.length);
        }
        for (int i = 0; i < row.length; i++) {
            ColumnSpec c = columns.get(i);
            Object value = ArrowTypes.coerce(c.name(), c.type(), row[i]);
            if (value == null) {
                if (i < keyColumns) {
                    throw new ValidationException(c.name(), "table " + tableName + ": key column " + c.name()
                            + " is null at row " + rows);
                }
                nullCounts[i]++;
            }
            if (i == 0 && keyIdentity) {
                keyIdentity = ((Number) value).longValue() == rows;
            }
            ArrowTypes.set(vectors[i], c.type(), pending, value);
        }
        pending++;
        rows++;
        if (pending == batchRows) {
            flush();
        }
    }

    private void flush() {
        root.setRowCount(pending);
        try {
            writer.writeBatch();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + fileName, e);
        }
        for (FieldVector v : vectors) {
            v.reset();
        }
        pending = 0;
    }

    @Override
    public long rowCount() {
        return rows;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (pending > 0) {
                flush();
            }
            writer.end();
            channel.force(true);
            long bytes = channel.size();
            writer.close();
            onClose.accept(new Written(fileName, rows, bytes, HexFormat.of().formatHex(digest.digest()), nullCounts,
                    keyIdentity));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish " + fileName, e);
        } finally {
            root.close();
            closeQuietly(channel);
            allocator.close();
        }
    }

    /** Closes without reporting the table (the snapshot is being discarded). */
    void abandon() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            writer.close();
        } catch (RuntimeException ignored) {
            // the file is deleted with the temporary directory
        }
        root.close();
        closeQuietly(channel);
        allocator.close();
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // nothing left to do with a channel we are abandoning
            }
        }
    }
}
