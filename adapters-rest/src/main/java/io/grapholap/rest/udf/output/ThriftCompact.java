package io.grapholap.rest.udf.output;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The part of Thrift's compact protocol that Parquet's page headers and footer need: structs with
 * i32, i64, binary, list and nested-struct fields, written in field-id order.
 */
final class ThriftCompact {

    static final int I32 = 5;
    static final int I64 = 6;
    static final int BINARY = 8;
    static final int LIST = 9;
    static final int STRUCT = 12;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Deque<Integer> lastIds = new ArrayDeque<>();
    private int lastId;

    byte[] bytes() {
        return out.toByteArray();
    }

    ThriftCompact field(int id, int type) {
        int delta = id - lastId;
        if (delta > 0 && delta <= 15) {
            out.write((delta << 4) | type);
        } else {
            out.write(type);
            varint(zigzag(id));
        }
        lastId = id;
        return this;
    }

    ThriftCompact i32(int id, int value) {
        field(id, I32);
        varint(zigzag(value));
        return this;
    }

    ThriftCompact i64(int id, long value) {
        field(id, I64);
        varint(zigzag(value));
        return this;
    }

    ThriftCompact string(int id, String value) {
        field(id, BINARY);
        stringValue(value);
        return this;
    }

    void stringValue(String value) {
        byte[] b = value.getBytes(StandardCharsets.UTF_8);
        varint(b.length);
        out.writeBytes(b);
    }

    void i32Value(int value) {
        varint(zigzag(value));
    }

    /** Begins a list field of {@code size} elements of {@code elementType}; write the elements next. */
    ThriftCompact list(int id, int elementType, int size) {
        field(id, LIST);
        if (size < 15) {
            out.write((size << 4) | elementType);
        } else {
            out.write(0xF0 | elementType);
            varint(size);
        }
        return this;
    }

    /** Begins a struct field; end it with {@link #endStruct()}. */
    ThriftCompact struct(int id) {
        field(id, STRUCT);
        return beginStruct();
    }

    /** Begins a struct as a list element or the top-level value. */
    ThriftCompact beginStruct() {
        lastIds.push(lastId);
        lastId = 0;
        return this;
    }

    ThriftCompact endStruct() {
        out.write(0);
        lastId = lastIds.isEmpty() ? 0 : lastIds.pop();
        return this;
    }

    private void varint(long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    private static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }
}
