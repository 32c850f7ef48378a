package io.grapholap.rest.udf.output;

import io.grapholap.application.udf.TableEncoder;
import io.grapholap.domain.error.ValidationException;
import io.grapholap.domain.udf.OutputFormat;
import io.grapholap.rest.web.ColumnKind;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A small Parquet writer without Hadoop: one row group, one uncompressed PLAIN data page (v1) per
 * column, every column OPTIONAL (definition levels in the RLE hybrid encoding), types from
 * {@link ColumnKind}: BOOLEAN, INT64, DOUBLE, or BYTE_ARRAY annotated as a UTF-8 string. The page
 * headers and the footer are Thrift compact structs as the Parquet format specifies.
 */
public final class ParquetTableEncoder implements TableEncoder {

    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);
    private static final int BOOLEAN = 0;
    private static final int INT64 = 2;
    private static final int DOUBLE = 5;
    private static final int BYTE_ARRAY = 6;
    private static final int PLAIN = 0;
    private static final int RLE = 3;
    private static final int OPTIONAL = 1;
    private static final int UTF8 = 0;

    @Override
    public OutputFormat format() {
        return OutputFormat.PARQUET;
    }

    @Override
    public String contentType() {
        return "application/vnd.apache.parquet";
    }

    private record Chunk(int type, String name, long offset, long size, int values) {
    }

    @Override
    public byte[] encode(List<String> columns, List<List<Object>> rows, long maxBytes) {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(MAGIC);
        List<Chunk> chunks = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            ColumnKind kind = ColumnKind.of(rows, c);
            byte[] levels = definitionLevels(rows, c);
            byte[] values = plainValues(rows, c, kind);
            int pageSize = 4 + levels.length + values.length;
            byte[] header = new ThriftCompact().beginStruct()
                    .i32(1, 0)
                    .i32(2, pageSize)
                    .i32(3, pageSize)
                    .struct(5).i32(1, rows.size()).i32(2, PLAIN).i32(3, RLE).i32(4, RLE).endStruct()
                    .endStruct().bytes();
            long offset = file.size();
            file.writeBytes(header);
            file.writeBytes(le32(levels.length));
            file.writeBytes(levels);
            file.writeBytes(values);
            chunks.add(new Chunk(physical(kind), columns.get(c), offset, file.size() - offset, rows.size()));
            if (file.size() > maxBytes) {
                throw new ValidationException("output", "the output is larger than the limit of " + maxBytes + " bytes");
            }
        }
        byte[] footer = footer(chunks, columns, rows, file.size() - MAGIC.length);
        file.writeBytes(footer);
        file.writeBytes(le32(footer.length));
        file.writeBytes(MAGIC);
        if (file.size() > maxBytes) {
            throw new ValidationException("output", "the output is larger than the limit of " + maxBytes + " bytes");
        }
        return file.toByteArray();
    }

    private static byte[] footer(List<Chunk> chunks, List<String> columns, List<List<Object>> rows, long dataBytes) {
        ThriftCompact t = new ThriftCompact().beginStruct();
        t.i32(1, 1);
        t.list(2, ThriftCompact.STRUCT, columns.size() + 1);
        t.beginStruct().string(4, "schema").i32(5, columns.size()).endStruct();
        for (Chunk chunk : chunks) {
            t.beginStruct().i32(1, chunk.type()).i32(3, OPTIONAL).string(4, chunk.name());
            if (chunk.type() == BYTE_ARRAY) {
                t.i32(6, UTF8);
                t.struct(10).struct(1).endStruct().endStruct();
            }
            t.endStruct();
        }
        t.i64(3, rows.size());
        t.list(4, ThriftCompact.STRUCT, 1);
        t.beginStruct();
        t.list(1, ThriftCompact.STRUCT, chunks.size());
        for (Chunk chunk : chunks) {
            t.beginStruct().i64(2, chunk.offset());
            t.struct(3).i32(1, chunk.type());
            t.list(2, ThriftCompact.I32, 2);
            t.i32Value(PLAIN);
            t.i32Value(RLE);
            t.list(3, ThriftCompact.BINARY, 1);
            t.stringValue(chunk.name());
            t.i32(4, 0).i64(5, chunk.values()).i64(6, chunk.size()).i64(7, chunk.size()).i64(9, chunk.offset());
            t.endStruct();
            t.endStruct();
        }
        t.i64(2, dataBytes).i64(3, rows.size());
        t.endStruct();
        t.string(6, "grapholap");
        t.endStruct();
        return t.bytes();
    }

    private static int physical(ColumnKind kind) {
        return switch (kind) {
            case BOOL -> BOOLEAN;
            case INT64 -> INT64;
            case DOUBLE -> DOUBLE;
            case STRING -> BYTE_ARRAY;
        };
    }

    /** Definition levels (1 = present, 0 = null) as RLE runs of the hybrid encoding, bit width 1. */
    private static byte[] definitionLevels(List<List<Object>> rows, int column) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < rows.size()) {
            int level = rows.get(i).get(column) == null ? 0 : 1;
            int run = 1;
            while (i + run < rows.size() && (rows.get(i + run).get(column) == null ? 0 : 1) == level) {
                run++;
            }
            long header = (long) run << 1;
            while ((header & ~0x7FL) != 0) {
                out.write((int) ((header & 0x7F) | 0x80));
                header >>>= 7;
            }
            out.write((int) header);
            out.write(level);
            i += run;
        }
        return out.toByteArray();
    }

    private static byte[] plainValues(List<List<Object>> rows, int column, ColumnKind kind) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int bits = 0;
        int current = 0;
        for (List<Object> row : rows) {
            Object v = row.get(column);
            if (v == null) {
                continue;
            }
            switch (kind) {
                case BOOL -> {
                    if ((Boolean) v) {
                        current |= 1 << bits;
                    }
                    if (++bits == 8) {
                        out.write(current);
                        bits = 0;
                        current = 0;
                    }
                }
                case INT64 -> out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(((Number) v).longValue()).array());
                case DOUBLE -> out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)
                        .putDouble(((Number) v).doubleValue()).array());
                case STRING -> {
                    byte[] b = ColumnKind.text(v).getBytes(StandardCharsets.UTF_8);
                    out.writeBytes(le32(b.length));
                    out.writeBytes(b);
                }
            }
        }
        if (bits > 0) {
            out.write(current);
        }
        return out.toByteArray();
    }

    private static byte[] le32(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }
}
