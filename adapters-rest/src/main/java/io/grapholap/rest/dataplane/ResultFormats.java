package io.grapholap.rest.dataplane;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
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
 * Writes a table of JSON-like values (a query result) as CSV or as an Arrow IPC stream. Rows are
 * already bounded by the row limit, so the body is built in memory. Arrow column types are taken
 * from the values: all integers → Int64, all numbers → Float64, all booleans → Bool, otherwise
 * UTF-8 text (lists and maps as JSON). CSV follows RFC 4180 with a header row; lists and maps are
 * JSON text, null is an empty field.
 */
@Singleton
final class ResultFormats {

    static final String ARROW_STREAM = "application/vnd.apache.arrow.stream";
    static final String CSV = "text/csv";
    private static final int BATCH_ROWS = 10_000;

    /** The formats a query answers in, in the order a wildcard picks them. */
    enum Format {
        JSON(MediaType.APPLICATION_JSON), CSV(ResultFormats.CSV), ARROW(ARROW_STREAM);

        final String mediaType;

        Format(String mediaType) {
            this.mediaType = mediaType;
        }
    }

    private final BufferAllocator allocator;
    private final JsonMapper json;

    ResultFormats(BufferAllocator allocator, JsonMapper json) {
        this.allocator = allocator;
        this.json = json;
    }

    /**
     * The format an {@code Accept} header asks for: the first of its media types (by order, quality
     * ignored) that we write; absent or wildcard means JSON; none we write is a 406.
     */
    static Format negotiate(String accept) {
        if (accept == null || accept.isBlank()) {
            return Format.JSON;
        }
        for (String part : accept.split(",")) {
            String type = part.split(";")[0].trim().toLowerCase(Locale.ROOT);
            switch (type) {
                case "*/*", "application/*", MediaType.APPLICATION_JSON -> {
                    return Format.JSON;
                }
                case CSV, "text/*" -> {
                    return Format.CSV;
                }
                case ARROW_STREAM -> {
                    return Format.ARROW;
                }
                default -> {
                    // try the next one
                }
            }
        }
        return null;
    }

    static MutableHttpResponse<Object> notAcceptable(String accept) {
        return HttpResponse.status(HttpStatus.NOT_ACCEPTABLE).contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(io.grapholap.rest.error.ErrorEnvelope.of("NOT_ACCEPTABLE", "cannot answer with '" + accept
                        + "'; this route writes application/json, text/csv or " + ARROW_STREAM,
                        Map.of("accept", accept, "supported", List.of(MediaType.APPLICATION_JSON, CSV, ARROW_STREAM))));
    }

    byte[] csv(List<String> columns, List<List<Object>> rows) {
        StringBuilder sb = new StringBuilder();
        line(sb, new ArrayList<>(columns));
        for (List<Object> row : rows) {
            line(sb, row);
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void line(StringBuilder sb, List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            Object v = values.get(i);
            if (v == null) {
                continue;
            }
            String text = v instanceof String s ? s : v instanceof Number || v instanceof Boolean ? v.toString() : toJson(v);
            if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
                sb.append('"').append(text.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(text);
            }
        }
        sb.append("\r\n");
    }

    private String toJson(Object v) {
        try {
            return json.writeValueAsString(v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private enum Kind { INT, FLOAT, BOOL, TEXT }

    byte[] arrow(List<String> columns, List<List<Object>> rows) {
        List<Field> fields = new ArrayList<>();
        List<Kind> kinds = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            Kind kind = kindOf(rows, c);
            kinds.add(kind);
            ArrowType type = switch (kind) {
                case INT -> new ArrowType.Int(64, true);
                case FLOAT -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
                case BOOL -> ArrowType.Bool.INSTANCE;
                case TEXT -> ArrowType.Utf8.INSTANCE;
            };
            fields.add(new Field(columns.get(c), FieldType.nullable(type), null));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BufferAllocator child = allocator.newChildAllocator("query-result-arrow", 0, Long.MAX_VALUE);
             VectorSchemaRoot root = VectorSchemaRoot.create(new Schema(fields), child);
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
            } while (from < rows.size());
            writer.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static Kind kindOf(List<List<Object>> rows, int c) {
        boolean ints = true;
        boolean numbers = true;
        boolean bools = true;
        for (List<Object> row : rows) {
            Object v = row.get(c);
            if (v == null) {
                continue;
            }
            boolean integral = v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte;
            ints &= integral;
            numbers &= integral || v instanceof Double || v instanceof Float;
            bools &= v instanceof Boolean;
        }
        return ints ? Kind.INT : numbers ? Kind.FLOAT : bools ? Kind.BOOL : Kind.TEXT;
    }

    private void fill(FieldVector vector, Kind kind, List<List<Object>> rows, int from, int n, int c) {
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
                case INT -> ((BigIntVector) vector).setSafe(i, ((Number) v).longValue());
                case FLOAT -> ((Float8Vector) vector).setSafe(i, ((Number) v).doubleValue());
                case BOOL -> ((BitVector) vector).setSafe(i, (Boolean) v ? 1 : 0);
                case TEXT -> ((VarCharVector) vector).setSafe(i,
                        (v instanceof String s ? s : v instanceof Number || v instanceof Boolean ? v.toString() : toJson(v))
                                .getBytes(StandardCharsets.UTF_8));
            }
        }
        vector.setValueCount(n);
    }
}
